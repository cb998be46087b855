// Deferred events (a click right before a navigation): each written synchronously under its own storage key, so no
// write ever replaces another tab's entry. Another page load moves them into the outbox by id, once (tombstones
// there stop a stale copy of a key, which another tab may still see, from being added again).
import type { Entry } from './outbox.js';
import { attempt } from './attempt.js';
import { keys, read, remove, write } from './storage.js';
import { LIMITS } from './outbox.js';
import { randomId } from './random-id.js';

export const DEFERRED = 'datacue_d:';

export function readDeferred(): Entry[] {
  return keys(DEFERRED)
    .map((k) => attempt(() => JSON.parse(read(k)!) as Entry))
    .filter((e): e is Entry => !!e?.body);
}

/**
 * Its storage key. A copy that counts tries (outbox.ts `copyOf`) has a key of its own per try, so that a tab removing
 * what it read and moved in never removes a newer copy another tab wrote meanwhile under the same id.
 */
export const keyOf = (e: Entry): string => DEFERRED + e.id + (e.tries ? '.' + e.tries : '');

export const removeDeferred = (moved: Entry[]): void => moved.forEach((e) => remove(keyOf(e)));

/**
 * Stores one deferred event at once; beyond the count cap the oldest go. Entry ids start with their time (`entryId`),
 * so sorted keys are oldest first; slice(0, -n) is empty while n or fewer wait.
 */
export function defer(e: Entry): void {
  write(keyOf(e), JSON.stringify(e));
  keys(DEFERRED).sort().slice(0, -LIMITS.count).forEach(remove);
}

/** An entry's id: its time in base 36 (8 digits from 1973 to 2059, so ids sort by time), then a random id. */
export const entryId = (at: number): string => at.toString(36) + randomId();
