import { describe, expect, it, vi } from 'vitest';

describe('the npm entry under Node', () => {
  it('imports without side effects and every call resolves without sending', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { createDatacue, DatacueError, ensureDatacue } = await import('../src/index');
    expect(typeof DatacueError).toBe('function');
    const dc = createDatacue({ api_key: 'k', page_type: 'home' });
    dc.identify('u1');
    await expect(dc.track({ type: 'login' })).resolves.toBeNull();
    await expect(dc.track({ type: 'login' }, true)).resolves.toBeNull();
    await expect(dc.page({ page_type: 'home' })).resolves.toBeNull();
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
    // The queueing stub (what the async snippet installs) keeps calls for the real script.
    const host: { datacue?: never } = {};
    const stub = ensureDatacue(host);
    void stub.track({ type: 'login' });
    expect((host as { datacue?: { q: unknown[] } }).datacue?.q).toHaveLength(1);
    // A loaded tracker is returned as it is: no queue, which would make a second datacue.js take it for a stub.
    const loaded = { datacue: dc };
    expect(ensureDatacue(loaded)).toBe(dc);
    expect('q' in dc).toBe(false);
  });

  it('reports bad input once, naming the key, and never throws', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { createDatacue } = await import('../src/index');
    const dc = createDatacue();
    await expect(dc.track({ type: 'login' })).resolves.toBeNull();
    await expect(dc.track({ type: 'login' })).resolves.toBeNull();
    await expect(dc.track(null as never)).resolves.toBeNull();
    expect(() => dc.identify({} as never)).not.toThrow();
    expect(() => dc.init(undefined as never)).not.toThrow();
    expect(warn.mock.calls.map((c) => c.join(' '))).toEqual([
      'datacue: api_key: expected your API key, got undefined; nothing sent',
      'datacue: event: expected an object with a type, got null; not sent',
      'datacue: user_id: expected a string or null, got {}; sent as a guest',
      'datacue: api_key: expected your API key, got undefined; nothing sent',
    ]);
  });
});
