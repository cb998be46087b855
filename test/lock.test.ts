import { afterEach, describe, expect, it, vi } from 'vitest';
import { tabLock } from '../src/lock';

// Without Web Locks (Safari before 15.4, http: pages) or with them refused (site data blocked), whether the tab that
// owns a waiting event is alive comes from a lease.
describe('a tab lock without Web Locks', () => {
  afterEach(() => vi.unstubAllGlobals());
  const now = Date.now();

  it('counts an owner alive for a minute after it took the event, also a deferred event, which has no due time', async () => {
    vi.stubGlobal('navigator', {});
    const live = await tabLock('me').live();
    expect(live('other', { id: 'a', at: now, t: now - 1000 })).toBe(true);
    expect(live('other', { id: 'a', at: now, t: now - 61_000 })).toBe(false);
    expect(live('other', { id: 'a', at: now, t: now - 61_000, next: now + 5000 })).toBe(true);
  });

  it('refused: holding goes on without the lock, and liveness is the lease', async () => {
    const refused = () => Promise.reject(new DOMException('Access to the Locks API is denied in this context.', 'SecurityError'));
    vi.stubGlobal('navigator', { locks: { request: vi.fn(refused), query: vi.fn(refused) } });
    const lock = tabLock('me');
    // Settles (it never did: the tab's retries waited for it forever).
    await lock.hold();
    const live = await lock.live();
    expect(live('other', { id: 'a', at: now, t: now - 1000 })).toBe(true);
    expect(live('other', { id: 'a', at: now, t: now - 61_000 })).toBe(false);
  });
});
