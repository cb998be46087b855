// localStorage that never throws: blocked, full or missing storage falls back to memory for this page.
import { attempt } from './attempt.js';

const memory = new Map<string, string>();

export const read = (key: string): string | undefined => attempt(() => localStorage.getItem(key)) ?? memory.get(key);

export function write(key: string, value: string): void {
  memory.set(key, value);
  attempt(() => localStorage.setItem(key, value));
}

export function remove(key: string): void {
  memory.delete(key);
  attempt(() => localStorage.removeItem(key));
}

/** Every key that starts with `prefix`, in storage or in memory. */
export const keys = (prefix: string): string[] =>
  [...new Set([...memory.keys(), ...(attempt(() => Object.keys(localStorage)) ?? [])])].filter((k) => k.startsWith(prefix));
