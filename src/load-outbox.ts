// Loads the outbox (outbox-chunk.ts) when an event waits. npm build: a dynamic import, which bundlers split off.
// The script-tag build swaps this module for load-outbox-script.ts (rollup.config.mjs).
import type { StartOutbox } from './outbox-chunk.js';

export const loadOutbox = (): Promise<StartOutbox> => import('./outbox-chunk.js').then((m) => m.startOutbox);
