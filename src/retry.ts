// When and how soon a failed delivery is tried again (DESIGN.md §4). Pure: the caller supplies time and randomness.

/** Network failures are reported as status 0. */
export const isRetryable = (status: number): boolean =>
  status === 0 || status === 408 || status === 425 || status === 429 || (status >= 500 && status < 600 && status !== 501 && status !== 505);

export const BASE_DELAY_MS = 1000;
export const MAX_DELAY_MS = 60_000;
/** Tries made while the page is open; what is left waits in storage for the next page load or `online`. */
export const MAX_ATTEMPTS = 5;

/** `Retry-After` as seconds or an HTTP date, in milliseconds from `now`; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Delay before try number `attempt + 1` (attempt counts failures so far, from 1): exponential with "equal jitter"
 * (half fixed, half random) so that many clients failing together do not come back together. The server's
 * `Retry-After` wins when it is longer.
 */
export function retryDelay(attempt: number, random: number, retryAfter?: number): number {
  const exp = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
  const jittered = exp / 2 + (random * exp) / 2;
  return retryAfter === undefined ? jittered : Math.max(retryAfter, jittered);
}
