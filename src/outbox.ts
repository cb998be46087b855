// Events waiting for delivery, shared by every tab of the store (DESIGN.md §4). The logic only: the store
// (IndexedDB), clock, locks and network are handed in, so tests can run many tabs over one fake store.
import { isRetryable, MAX_ATTEMPTS, MAX_DELAY_MS, retryAfterMs, retryDelay } from './retry.js';
import type { Reply } from './transport.js';

/** One waiting event; without a body it is a tombstone: delivered or dropped, kept so it is never added again. */
export interface Entry {
  id: string;
  /** When the event happened (ms); expiry counts from it. */
  at: number;
  /** The JSON envelope. */
  body?: string;
  /** Failed attempts so far, over every page and tab. */
  tries?: number;
  /** Not to be sent before this time (backoff, Retry-After). */
  next?: number;
  /** The tab that owns its retry ('' or absent: nobody, the next flush adopts it). */
  owner?: string;
  /** When the owner took it: an owner whose lock is not held was dead only if it took it before the check. */
  t?: number;
  /** Its request is on the wire. */
  inflight?: 1;
  /** A deferred event: the page load that deferred it, which must not send it. */
  page?: string;
  /** A failed first attempt's copy: the answer's Retry-After, which the page load that moves it in honours. */
  retryAfter?: string | null | undefined;
}

/** A store whose transactions are atomic and serialized across tabs (IndexedDB readwrite transactions are). */
export interface Store {
  tx<T>(fn: (all: Entry[], put: (e: Entry) => void, del: (id: string) => void) => T): Promise<T>;
}

export interface Env {
  store: Store;
  /** This tab's owner id. */
  me: string;
  now(): number;
  random(): number;
  later(fn: () => void, ms: number): void;
  online(): boolean;
  /** Which owners are alive now: their tab holds its lock. */
  live(): Promise<(owner: string, e: Entry) => boolean>;
  /** Takes this tab's lock (held while it owns entries, so its leases die with it) and lets it go. */
  hold(): Promise<unknown>;
  release(): void;
  /** One attempt; undefined when the event is done with (delivered or refused), else the failed reply. */
  send(e: Entry): Promise<Reply | undefined>;
  /** This tab is done with the event: delivered, or sent by another, or (with `why`, the last failure) kept for later. */
  gave(id: string, why?: Reply): void;
  /** Deferred events other page loads left, read synchronously from their storage keys. */
  deferred(): Entry[];
  /** Writes one synchronously under its storage key (deferred.ts `defer`). */
  keep(e: Entry): void;
  /** Removes deferred events (as read or kept: each by its key) that are now in the store. */
  moved(entries: Entry[]): void;
  /**
   * Sets (or clears) the hint that the store holds events, which tells a page load to load the outbox at all: set
   * after every write that leaves one; set or cleared by a flush inside its transaction, by what the store holds.
   */
  mark(on: boolean): void;
}

export const LIMITS = { count: 50, bytes: 32 * 1024, ttlMs: 7 * 24 * 3600 * 1000, tombstones: 500 };

/** Drops expired entries and tombstones, then the oldest entries beyond the caps; returns the entries kept. */
export function prune(all: Entry[], now: number, del: (id: string) => void, limits = LIMITS): Entry[] {
  const live: Entry[] = [];
  const dead: Entry[] = [];
  for (const e of all.sort((a, b) => b.at - a.at)) {
    if (now - e.at >= limits.ttlMs) del(e.id);
    else (e.body ? live : dead).push(e);
  }
  dead.slice(limits.tombstones).forEach((e) => del(e.id));
  let bytes = 0;
  return live.filter((e, i) => {
    bytes += JSON.stringify(e).length;
    const keep = i < limits.count && bytes <= limits.bytes;
    if (!keep) del(e.id);
    return keep;
  });
}

export function createOutbox(env: Env, page: () => string) {
  const { store, me } = env;
  const mine = new Set<string>();
  const own = (id: string) => (mine.add(id), env.hold());
  const settle = (id: string, why?: Reply) => {
    mine.delete(id);
    if (!mine.size) env.release();
    env.gave(id, why);
  };
  /**
   * A deferred copy (page '') of an event as it is after try number `tries`, which a flush resumes from when the
   * store has the event in flight one try earlier (its tab went away before it could store the outcome).
   */
  const copyOf = (e: Entry, tries: number, next: number): Entry => ({ ...e, tries, next, page: '' });
  // A time already past gives a negative delay: at once, as setTimeout takes it. A later one no further than setTimeout
  // reaches (2^31 - 1 ms, 24.8 days): past it, it would take the delay as negative and fire, again and again.
  // A store that fails (a full disk aborting a transaction) leaves the event to a later page load: what it kept (the
  // store's entry, a deferred copy) stays as it was.
  const retryAt = (e: Entry) => env.later(() => void attempt(e.id).catch(() => settle(e.id)), Math.min((e.next ?? 0) - env.now(), 2 ** 31 - 1));

  /** A failed attempt: stored with its next time, owned by this tab unless offline or out of tries. */
  async function failed(e: Entry, reply: Reply, fresh?: boolean) {
    const tries = (e.tries ?? 0) + 1;
    const now = env.now();
    const delay = retryDelay(tries, env.random(), retryAfterMs(reply.retryAfter, now));
    const keep = tries < MAX_ATTEMPTS && delay <= MAX_DELAY_MS && env.online();
    // A retry's answer (not a network failure, which may be the browser cancelling the request as the page goes away)
    // is kept at once: the page may go away before the transaction below, which would leave it marked in flight. A
    // first attempt's is kept already, by the tracker.
    const copy = copyOf(e, tries, now + delay);
    if (reply.status && !fresh) env.keep(copy);
    if (keep) await own(e.id);
    const next: Entry = { ...copy, owner: keep ? me : '', t: env.now() };
    // A retry writes back only what is still there: a cap may have dropped it meanwhile. A first failure is written
    // only if no flush has moved it in (from the tracker's copy); if a flush of this tab did, its retry is this tab's.
    let retried = false;
    const kept = await store.tx((all, put, del) => {
      const there = all.find((x) => x.id === e.id);
      if (fresh ? there : !there?.body) return (retried = there?.owner === me), false;
      put(next);
      return prune([...all.filter((x) => x !== there), next], now, del).includes(next);
    });
    if (kept) env.mark(true);
    // The copy kept until now: the store has the event, or another tab moved it in.
    env.moved([e, copy]);
    if (kept && keep) retryAt(next);
    else if (!retried) settle(e.id, reply);
  }

  /** One retry by the owner, when its time has come. */
  async function attempt(id: string) {
    const [e, copy] = await store.tx((all, put): [Entry | undefined, Entry?] => {
      const e = all.find((x) => x.id === id);
      if (!(e?.body && e.owner === me && !e.inflight && (e.next ?? 0) <= env.now())) return [e];
      // Taken again now: without Web Locks, its lease counts from here while the request is out.
      put({ ...e, inflight: 1, t: env.now() });
      // Until the request leaves, a copy that counts this try (as its failure would): a page that goes away after
      // this transaction and before the request leaves gives a flush the copy to resume from, not an entry to drop.
      const copy = copyOf(e, (e.tries ?? 0) + 1, e.next ?? 0);
      env.keep(copy);
      return [e, copy];
    });
    if (copy) {
      // fetch() is called before send() returns: from here the browser owns the request (keepalive).
      const reply = env.send(e!);
      env.moved([copy]);
      return sent(e!, await reply);
    }
    // Not due yet (a timer that fired early): wait again. Else it is no longer ours: done, or kept by another tab.
    if (e?.body && e.owner === me && !e.inflight) retryAt(e);
    else settle(id);
  }

  async function sent(e: Entry, reply: Reply | undefined, fresh?: boolean) {
    if (reply && isRetryable(reply.status)) return failed(e, reply, fresh);
    // Done with (delivered or refused): a tombstone, so that a stale copy of a deferred event is never added again.
    if (!fresh) await store.tx((_, put) => put({ id: e.id, at: e.at }));
    settle(e.id);
  }

  return {
    /** A first attempt (made by the page, without the outbox) that failed with a retryable reply. */
    failed: (e: Entry, reply: Reply) => failed(e, reply, true).catch(() => settle(e.id, reply)),

    /** On page load and `online`: moves deferred events in, adopts what has no live owner, drops orphans in flight. */
    async flush() {
      const q = env.now();
      const live = await env.live();
      // Read after the owners: a tab that went away removed its copy of a request it sent before its lock was gone.
      const deferred = env.deferred().filter((d) => d.page !== page());
      await own('');
      // Copies (copyOf) of events a live tab has in flight, or failed and has yet to store: theirs to remove.
      const busy: string[] = [];
      const taken = await store.tx((all, put, del) => {
        for (let d of deferred) {
          if (!all.some((x) => x.id === d.id)) {
            // A failed first attempt's copy (page ''), moved in before its page stored it: it waits like a retry.
            if (!(d.page || d.tries)) d = { ...d, tries: 1, next: q + retryDelay(1, env.random(), retryAfterMs(d.retryAfter, q)) };
            put(d);
            all.push(d);
          }
        }
        const kept = prune(all, env.now(), del);
        // Inside the transaction: a writer's mark (after its own transaction) comes after this, and a page that
        // goes away meanwhile never leaves the hint cleared while the store holds events.
        env.mark(kept.length > 0);
        const taken: Entry[] = [];
        for (let e of kept) {
          if (e.page === page() || e.owner === me || (e.owner && (live(e.owner, e) || (e.t ?? 0) >= q))) {
            if (e.inflight) busy.push(e.id);
            continue;
          }
          // Its tab went away mid-request: the browser (keepalive) owns that request, whose answer nobody can know.
          // Unless the tab kept a copy of this try (copyOf): the request never left, or its answer, a failure, came
          // and was not stored yet.
          const c = e.inflight && deferred.find((d) => d.id === e.id && d.tries === (e.tries ?? 0) + 1);
          if (e.inflight && !c) put({ id: e.id, at: e.at });
          else {
            put((e = { ...(c || e), owner: me, t: env.now() }));
            taken.push(e);
          }
        }
        return taken;
      });
      env.moved(deferred.filter((d) => !busy.includes(d.id)));
      taken.forEach((e) => {
        mine.add(e.id);
        retryAt(e);
      });
      settle('');
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
