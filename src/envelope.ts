import type { DatacueEvent, Envelope, Profile } from './types';

export interface User {
  anonymousId: string;
  userId?: string | undefined;
  profile?: Profile | undefined;
}

/** The JSON body of one event; `at` is when it happened (for a deferred click, the click). */
export function envelope(event: DatacueEvent, user: User, at: number): Envelope {
  const u: Envelope['user'] = { anonymous_id: user.anonymousId };
  if (user.userId) u.user_id = user.userId;
  if (user.profile) u.profile = user.profile;
  return { user: u, event, timestamp: new Date(at).toISOString() };
}
