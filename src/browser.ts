// Script-tag entry (dist/datacue.js): installs window.datacue, runs calls queued before it loaded, sends the page event.
import type { Datacue } from './types';
import type { DatacueStub } from './stub';
import { createTracker } from './tracker';
import { say } from './log';

type Host = Window & { datacue?: Partial<Datacue> & Partial<DatacueStub>; datacueConfig?: unknown };

function start(host: Host) {
  const previous = host.datacue;
  if (previous && !previous.q && previous.track) return; // loaded twice: the first copy is in charge
  const queued = previous?.q ?? [];
  const tracker = createTracker();
  host.datacue = tracker.api;

  const config = host.datacueConfig;
  // Without a config the page may still set up through queued init()/page() calls; only then is silence right.
  const configured =
    (config !== undefined || !queued.some(([m]) => m === 'init' || m === 'page')) && tracker.configure(config);
  for (const [method, args, resolve, reject] of queued) {
    try {
      Promise.resolve((tracker.api[method] as (...a: unknown[]) => unknown)(...Array.from(args))).then(resolve, reject);
    } catch (e) {
      reject(e);
    }
  }
  if (configured) void tracker.sendPage(config);
  else void tracker.flush();
  host.addEventListener('online', () => void tracker.flush());
}

try {
  start(window as Host);
} catch (e) {
  say('warn', 'could not start:', e);
}
