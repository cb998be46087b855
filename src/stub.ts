import type { Datacue } from './types.js';

/** The methods an async loading snippet (or the widgets script, loaded first) may call before datacue.js arrives. */
export const QUEUED_METHODS = ['init', 'identify', 'track', 'page', 'onRecommendations', 'consent', 'forget'] as const;

export type QueuedMethod = (typeof QUEUED_METHODS)[number];
/** One call waiting for datacue.js: the method, its arguments, and the settlers of the promise the stub returned. */
export type QueuedCall = [QueuedMethod, Iterable<unknown>, (value: unknown) => void, (reason: unknown) => void];

export interface DatacueStub {
  q: QueuedCall[];
}

type Host = { datacue?: Partial<Datacue> & Partial<DatacueStub> };

/**
 * Makes sure `host.datacue` can take calls: returns the loaded tracker, or installs the same queueing stub as the
 * README's async snippet. Every stubbed call returns a promise settled when the real method has run.
 */
export function ensureDatacue(host: Host): Datacue {
  const dc = (host.datacue ||= { q: [] });
  // The loaded tracker is left as it is: a queue on it would make a second copy of datacue.js take it for a stub (the
  // same test as browser.ts's `start`).
  if (dc.track && !dc.q) return dc as Datacue;
  const q = (dc.q ||= []);
  for (const m of QUEUED_METHODS) {
    (dc as Record<string, unknown>)[m] ||= (...args: unknown[]) =>
      new Promise((resolve, reject) => q.push([m, args, resolve, reject]));
  }
  return dc as Datacue;
}
