// Deferred events (a click right before a navigation): each written synchronously under its own storage key, so no
// write ever replaces another tab's entry. Another page load moves them into the outbox by id, once (tombstones
// there stop a stale copy of a key, which another tab may still see, from being added again).
import type { Entry } from './outbox.js';
import { attempt } from './attempt.js';
import { keys, read, remove, write } from './storage.js';
import { LIMITS } from './outbox.js';

export const DEFERRED = 'datacue_d:';

export function readDeferred(): Entry[] {
  return keys(DEFERRED)
    .map((k) => attempt(() => JSON.parse(read(k)!) as Entry))
    .filter((e): e is Entry => typeof e?.body === 'string')
    .sort((a, b) => a.at - b.at);
}

export const removeDeferred = (ids: string[]): void => ids.forEach((id) => remove(DEFERRED + id));

/** Stores one deferred event at once; beyond the count cap the oldest go. */
export function defer(e: Entry): void {
  write(DEFERRED + e.id, JSON.stringify(e));
  const all = readDeferred();
  removeDeferred(all.slice(0, all.length - LIMITS.count).map((d) => d.id));
}
