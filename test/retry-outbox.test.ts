import { describe, expect, it } from 'vitest';
import { isRetryable, retryAfterMs, retryDelay, MAX_DELAY_MS } from '../src/retry';

describe('retry policy', () => {
  it('retries network failures, 408, 425, 429 and 5xx except 501 and 505', () => {
    const retried = [0, 408, 425, 429, 500, 502, 503, 504, 599];
    const not = [200, 204, 400, 401, 403, 404, 413, 422, 501, 505];
    expect(retried.filter(isRetryable)).toEqual(retried);
    expect(not.filter(isRetryable)).toEqual([]);
  });

  it('backs off exponentially with equal jitter, capped', () => {
    expect([1, 2, 3, 4].map((n) => retryDelay(n, 0))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((n) => retryDelay(n, 1))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelay(30, 1)).toBe(MAX_DELAY_MS);
  });

  it('honours Retry-After when it is longer', () => {
    expect(retryDelay(1, 0.5, 5000)).toBe(5000);
    expect(retryDelay(3, 1, 10)).toBe(4000);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Wed, 21 Oct 2026 07:28:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Wed, 21 Oct 2026 07:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBe(0);
    expect(retryAfterMs(null, now)).toBe(0);
  });
});
