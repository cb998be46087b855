// Consent (DESIGN.md §9): what the shopper agreed to, and the calls that wait for it. Pure: the tracker supplies
// what a call does, how stored data is erased, and the browser's Global Privacy Control signal.
import { expected, type Warn } from './log.js';
import type { ConsentState } from './types.js';

const STATES: readonly unknown[] = ['granted', 'denied', 'pending'];

/** A tracker call held back by consent: `run` makes it, `drop` settles it as not sent. */
export interface Waiting {
  run(): unknown;
  drop(): void;
  /** About how many bytes it holds in memory, for the cap. */
  bytes: number;
  /** A page's own event: sent before the others on grant, so the widgets render at once. */
  first?: boolean;
}

/** What may wait in memory while consent is pending; later calls are dropped (and settle as not sent). */
export const WAIT_LIMITS = { count: 50, bytes: 32 * 1024 };

export interface Consent {
  /** undefined until the first config (or `consent()` call) decides it. */
  readonly state: ConsentState | undefined;
  /** `options.consent` of a config: absent keeps a decided state, else means granted unless GPC is on. */
  configure(option: unknown, gpc: unknown): void;
  /** `datacue.consent(value)`. */
  set(value: unknown): void;
  /** `datacue.forget()`: drops what waits and erases what is stored; the state stays. */
  forget(): void;
  /** Runs the call when granted, keeps it while pending (within the caps), drops it when denied. */
  gate(call: Waiting): void;
}

/** An unknown value is reported once per call and treated as pending: the safe side. */
function read(value: unknown, key: string, warn: Warn): ConsentState {
  if (STATES.includes(value)) return value as ConsentState;
  warn(expected(key, "'granted', 'denied' or 'pending'", value, 'treated as pending'));
  return 'pending';
}

export function createConsent(warn: Warn, erase: () => void, limits = WAIT_LIMITS): Consent {
  let state: ConsentState | undefined;
  let queue: Waiting[] = [];
  let bytes = 0;

  const takeAll = () => {
    const all = queue;
    queue = [];
    bytes = 0;
    return all;
  };
  const dropAll = () => takeAll().forEach((call) => call.drop());

  // Everything that waited passes the gate again: sent when granted, kept when pending, dropped when denied.
  const release = () => takeAll().forEach(gate);

  function to(next: ConsentState) {
    state = next;
    if (next === 'denied') {
      dropAll();
      erase();
    }
    if (next === 'granted') {
      // The page's own events first, then the rest in the order they were made. The rest wait (still in the queue,
      // so a denial or forget() meanwhile drops them) until the first has settled: its answer, which the widgets
      // render, never queues behind them.
      queue = [...queue.filter((c) => c.first), ...queue.filter((c) => !c.first)];
      const head = queue.shift();
      if (head) {
        bytes -= head.bytes;
        void Promise.resolve().then(head.run).then(release, release);
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
    forget() {
      dropAll();
      erase();
    },
    gate,
  };

  function gate(call: Waiting) {
    if (state === 'granted') call.run();
    else if (state === 'denied' || queue.length >= limits.count || bytes + call.bytes > limits.bytes) call.drop();
    else {
      queue.push(call);
      bytes += call.bytes;
    }
  }
}
