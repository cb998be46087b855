import { describe, expect, it } from 'vitest';
import { createConsent, WAIT_LIMITS, type Waiting } from '../src/consent';
import type { ConsentState } from '../src/types';

/** A consent machine with a log of what happened: runs, drops, erases and messages, in order. */
function setup(limits = WAIT_LIMITS) {
  const log: string[] = [];
  const warnings: string[] = [];
  const consent = createConsent((m) => warnings.push(m), () => log.push('erase'), limits);
  /** A call that logs its run (settling when `settle` is called, for the page's event) or its drop. */
  const call = (name: string, extra: Partial<Waiting> = {}) => {
    let settle = () => {};
    const done = new Promise<void>((resolve) => (settle = resolve));
    const c: Waiting = {
      run: () => {
        log.push(`run ${name}`);
        return extra.first ? done : undefined;
      },
      drop: () => log.push(`drop ${name}`),
      bytes: 10,
      ...extra,
    };
    return Object.assign(c, { settle });
  };
  return { consent, log, warnings, call };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the initial state', () => {
  const cases: [option: unknown, gpc: unknown, state: ConsentState][] = [
    [undefined, undefined, 'granted'],
    [undefined, false, 'granted'],
    [undefined, true, 'denied'],
    // Only a store's explicit grant (its own consent tool asked the shopper) overrides GPC.
    ['granted', true, 'granted'],
    ['pending', true, 'pending'],
    ['denied', true, 'denied'],
    ['granted', false, 'granted'],
    ['pending', undefined, 'pending'],
    ['denied', undefined, 'denied'],
    // Anything but `true` is not a GPC signal.
    [undefined, 'true', 'granted'],
    [undefined, 1, 'granted'],
  ];
  for (const [option, gpc, state] of cases) {
    it(`options.consent ${String(option)} with GPC ${String(gpc)}: ${state}`, () => {
      const { consent, warnings, log } = setup();
      expect(consent.state).toBeUndefined();
      consent.configure(option, gpc);
      expect(consent.state).toBe(state);
      expect(warnings).toEqual([]);
      // Denied from the start deletes what earlier pages stored.
      expect(log).toEqual(state === 'denied' ? ['erase'] : []);
    });
  }

  it('an unknown value gives one message and is treated as pending, GPC or not', () => {
    for (const value of ['yes', true, null, 1, {}]) {
      for (const gpc of [true, undefined]) {
        const { consent, warnings, log } = setup();
        consent.configure(value, gpc);
        expect(consent.state).toBe('pending');
        expect(warnings).toEqual([
          `options.consent: expected 'granted', 'denied' or 'pending', got ${JSON.stringify(value)}; treated as pending`,
        ]);
        expect(log).toEqual([]);
      }
    }
  });

  it('a later config without consent keeps the state; one naming it changes it', () => {
    const { consent } = setup();
    consent.configure('pending', undefined);
    consent.configure(undefined, undefined);
    expect(consent.state).toBe('pending');
    consent.configure(undefined, true);
    expect(consent.state).toBe('pending');
    consent.configure('granted', true);
    expect(consent.state).toBe('granted');
  });

  it('a consent() call made before the config (queued by the async snippet) is not overridden by defaults', () => {
    const { consent } = setup();
    consent.set('granted');
    consent.configure(undefined, true);
    expect(consent.state).toBe('granted');
  });

  it('calls made before any decision wait, as when pending', () => {
    const { consent, log, call } = setup();
    consent.gate(call('a'));
    expect(log).toEqual([]);
    consent.configure(undefined, undefined);
    return tick().then(() => expect(log).toEqual(['run a']));
  });
});

describe('gating calls', () => {
  it('granted: every call runs at once', () => {
    const { consent, log, call } = setup();
    consent.configure('granted', undefined);
    consent.gate(call('a'));
    consent.gate(call('b', { first: true }));
    expect(log).toEqual(['run a', 'run b']);
  });

  it('denied: every call is dropped at once, nothing runs', () => {
    const { consent, log, call } = setup();
    consent.configure('denied', undefined);
    log.length = 0;
    consent.gate(call('a'));
    consent.gate(call('b', { first: true }));
    expect(log).toEqual(['drop a', 'drop b']);
  });

  it('pending: calls wait; nothing runs, nothing is dropped, nothing erased', async () => {
    const { consent, log, call } = setup();
    consent.configure('pending', undefined);
    consent.gate(call('a'));
    consent.gate(call('b'));
    await tick();
    expect(log).toEqual([]);
  });

  it('pending: the memory queue is capped in count; calls beyond it are dropped', async () => {
    const { consent, log, call } = setup({ count: 3, bytes: 1000 });
    consent.configure('pending', undefined);
    for (const n of [1, 2, 3, 4, 5]) consent.gate(call(`e${n}`));
    expect(log).toEqual(['drop e4', 'drop e5']);
    consent.set('granted');
    await tick();
    expect(log.slice(2)).toEqual(['run e1', 'run e2', 'run e3']);
  });

  it('pending: the memory queue is capped in bytes', () => {
    const { consent, log, call } = setup({ count: 50, bytes: 26 });
    consent.configure('pending', undefined);
    consent.gate(call('a', { bytes: 10 }));
    consent.gate(call('b', { bytes: 20 }));
    consent.gate(call('c', { bytes: 15 }));
    consent.gate(call('d', { bytes: 1 }));
    expect(log).toEqual(['drop b']);
    consent.set('denied');
    expect(log).toEqual(['drop b', 'drop a', 'drop c', 'drop d', 'erase']);
  });
});

describe('transitions', () => {
  it("pending → granted: the page's event first, then (once it settled) what waited, in order, each once", async () => {
    const { consent, log, call } = setup();
    consent.configure('pending', undefined);
    const page = call('page', { first: true });
    consent.gate(call('click'));
    consent.gate(page);
    consent.gate(call('login'));
    consent.set('granted');
    await tick();
    expect(log).toEqual(['run page']);
    page.settle();
    await tick();
    expect(log).toEqual(['run page', 'run click', 'run login']);
    // Granting again (consent tools fire more than once) sends nothing twice.
    consent.set('granted');
    await tick();
    expect(log).toEqual(['run page', 'run click', 'run login']);
  });

  it('pending → granted without a page event: what waited, in order', async () => {
    const { consent, log, call } = setup();
    consent.configure('pending', undefined);
    consent.gate(call('a'));
    consent.gate(call('b'));
    consent.set('granted');
    await tick();
    expect(log).toEqual(['run a', 'run b']);
  });

  it("granted, then denied while the page's event is in flight: the rest are dropped, never run", async () => {
    const { consent, log, call } = setup();
    consent.configure('pending', undefined);
    const page = call('page', { first: true });
    consent.gate(page);
    consent.gate(call('a'));
    consent.set('granted');
    await tick();
    consent.set('denied');
    page.settle();
    await tick();
    expect(log).toEqual(['run page', 'drop a', 'erase']);
  });

  it("granted, then pending again while the page's event is in flight: the rest keep waiting", async () => {
    const { consent, log, call } = setup();
    consent.configure('pending', undefined);
    const page = call('page', { first: true });
    consent.gate(page);
    consent.gate(call('a'));
    consent.set('granted');
    await tick();
    consent.set('pending');
    page.settle();
    await tick();
    expect(log).toEqual(['run page']);
    consent.set('granted');
    await tick();
    expect(log).toEqual(['run page', 'run a']);
  });

  it('a page event that fails still lets the rest go', async () => {
    const { consent, log, call } = setup();
    consent.configure('pending', undefined);
    consent.gate(call('page', { first: true, run: () => (log.push('run page'), Promise.reject(new Error('x'))) }));
    consent.gate(call('a'));
    consent.set('granted');
    await tick();
    expect(log).toEqual(['run page', 'run a']);
  });

  it('pending → denied: what waited is dropped and storage erased; nothing runs, also after', async () => {
    const { consent, log, call } = setup();
    consent.configure('pending', undefined);
    consent.gate(call('a'));
    consent.gate(call('page', { first: true }));
    consent.set('denied');
    expect(log).toEqual(['drop a', 'drop page', 'erase']);
    consent.gate(call('b'));
    await tick();
    expect(log).toEqual(['drop a', 'drop page', 'erase', 'drop b']);
  });

  it('granted → denied (withdrawal): storage erased, later calls dropped; → granted again: calls run', () => {
    const { consent, log, call } = setup();
    consent.configure(undefined, undefined);
    consent.gate(call('a'));
    consent.set('denied');
    consent.gate(call('b'));
    consent.set('granted');
    consent.gate(call('c'));
    expect(log).toEqual(['run a', 'erase', 'drop b', 'run c']);
  });

  it('denied → pending: calls wait again, and run on a grant', async () => {
    const { consent, log, call } = setup();
    consent.configure(undefined, true);
    consent.set('pending');
    consent.gate(call('a'));
    expect(log).toEqual(['erase']);
    consent.set('granted');
    await tick();
    expect(log).toEqual(['erase', 'run a']);
  });

  it('consent() with an unknown value: one message naming consent, treated as pending', async () => {
    const { consent, log, warnings, call } = setup();
    consent.configure('granted', undefined);
    consent.set('yes');
    expect(consent.state).toBe('pending');
    expect(warnings).toEqual([`consent: expected 'granted', 'denied' or 'pending', got "yes"; treated as pending`]);
    consent.gate(call('a'));
    await tick();
    expect(log).toEqual([]);
  });
});

describe('forget()', () => {
  it('drops what waits and erases storage; the state stays', async () => {
    const { consent, log, call } = setup();
    consent.configure('pending', undefined);
    consent.gate(call('a'));
    consent.forget();
    expect(consent.state).toBe('pending');
    expect(log).toEqual(['drop a', 'erase']);
    consent.gate(call('b'));
    consent.set('granted');
    await tick();
    expect(log).toEqual(['drop a', 'erase', 'run b']);
  });

  it('granted: erases, and later calls still run', () => {
    const { consent, log, call } = setup();
    consent.configure('granted', undefined);
    consent.forget();
    consent.gate(call('a'));
    expect(log).toEqual(['erase', 'run a']);
  });

  it("drops what waits behind the page's event in flight", async () => {
    const { consent, log, call } = setup();
    consent.configure('pending', undefined);
    const page = call('page', { first: true });
    consent.gate(page);
    consent.gate(call('a'));
    consent.set('granted');
    await tick();
    consent.forget();
    page.settle();
    await tick();
    expect(log).toEqual(['run page', 'drop a', 'erase']);
  });
});
