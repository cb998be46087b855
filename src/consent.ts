// Consent (DESIGN.md §9): what the shopper agreed to, and the calls that wait for it. Pure: the tracker supplies
// what a call does, how stored data is erased, and the browser's Global Privacy Control signal.
import { expected, type Warn } from './log.js';
import { LIMITS } from './outbox.js';
import type { ConsentState } from './types.js';

const STATES: readonly unknown[] = ['granted', 'denied', 'pending'];

/** A call held back by consent: what it does, how its promise settles, its size in memory, whether it is a page's. */
type Entry = [run: () => unknown, settle: (value: unknown) => void, bytes: number, first: unknown];


export interface Consent {
  /** undefined until the first config (or `consent()` call) decides it. */
  readonly state: ConsentState | undefined;
  /** `options.consent` of a config: absent keeps a decided state, else means granted unless GPC is on. */
  configure(option: unknown, gpc: unknown): void;
  /** `datacue.consent(value)`. */
  set(value: unknown): void;
  /** `datacue.forget()`: drops what waits and erases what is stored; the state stays. */
  forget(): void;
  /**
   * Runs `run` when granted, keeps it while pending (within the caps), drops it when denied. Resolves with what
   * `run` returns, or null when dropped. `run` must not throw (pass an async function). `first` (any truthy value:
   * the tracker passes the page type) marks a page's own event: on grant it goes before what waited, so the widgets
   * render at once.
   */
  wait<T>(run: () => T, bytes?: number, first?: unknown): Promise<Awaited<T> | null>;
}

/** An unknown value is reported once per call and treated as pending: the safe side. */
function read(value: unknown, key: string, warn: Warn): ConsentState {
  if (STATES.includes(value)) return value as ConsentState;
  warn(expected(key, STATES.join(' | '), value, 'treated as pending'));
  return 'pending';
}

/**
 * `limits`: what may wait in memory while pending (by default the caps of what is kept in storage: their two fields,
 * not LIMITS itself, whose expiry and tombstone fields would come along into datacue.js); later calls are dropped,
 * their promise settling with null.
 */
export function createConsent(warn: Warn, erase: () => void, limits: { count: number; bytes: number } = { count: LIMITS.count, bytes: LIMITS.bytes }): Consent {
  let state: ConsentState | undefined;
  const queue: Entry[] = [];

  const forget = () => {
    queue.splice(0).forEach((e) => e[1](null));
    erase();
  };
  // Everything that waited passes the gate again: sent when granted, kept when pending, dropped when denied.
  const release = () => queue.splice(0).forEach(pass);

  function pass(e: Entry) {
    if (state == 'granted') e[1](e[0]());
    else if (state == 'denied' || queue.length >= limits.count || queue.reduce((n, q) => n + q[2], e[2]) > limits.bytes) e[1](null);
    else queue.push(e);
  }

  function to(next: ConsentState) {
    state = next;
    if (next == 'denied') forget();
    if (next == 'granted') {
      // The page's own event first: the newest page event (a single-page store's current route), else the oldest
      // event. The rest stay queued, so a denial or forget() meanwhile drops them, until it has settled: its answer,
      // which the widgets render, never queues behind them.
      const [head] = queue.splice(queue.reduce((last, e, i) => (e[3] ? i : last), 0), 1);
      if (head) {
        const result = head[0]();
        head[1](result);
        Promise.resolve(result).then(release, release);
      }
    }
  }

  return {
    get state() {
      return state;
    },
    configure(option, gpc) {
      if (option !== undefined) to(read(option, 'options.consent', warn));
      else if (!state) to(gpc === true ? 'denied' : 'granted');
    },
    set: (value) => to(read(value, 'consent', warn)),
    forget,
    wait: (run, bytes = 0, first) => new Promise((settle) => pass([run, settle as Entry[1], bytes, first])),
  };
}
