// The outbox's half of the tracker (dist/datacue-outbox.js, or a split chunk of the npm build): loaded only when an
// event waits (a retryable failure, deferred keys, the store's hint), it retries, shares the work between tabs and
// moves deferred events in. The page's half hands it what only the page knows: how to send, who waits for an answer.
import { createOutbox, type Env } from './outbox.js';
import { HINT, idbStore } from './store.js';
import { tabLock } from './lock.js';
import { defer, readDeferred, removeDeferred } from './deferred.js';
import { remove, write } from './storage.js';

/** The global through which dist/datacue-outbox.js hands itself to the tracker that injected it. */
export const HOOK = '_datacueOutbox';

export type Core = Pick<Env, 'me' | 'send' | 'gave'> & { page(): string };

export const startOutbox = (core: Core) =>
  createOutbox(
    {
      store: idbStore(),
      now: Date.now,
      random: Math.random,
      later: (fn, ms) => setTimeout(fn, ms),
      online: () => navigator.onLine,
      ...tabLock(core.me),
      deferred: readDeferred,
      keep: defer,
      moved: removeDeferred,
      mark: (on) => (on ? write(HINT, '1') : remove(HINT)),
      ...core,
    },
    core.page,
  );

export type StartOutbox = typeof startOutbox;
