/** Every message the runtime prints starts with this, so a store owner can filter for it. */
export const PREFIX = 'datacue:';

export type Level = 'log' | 'warn' | 'error';

/** Prints without ever throwing into the page (a console can be missing or patched). */
export function say(level: Level, ...parts: unknown[]): void {
  try {
    console[level](PREFIX, ...parts);
  } catch {
    /* nowhere left to tell it */
  }
}

export type Warn = (message: string) => void;
export const warn: Warn = (message) => say('warn', message);

/** One problem with the store's input, always in the same shape: the key, what was expected, what was done. */
export const expected = (key: string, what: string, value: unknown, outcome: string): string =>
  `${key}: expected ${what}, got ${describe(value)}; ${outcome}`;

/** A value as a message shows it; never throws (BigInt, cycles). */
export function describe(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
