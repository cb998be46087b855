// npm entry. Importing it has no side effects, also under Node (server-side rendering).
import type { Datacue, DatacueConfig } from './types.js';
import { createTracker } from './tracker.js';
import './global.js'; // the types of window.datacue and window.datacueConfig (no code)

export type * from './types.js';
export { DatacueError } from './error.js';
export { ensureDatacue, QUEUED_METHODS } from './stub.js';

/**
 * Creates a tracker. With a config, applies its `api_key`, `options` and `user_id`; send each route's page event
 * with `page()`. Under Node it sends nothing and resolves every call with null.
 */
export function createDatacue(config?: DatacueConfig): Datacue {
  const tracker = createTracker();
  if (config !== undefined) tracker.configure(() => config);
  return tracker.api;
}
