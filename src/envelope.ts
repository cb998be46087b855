import type { DatacueEvent, Envelope } from './types.js';

/**
 * The JSON body of one event; `at` is when it happened (for a deferred click, the click). Absent user fields are
 * undefined, which JSON leaves out, so a guest's envelope carries no `user_id`.
 */
export const envelope = (event: DatacueEvent, user: Envelope['user'], at: number): Envelope => ({
  user,
  event,
  timestamp: new Date(at).toISOString(),
});
