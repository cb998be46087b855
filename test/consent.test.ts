import { describe, expect, it } from 'vitest';
import { createConsent } from '../src/consent';
import { LIMITS } from '../src/outbox';
import type { ConsentState } from '../src/types';

/** A consent machine with a log of what happened: runs, drops (a promise settled with null), erases, messages. */
function setup(limits: { count: number; bytes: number } = LIMITS) {
  const log: string[] = [];
  const warnings: string[] = [];
  const consent = createConsent((m) => warnings.push(m), () => log.push('erase'), limits);
  /** A call that logs its run; a page's event (`first`) settles only when `settle` is called (rejecting if `fail`). */
  const call = (name: string, { first = false, bytes = 10, fail = false } = {}) => {
    let settle = () => {};
    const done = new Promise<string>((resolve, reject) => (settle = () => (fail ? reject(new Error(name)) : resolve(name))));
    const result = consent.wait(
      () => {
        log.push(`run ${name}`);
        return first ? done : name;
      },
      bytes,
      first,
    );
    void result.then((value) => value === null && log.push(`drop ${name}`), () => {});
    return { settle, result };
  };
  return { consent, log, warnings, call };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Pending with the page's event and `a` waiting, then granted: the page's event runs and stays in flight until `page.settle()`. */
function grantedWithPageInFlight(fail = false) {
  const machine = setup();
  machine.consent.configure('pending', undefined);
  const page = machine.call('page', { first: true, fail });
  machine.call('a');
  machine.consent.set('granted');
  return { ...machine, page };
}

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
    it(`options.consent ${JSON.stringify(option)} with GPC ${JSON.stringify(gpc)}: ${state}`, () => {
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
          `options.consent: expected granted | denied | pending, got ${JSON.stringify(value)}; treated as pending`,
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

  it('calls made before any decision wait, as when pending', async () => {
    const { consent, log, call } = setup();
    call('a');
    await tick();
    expect(log).toEqual([]);
    consent.configure(undefined, undefined);
    await tick();
    expect(log).toEqual(['run a']);
  });
});

describe('gating calls', () => {
  it('granted: every call runs at once and resolves with what it returned', async () => {
    const { consent, log, call } = setup();
    consent.configure('granted', undefined);
    const a = call('a');
    call('b', { first: true });
    expect(log).toEqual(['run a', 'run b']);
    await expect(a.result).resolves.toBe('a');
  });

  it('denied: every call is dropped (resolves null), nothing runs', async () => {
    const { consent, log, call } = setup();
    consent.configure('denied', undefined);
    const a = call('a');
    call('b', { first: true });
    await expect(a.result).resolves.toBeNull();
    expect(log).toEqual(['erase', 'drop a', 'drop b']);
  });

  it('pending: calls wait; nothing runs, nothing is dropped, nothing erased', async () => {
    const { consent, log, call } = setup();
    consent.configure('pending', undefined);
    call('a');
    call('b');
    await tick();
    expect(log).toEqual([]);
  });

  it('pending: the memory queue is capped in count; calls beyond it are dropped', async () => {
    const { consent, log, call } = setup({ count: 3, bytes: 1000 });
    consent.configure('pending', undefined);
    for (const n of [1, 2, 3, 4, 5]) call(`e${n}`);
    await tick();
    expect(log).toEqual(['drop e4', 'drop e5']);
    consent.set('granted');
    await tick();
    expect(log.slice(2)).toEqual(['run e1', 'run e2', 'run e3']);
  });

  it('pending: the memory queue is capped in bytes', async () => {
    const { consent, log, call } = setup({ count: 50, bytes: 26 });
    consent.configure('pending', undefined);
    call('a', { bytes: 10 });
    call('b', { bytes: 20 });
    call('c', { bytes: 15 });
    call('d', { bytes: 1 });
    call('e', { bytes: 1 });
    await tick();
    expect(log).toEqual(['drop b', 'drop e']);
    consent.set('granted');
    await tick();
    expect(log.slice(2)).toEqual(['run a', 'run c', 'run d']);
  });

  it('the default caps are those of what is kept in storage', async () => {
    const { consent, log, call } = setup();
    consent.configure('pending', undefined);
    for (let n = 0; n < LIMITS.count + 2; n++) call(`e${n}`, { bytes: 1 });
    await tick();
    expect(log).toEqual([`drop e${LIMITS.count}`, `drop e${LIMITS.count + 1}`]);
    consent.forget();
    call('big', { bytes: LIMITS.bytes + 1 });
    await tick();
    expect(log.at(-1)).toBe('drop big');
  });
});

describe('transitions', () => {
  it("pending → granted: the page's event first, then (once it settled) what waited, in order, each once", async () => {
    const { consent, log, call } = setup();
    consent.configure('pending', undefined);
    call('click');
    const page = call('page', { first: true });
    call('login');
    consent.set('granted');
    await tick();
    expect(log).toEqual(['run page']);
    page.settle();
    await expect(page.result).resolves.toBe('page');
    await tick();
    expect(log).toEqual(['run page', 'run click', 'run login']);
    // Granting again (consent tools report more than once) sends nothing twice.
    consent.set('granted');
    await tick();
    expect(log).toEqual(['run page', 'run click', 'run login']);
  });

  it("pending → granted after single-page routes: the current route's event first, then the rest in order", async () => {
    const { consent, log, call } = setup();
    consent.configure('pending', undefined);
    const home = call('home', { first: true });
    call('click');
    const product = call('product', { first: true });
    call('cart add');
    consent.set('granted');
    await tick();
    expect(log).toEqual(['run product']);
    product.settle();
    await tick();
    expect(log).toEqual(['run product', 'run home', 'run click', 'run cart add']);
    home.settle();
    await expect(home.result).resolves.toBe('home');
  });

  it('pending → granted without a page event: what waited, in order', async () => {
    const { consent, log, call } = setup();
    consent.configure('pending', undefined);
    call('a');
    call('b');
    call('c');
    consent.set('granted');
    await tick();
    expect(log).toEqual(['run a', 'run b', 'run c']);
  });

  it("calls made while the page's event is in flight run at once; what waited still follows the page's event", async () => {
    const { log, call, page } = grantedWithPageInFlight();
    call('b');
    await tick();
    expect(log).toEqual(['run page', 'run b']);
    page.settle();
    await tick();
    expect(log).toEqual(['run page', 'run b', 'run a']);
  });

  it("granted, then denied while the page's event is in flight: the rest are dropped, never run", async () => {
    const { consent, log, page } = grantedWithPageInFlight();
    await tick();
    consent.set('denied');
    page.settle();
    await tick();
    expect(log).toEqual(['run page', 'erase', 'drop a']);
  });

  it("granted, then pending again while the page's event is in flight: the rest keep waiting", async () => {
    const { consent, log, page } = grantedWithPageInFlight();
    await tick();
    consent.set('pending');
    page.settle();
    await tick();
    expect(log).toEqual(['run page']);
    consent.set('granted');
    await tick();
    expect(log).toEqual(['run page', 'run a']);
  });

  it('a page event that fails still lets the rest go, and its promise rejects as the call did', async () => {
    const { log, page } = grantedWithPageInFlight(true);
    page.settle();
    await expect(page.result).rejects.toThrow('page');
    await tick();
    expect(log).toEqual(['run page', 'run a']);
  });

  it('pending → denied: what waited is dropped and storage erased; nothing runs, also after', async () => {
    const { consent, log, call } = setup();
    consent.configure('pending', undefined);
    call('a');
    call('page', { first: true });
    consent.set('denied');
    call('b');
    await tick();
    expect(log).toEqual(['erase', 'drop a', 'drop page', 'drop b']);
  });

  it('granted → denied (withdrawal): storage erased, later calls dropped; → granted again: calls run', async () => {
    const { consent, log, call } = setup();
    consent.configure(undefined, undefined);
    call('a');
    consent.set('denied');
    call('b');
    await tick();
    consent.set('granted');
    call('c');
    expect(log).toEqual(['run a', 'erase', 'drop b', 'run c']);
  });

  it('denied → pending: calls wait again, and run on a grant', async () => {
    const { consent, log, call } = setup();
    consent.configure(undefined, true);
    consent.set('pending');
    call('a');
    await tick();
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
    expect(warnings).toEqual(['consent: expected granted | denied | pending, got "yes"; treated as pending']);
    call('a');
    await tick();
    expect(log).toEqual([]);
  });
});

describe('forget()', () => {
  it('drops what waits and erases storage; the state stays', async () => {
    const { consent, log, call } = setup();
    consent.configure('pending', undefined);
    call('a');
    consent.forget();
    expect(consent.state).toBe('pending');
    await tick();
    call('b');
    consent.set('granted');
    await tick();
    expect(log).toEqual(['erase', 'drop a', 'run b']);
  });

  it('granted: erases, and later calls still run', () => {
    const { consent, log, call } = setup();
    consent.configure('granted', undefined);
    consent.forget();
    call('a');
    expect(log).toEqual(['erase', 'run a']);
  });

  it("drops what waits behind the page's event in flight", async () => {
    const { consent, log, page } = grantedWithPageInFlight();
    await tick();
    consent.forget();
    page.settle();
    await tick();
    expect(log).toEqual(['run page', 'erase', 'drop a']);
  });
});
