// npm entry. Importing it has no side effects, also under Node (server-side rendering).
import type { Datacue, DatacueConfig } from './types';
import { createTracker } from './tracker';

export type * from './types';
export { DatacueError } from './error';
export { ensureDatacue, QUEUED_METHODS } from './stub';

/**
 * Creates a tracker. With a config, applies its `api_key`, `options` and `user_id`; send each route's page event
 * with `page()`. Under Node it sends nothing and resolves every call with null.
 */
export function createDatacue(config?: DatacueConfig): Datacue {
  const tracker = createTracker();
  if (config !== undefined) tracker.configure(config);
  return tracker.api;
}
