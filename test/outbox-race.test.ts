// The outbox under races: several simulated tabs share one store (atomic transactions, as IndexedDB's), one
// localStorage whose removals other tabs may still see for a while (as Chromium's), one clock and one events API
// that fails on a plan. fast-check picks the order of every asynchronous step (transactions, lock grants, lock
// queries, requests, answers, timers, tab deaths, page loads) and the plan.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createOutbox, prune, LIMITS, type Entry, type Env } from '../src/outbox';
import { memoryStore } from '../src/store';
import { keyOf } from '../src/deferred';
import type { Reply } from '../src/transport';
import { MAX_ATTEMPTS } from '../src/retry';

const never = <T>() => new Promise<T>(() => {});

interface World {
  s: fc.Scheduler;
  clock: number;
  store: Map<string, Entry>;
  /** Deferred events' storage keys. */
  keys: Map<string, Entry>;
  /**
   * Removed keys another tab may still read, and the tab that removed each. Only while that tab lives: its removal
   * is sent to the browser before the tab is gone, and so before its lock is released.
   */
  ghosts: { e: Entry; by: Tab }[];
  plan: number[];
  delivered: string[];
  refused: string[];
  /**
   * Events whose request was in flight when their tab died: sent and not answered yet. An answer the tab got (a
   * failure it had yet to store) does not count: it keeps it at once. A network failure does count (in a browser it
   * may be the request cancelled as the page goes away).
   */
  lostInFlight: Set<string>;
  tabs: Tab[];
  /** The store's hint (outbox.ts `mark`): a page load without it, and without deferred keys, loads no outbox. */
  hint: boolean;
}

interface Tab {
  name: string;
  dead: boolean;
  holding: boolean;
  inflight: Set<string>;
  /** Requests whose answer this tab has got. */
  answered: Set<string>;
  outbox: ReturnType<typeof createOutbox>;
  /** A page load or `online`, as the tracker does it: the outbox flushes only when the hint or a deferred key says so. */
  load(): void;
  track(n: number): void;
  defer(n: number): void;
}

const REPLY: Record<number, Reply> = {
  204: { status: 204, data: null, retryAfter: null },
  503: { status: 503, data: null, retryAfter: null },
  500: { status: 500, data: null, retryAfter: null },
  429: { status: 429, data: null, retryAfter: '1' },
  0: { status: 0, data: null, retryAfter: null },
  400: { status: 400, data: null, retryAfter: null },
};

function openTab(w: World, name: string, staleReads: boolean): Tab {
  const mem = memoryStore(w.store);
  // A dead tab runs no more code: what it awaited never comes back.
  const alive = <T>(p: Promise<T>) => p.then((v) => (tab.dead ? never<T>() : v));
  const step = <T>(label: string, v?: T) => w.s.schedule(Promise.resolve(v as T), `${name} ${label}`);
  const env: Env = {
    store: {
      // The transaction runs, and its completion reaches the tab later (IndexedDB's complete event is a task of its
      // own): the tab may die in between, its transaction done.
      tx: (fn) =>
        alive(
          step('tx')
            .then(() => (tab.dead ? never<ReturnType<typeof fn>>() : mem.tx(fn)))
            .then((result) => step('tx complete', result)),
        ),
    },
    me: name,
    now: () => w.clock,
    random: () => 0.5,
    later: (fn, ms) => {
      const due = w.clock + ms;
      void step('timer').then(() => {
        if (tab.dead) return;
        w.clock = Math.max(w.clock, due);
        fn();
      });
    },
    online: () => true,
    // The browser answers with the locks held when it answers, which may be well after the query was made.
    live: () =>
      alive(
        step('lock query').then(() => {
          const held = new Set(w.tabs.filter((t) => t.holding).map((t) => t.name));
          return (owner: string) => held.has(owner);
        }),
      ),
    hold: () =>
      alive(
        step('lock grant').then(() => {
          if (!tab.dead) tab.holding = true;
        }),
      ),
    release: () => {
      tab.holding = false;
    },
    send: (e) => {
      tab.inflight.add(e.id);
      tab.answered.delete(e.id);
      const answered = (reply: Reply | undefined) => {
        if (reply?.status !== 0) {
          tab.inflight.delete(e.id);
          tab.answered.add(e.id);
        }
        return reply;
      };
      return alive(
        step('request').then(() => {
          // The request reaches the server even if the tab died meanwhile (keepalive).
          const status = w.plan.shift() ?? 204;
          if (status === 204) w.delivered.push(e.id);
          if (status === 400) w.refused.push(e.id);
          return step('answer', status === 204 || status === 400 ? undefined : REPLY[status]);
        }),
      ).then(answered);
    },
    gave: (id) => tab.inflight.delete(id),
    deferred: () => [...w.keys.values(), ...(staleReads ? w.ghosts.filter((g) => !g.by.dead).map((g) => g.e) : [])].map((e) => ({ ...e })),
    keep: (e) => void w.keys.set(keyOf(e), { ...e }),
    moved: (entries) =>
      entries.forEach((moved) => {
        const e = w.keys.get(keyOf(moved));
        if (e) w.ghosts.push({ e, by: tab });
        w.keys.delete(keyOf(moved));
      }),
    mark: (on) => {
      w.hint = on;
    },
  };
  const page = `page-${name}`;
  const tab: Tab = {
    name,
    dead: false,
    holding: false,
    inflight: new Set(),
    answered: new Set(),
    outbox: createOutbox(env, () => page),
    load: () => void (w.hint || w.keys.size ? tab.outbox.flush() : undefined),
    // The tracker's first attempt: the outbox sees only a retryable failure, which the tracker keeps at once as a
    // deferred copy (page '').
    track: (n) => {
      const e = { id: `${name}-e${n}`, at: w.clock, body: `${name}-e${n}` };
      void env.send(e).then((reply) => {
        if (!reply) return env.gave(e.id);
        env.keep({ ...e, page: '', retryAfter: reply.retryAfter });
        return step('outbox loaded').then(() => (tab.dead ? undefined : tab.outbox.failed(e, reply)));
      });
    },
    defer: (n) => {
      const id = `${name}-d${n}`;
      env.keep({ id, at: w.clock, body: id, page });
    },
  };
  w.tabs.push(tab);
  return tab;
}

/** Runs every scheduled step, including those scheduled by later continuations, until nothing is left. */
async function drain(s: fc.Scheduler) {
  do {
    await s.waitAll();
    await new Promise((r) => setTimeout(r, 0));
  } while (s.count() > 0);
}

/** A world with nothing stored yet, whose events API answers from `plan` (then 204). */
const newWorld = (s: fc.Scheduler, plan: number[], clock = 0): World => ({ s, clock, store: new Map(), keys: new Map(), ghosts: [], plan, delivered: [], refused: [], lostInFlight: new Set(), tabs: [], hint: false });

/** Ten minutes later, each time: `loads` page loads (c0, c1 …), one after another, each run to the end. */
async function laterPageLoads(w: World, loads: number, staleReads: boolean) {
  for (let n = 0; n < loads; n++) {
    w.clock += 10 * 60_000;
    openTab(w, `c${n}`, staleReads).load();
    await drain(w.s);
  }
}

/** Each event was delivered (or refused) exactly once, or never, because its request was in flight when its tab died. */
function expectOnceOrLostInFlight(w: World, ids: string[]) {
  for (const id of ids) {
    const times = [...w.delivered, ...w.refused].filter((x) => x === id).length;
    if (times !== 1) expect({ id, times, lostInFlight: w.lostInFlight.has(id) }).toEqual({ id, times: 0, lostInFlight: true });
  }
}

function kill(w: World, tab: Tab) {
  tab.dead = true;
  tab.holding = false;
  tab.inflight.forEach((id) => w.lostInFlight.add(id));
}

const scenario = fc.record({
  tabs: fc.array(
    fc.record({ events: fc.nat(3), deferred: fc.nat(2), dies: fc.boolean(), staleReads: fc.boolean(), online: fc.boolean() }),
    { minLength: 2, maxLength: 3 },
  ),
  plan: fc.array(fc.constantFrom(204, 503, 429, 0, 400, 503), { maxLength: 40 }),
});

describe('outbox across tabs (property)', () => {
  it('every event is delivered or refused exactly once, or lost only because it was in flight when its tab died', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), scenario, async (s, sc) => {
        const w = newWorld(s, [...sc.plan], 1_000_000);
        const all: string[] = [];
        sc.tabs.forEach((t, i) => {
          const tab = openTab(w, `t${i}`, t.staleReads);
          tab.load(); // its page load
          for (let n = 0; n < t.events; n++) {
            tab.track(n);
            all.push(`t${i}-e${n}`);
          }
          for (let n = 0; n < t.deferred; n++) {
            tab.defer(n);
            all.push(`t${i}-d${n}`);
          }
          if (t.online) void s.schedule(Promise.resolve(), `t${i} online`).then(() => (tab.dead ? undefined : tab.load()));
          // A tab that dies is replaced by a new page load (a navigation), at some point.
          if (t.dies)
            void s.schedule(Promise.resolve(), `t${i} dies`).then(() => {
              kill(w, tab);
              openTab(w, `t${i}b`, t.staleReads).load();
            });
        });
        await drain(s);
        // Later, with the API healthy: a new page load sends whatever is left.
        w.clock += 10 * 60_000;
        w.plan = [];
        openTab(w, 'final', false).load();
        await drain(s);
        expectOnceOrLostInFlight(w, all);
        // Nothing is left waiting: only tombstones.
        expect([...w.store.values()].filter((e) => e.body)).toEqual([]);
        expect([...w.keys.keys()]).toEqual([]);
      }),
      { numRuns: 250 },
    );
  }, 120_000);

  it('whatever step a tab dies at, while another page loads: its events are sent once by later page loads, unless their request was in flight', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.array(fc.constantFrom(503, 429, 0, 500), { maxLength: 4 }),
        fc.nat(40),
        fc.nat(40),
        fc.boolean(),
        async (s, failures, dieAt, loadAt, staleReads) => {
          const w = newWorld(s, [...failures]);
          // A click deferred by an earlier page, which tab a's page load sends, and an event of tab a's own.
          openTab(w, 'p', staleReads).defer(0);
          const a = openTab(w, 'a', staleReads);
          a.load();
          a.track(0);
          // Another tab's page load at some step: its flush may run across a's death.
          const b = openTab(w, 'b', staleReads);
          for (let step = 0, idle = 0; !a.dead && idle < 5; step++) {
            if (step === loadAt) b.load();
            if (step === dieAt) kill(w, a);
            else if (s.count() > 0) (idle = 0), await s.waitOne();
            else (idle++, await new Promise((r) => setTimeout(r, 0)));
          }
          await drain(s);
          w.plan = [];
          await laterPageLoads(w, MAX_ATTEMPTS, staleReads);
          expectOnceOrLostInFlight(w, ['p-d0', 'a-e0']);
          expect([...w.store.values()].filter((e) => e.body)).toEqual([]);
        },
      ),
      { numRuns: 400 },
    );
  }, 120_000);

  it('a failed answer its tab had yet to store when it died is not lost: the next page load sends the event, once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.array(fc.constantFrom(503, 429, 500), { minLength: 1, maxLength: 4 }), fc.nat(3), async (s, failures, dieAt) => {
        const w = newWorld(s, [...failures]);
        const a = openTab(w, 'a', true);
        a.track(0);
        // Tab a dies as soon as it has the answer to try number `dieAt + 1` (a failure), before anything else runs.
        const n = Math.min(dieAt, failures.length - 1) + 1;
        let answers = 0;
        const answered = a.answered;
        a.answered = { add: (id: string) => (++answers === n && kill(w, a), answered.add(id)), has: (id: string) => answered.has(id), delete: (id: string) => answered.delete(id) } as Set<string>;
        for (let idle = 0; !a.dead && idle < 5; ) {
          if (s.count() > 0) (idle = 0), await s.waitOne();
          else (idle++, await new Promise((r) => setTimeout(r, 0)));
        }
        expect(a.dead).toBe(true);
        w.clock += 10 * 60_000;
        openTab(w, 'b', true).load();
        await drain(s);
        await laterPageLoads(w, failures.length, true);
        expect(w.delivered).toEqual(['a-e0']);
        expect([...w.store.values()].filter((e) => e.body)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  }, 120_000);

  it('a retry waits for its backoff whoever sends it: a page load adopting it never sends it earlier', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.array(fc.constantFrom(503, 429, 0), { minLength: 1, maxLength: 6 }), fc.nat(5), async (s, failures, dieAfter) => {
        const w = newWorld(s, []);
        const sentAt: number[] = [];
        const plan = [...failures];
        w.plan = { shift: () => (sentAt.push(w.clock), plan.shift()) } as unknown as number[];
        const a = openTab(w, 'a', false);
        a.track(0);
        // Tab a dies once `dieAfter` failures are stored and it waits for its next try; a new page load adopts it.
        const waiting = () => [...w.store.values()].some((e) => e.body && !e.inflight && (e.tries ?? 0) >= Math.min(dieAfter, failures.length));
        while (s.count() > 0 && !waiting()) await s.waitOne();
        if (waiting()) {
          kill(w, a);
          w.clock += 1;
          openTab(w, 'b', false).load();
        }
        await drain(s);
        // Past MAX_ATTEMPTS a tab lets the event go to the next page load: a few more, later.
        await laterPageLoads(w, failures.length, false);
        expect(sentAt).toHaveLength(failures.length + 1);
        expect(w.delivered).toEqual(['a-e0']);
        // The gap before try n+1 is at least the backoff after n failures (random 0.5: 3/4 of the exponential
        // step), and at least Retry-After (1 s) after a 429.
        for (let n = 1; n < sentAt.length; n++) {
          const min = Math.max(0.75 * 1000 * 2 ** (n - 1), failures[n - 1] === 429 ? 1000 : 0);
          expect(sentAt[n]! - sentAt[n - 1]!).toBeGreaterThanOrEqual(Math.min(min, 60_000));
        }
      }),
      { numRuns: 200 },
    );
  }, 120_000);
});

const entry = (id: string, at: number, size = 10, body = true): Entry => ({ id, at, ...(body ? { body: 'x'.repeat(size) } : {}) });
const kept = (all: Entry[], now: number, limits = LIMITS) => {
  const dropped: string[] = [];
  const live = prune(all, now, (id) => dropped.push(id), limits).map((e) => e.id);
  return { live, dropped: dropped.sort() };
};

describe('prune', () => {
  it('drops expired entries and tombstones', () => {
    const now = 10 * LIMITS.ttlMs;
    expect(kept([entry('old', now - LIMITS.ttlMs), entry('new', now - 1), entry('gone', now - LIMITS.ttlMs - 5, 0, false)], now)).toEqual({ live: ['new'], dropped: ['gone', 'old'] });
  });

  it('keeps at most `count` entries and the byte cap, newest first; tombstones capped apart', () => {
    expect(kept([entry('c', 3), entry('a', 1), entry('b', 2)], 5, { ...LIMITS, count: 2 })).toEqual({ live: ['c', 'b'], dropped: ['a'] });
    expect(kept([entry('a', 1, 400), entry('b', 2, 400), entry('c', 3, 400)], 5, { ...LIMITS, bytes: 1000 })).toEqual({ live: ['c', 'b'], dropped: ['a'] });
    expect(kept([entry('huge', 1, 5000)], 5, { ...LIMITS, bytes: 1000 })).toEqual({ live: [], dropped: ['huge'] });
    expect(kept([entry('x', 1, 0, false), entry('y', 2, 0, false), entry('z', 3, 0, false)], 5, { ...LIMITS, tombstones: 2 })).toEqual({ live: [], dropped: ['x'] });
  });
});
