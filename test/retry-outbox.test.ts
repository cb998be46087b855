import { describe, expect, it } from 'vitest';
import { isRetryable, retryAfterMs, retryDelay, MAX_DELAY_MS } from '../src/retry';
import { cap, parse, take, LIMITS, type Pending } from '../src/outbox';

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

const entry = (id: string, at: number, size = 10): Pending => ({ id, body: 'x'.repeat(size), at, tries: 0 });

describe('outbox', () => {
  it('parses only what it wrote; garbage is empty', () => {
    expect(parse(null)).toEqual([]);
    expect(parse('{oops')).toEqual([]);
    expect(parse('{"a":1}')).toEqual([]);
    expect(parse(JSON.stringify([entry('a', 1), { id: 'b' }, null, 3]))).toEqual([entry('a', 1)]);
  });

  it('drops expired entries', () => {
    const now = 10 * LIMITS.ttlMs;
    expect(cap([entry('old', now - LIMITS.ttlMs - 1), entry('new', now - 1)], now).map((p) => p.id)).toEqual(['new']);
  });

  it('keeps at most `count` entries, dropping the oldest first', () => {
    const list = [entry('c', 3), entry('a', 1), entry('b', 2)];
    expect(cap(list, 5, { ...LIMITS, count: 2 }).map((p) => p.id)).toEqual(['b', 'c']);
  });

  it('keeps the stored JSON under the byte cap, dropping the oldest first', () => {
    const list = [entry('a', 1, 400), entry('b', 2, 400), entry('c', 3, 400)];
    const kept = cap(list, 5, { ...LIMITS, bytes: 1000 });
    expect(kept.map((p) => p.id)).toEqual(['b', 'c']);
    expect(JSON.stringify(kept).length).toBeLessThanOrEqual(1000);
    expect(cap([entry('huge', 1, 5000)], 5, { ...LIMITS, bytes: 1000 })).toEqual([]);
  });

  it('take splits what is wanted from what stays', () => {
    const [taken, rest] = take([entry('a', 1), { ...entry('b', 2), page: 'p1' }], (p) => p.page !== 'p1');
    expect(taken.map((p) => p.id)).toEqual(['a']);
    expect(rest.map((p) => p.id)).toEqual(['b']);
  });
});
