// Script-tag entry (dist/datacue.js): installs window.datacue, runs calls queued before it loaded, sends the page event.
import type { Datacue } from './types.js';
import type { DatacueStub } from './stub.js';
import { createTracker, inBrowser } from './tracker.js';
import { safely } from './log.js';

type Host = Omit<Window, 'datacue'> & { datacue?: Partial<Datacue> & Partial<DatacueStub>; datacueConfig?: unknown };

function start(host: Host) {
  const previous = host.datacue;
  if (previous?.track && !previous.q) return; // loaded twice: the first copy is in charge (ensureDatacue agrees)
  const tracker = createTracker();
  // In place before the queued calls run: the widgets script wraps its page() when its queued subscription settles.
  host.datacue = tracker.api;
  // A page without datacueConfig sets up with datacue.init() (the reference's way), which also flushes.
  const config = tracker.configure(() => host.datacueConfig, true);
  // The API's methods never throw (they report instead), so one bad call cannot stop the rest of the queue.
  for (const [method, args, resolve, reject] of previous?.q ?? []) {
    Promise.resolve((tracker.api[method] as (...a: unknown[]) => unknown)(...args)).then(resolve, reject);
  }
  if (config) void tracker.sendPage(config);
  // flush() ignores the event it is handed and never rejects.
  host.addEventListener('online', tracker.flush);
}

// Under Node (server-side rendering, a test importing it) there is no page: do nothing, say nothing.
if (inBrowser) safely(() => start(window as Host));
