// When and how soon a failed delivery is tried again (DESIGN.md §4). Pure: the caller supplies time and randomness.

/** 0 (a network failure), 408, 425, 429, and 5xx but 501 and 505; as a pattern over the digits, for size. */
export const isRetryable = (status: number): boolean => /^(0|4(08|25|29)|5(?!0[15]))/.test(`${status}`);

export const BASE_DELAY_MS = 1000;
export const MAX_DELAY_MS = 60_000;
/** Tries made while the page is open; what is left waits in storage for the next page load or `online`. */
export const MAX_ATTEMPTS = 5;

/** `Retry-After` as seconds or an HTTP date, in milliseconds from `now`; 0 when absent, past or unreadable. */
export const retryAfterMs = (header: string | null | undefined, now: number): number =>
  (header && Math.max(0, Number(header) * 1000 || Date.parse(header) - now)) || 0;

/**
 * Delay before try number `attempt + 1` (attempt counts failures so far, from 1): exponential with "equal jitter"
 * (half fixed, half random) so that many clients failing together do not come back together. The server's
 * `Retry-After` wins when it is longer.
 */
export function retryDelay(attempt: number, random: number, retryAfter = 0): number {
  const exp = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
  return Math.max(retryAfter, (exp + random * exp) / 2);
}
