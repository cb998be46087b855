// The list of events waiting in storage: deferred clicks and failed deliveries. Pure: storage is at the edge.
import { attempt } from './attempt.js';

export interface Pending {
  /** Unique id, so the tab that persisted a retry can take back exactly that entry. */
  id: string;
  /** The JSON envelope, built when the event happened. */
  body: string;
  /** When it was stored (ms), for expiry. */
  at: number;
  /** Failed tries so far. */
  tries: number;
  /** Set on deferred events: the page load that deferred it, which must not send it. */
  page?: string;
}

export const LIMITS = { count: 50, bytes: 32 * 1024, ttlMs: 7 * 24 * 3600 * 1000 };

/** Parses what storage holds; anything unreadable counts as empty rather than breaking the page. */
export function parse(raw: string | null | undefined): Pending[] {
  const list: unknown = raw && attempt(() => JSON.parse(raw));
  // Entries are only ever written by this runtime; a body is what makes one sendable.
  return Array.isArray(list) ? list.filter((p): p is Pending => typeof p?.body === 'string') : [];
}

/** Drops expired entries, then the oldest ones until both the count and the byte caps hold. */
export function cap(list: Pending[], now: number, limits = LIMITS): Pending[] {
  const fresh = list.filter((p) => now - p.at < limits.ttlMs).sort((a, b) => a.at - b.at);
  let bytes = fresh.reduce((n, p) => n + JSON.stringify(p).length, 2);
  while (fresh.length > limits.count || (fresh.length && bytes > limits.bytes)) {
    bytes -= JSON.stringify(fresh.shift()).length;
  }
  return fresh;
}

/** Splits the list into what `wanted` takes and what stays. */
export function take(list: Pending[], wanted: (p: Pending) => boolean): [taken: Pending[], rest: Pending[]] {
  return [list.filter(wanted), list.filter((p) => !wanted(p))];
}
