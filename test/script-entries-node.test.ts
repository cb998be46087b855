// The script-tag entries imported under Node (server-side rendering, a bundler evaluating them): no page, so they
// do nothing and print nothing.
import { afterEach, expect, it, vi } from 'vitest';

afterEach(() => vi.restoreAllMocks());

for (const entry of ['../src/browser', '../widgets/script']) {
  it(`${entry.slice(3)}.ts is silent under Node`, async () => {
    const spies = (['log', 'info', 'warn', 'error'] as const).map((level) => vi.spyOn(console, level));
    expect(typeof globalThis.window).toBe('undefined');
    await expect(import(entry)).resolves.toBeDefined();
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    expect('datacue' in globalThis).toBe(false);
  });
}
