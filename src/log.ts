import { attempt } from './attempt.js';

/** Every message the runtime prints starts with this, so a store owner can filter for it. */
export const PREFIX = 'datacue:';

export type Level = 'log' | 'warn' | 'error';

/** Prints without ever throwing into the page (a console can be missing or patched). */
export const say = (level: Level, ...parts: unknown[]): void => attempt(() => console[level](PREFIX, ...parts));

export type Warn = (message: string) => void;
export const warn: Warn = (message) => say('warn', message);

/** One problem with the store's input, always in the same shape: the key, what was expected, what was done. */
export const expected = (key: string, what: string, value: unknown, outcome: string): string =>
  `${key}: expected ${what}, got ${describe(value)}; ${outcome}`;

/** A value as a message shows it; never throws (BigInt, cycles). */
export const describe = (value: unknown): string => attempt(() => JSON.stringify(value)) ?? String(value);

/** Reports a problem of our own that was caught before it reached the page. */
export const oops = (e: unknown): void => say('warn', 'caught', e);

/** Runs store-facing code so that a problem is reported, never thrown into the page. */
export function safely(fn: () => void): void {
  try {
    fn();
  } catch (e) {
    oops(e);
  }
}
