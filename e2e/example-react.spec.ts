// examples/react built with Vite (production, and development where StrictMode mounts every effect twice) and served
// on 127.0.0.1: one page event per route, the widgets mounted once after React's first render and re-rendered from
// each route's response, a recommendation click recorded, and the README's React snippet being the example's code.
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { build } from 'vite';
import { test, expect, routeDatacueHosts } from './support/fixtures';
import { ROOT } from './support/servers';
import { serveImages, SAMPLES } from './support/widgets-page';
import { settled } from './support/network';

const EXAMPLE = resolve(ROOT, 'examples/react');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** Serves a built single-page app: its files, and index.html for every route (as a store's host would). */
async function serve(dir: string) {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = normalize(join(dir, path));
    const asset = file.startsWith(dir) && extname(file) ? file : join(dir, 'index.html');
    try {
      const body = await readFile(asset);
      res.writeHead(200, { 'content-type': TYPES[extname(asset)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

test('the README React snippet is the example\'s src/datacue.ts', () => {
  const code = readFileSync(join(EXAMPLE, 'src/datacue.ts'), 'utf8');
  expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain('```ts\n' + code + '```');
});

for (const mode of ['production', 'development'] as const) {
  test(`examples/react (${mode} build): page() per route, widgets mounted once, clicks recorded`, async ({ page, site, api, errors, consoleLines }) => {
    test.setTimeout(120_000);
    const out = mkdtempSync(join(tmpdir(), `datacue-example-${mode}-`));
    // `vite build` keeps React's production build whatever the mode: NODE_ENV picks React's development build, the
    // one where StrictMode runs every effect, cleanup and effect again.
    await build({
      root: EXAMPLE,
      mode,
      logLevel: 'warn',
      define: { 'process.env.NODE_ENV': JSON.stringify(mode) },
      build: { outDir: out, emptyOutDir: true, minify: mode === 'production' },
    });
    const bundle = readdirSync(join(out, 'assets')).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(out, 'assets', f), 'utf8')).join('');
    expect(bundle.includes('doubleInvokeEffects'), 'React development build (StrictMode double effects)').toBe(mode === 'development');
    const app = await serve(out);
    try {
      await serveImages(page);
      // Home and product pageviews get the reference's samples; anything else 204.
      api.respond((req) => {
        const e = req.json?.event;
        if (e?.type !== 'pageview') return undefined;
        return { status: 200, body: e.subtype === 'product' ? SAMPLES.product : SAMPLES.home };
      });
      await routeDatacueHosts(page, site, api);
      const events = () => api.received.map((r) => r.json.event);

      await page.goto(app.url + '/');
      await expect(page.locator('h1')).toHaveText('Welcome');
      // The sample's one recently viewed product is already in related: one product once per page leaves one section.
      await expect(page.locator('[data-dc-products] .dc-section')).toHaveCount(1);
      expect(await page.locator('[data-dc-products] .dc-section--related .dc-card__name').allTextContents()).toEqual([
        'Luxury Double Bed', 'Contemporary Sofa', 'Decorative Flatware', 'Scandinavian Organizer',
      ]);
      await expect(page.locator('[data-dc-main-insert-banner="1"] a[data-dc-banner]')).toHaveCount(1);
      // One widget tree per placeholder, one stylesheet: StrictMode's second mount replaced the first.
      await expect(page.locator('[data-dc-products] > *')).toHaveCount(1);
      await expect(page.locator('style#dc-styles')).toHaveCount(1);
      expect(api.received[0]!.headers['authorization']).toBe(`Basic ${Buffer.from('your-api-key:').toString('base64')}`);

      // Client-side routes: no page load, one page event each, widgets re-rendered from each response.
      await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
      await page.getByRole('link', { name: 'Oak Nightstand', exact: true }).click();
      await expect(page.locator('h1')).toHaveText('Oak Nightstand');
      await expect(page.locator('[data-dc-products] .dc-section--similar')).toHaveCount(1);
      await page.getByRole('link', { name: 'Bedroom', exact: true }).click();
      await expect(page.locator('h1')).toHaveText('Bedroom');
      await page.goBack();
      await expect(page.locator('h1')).toHaveText('Oak Nightstand');
      await expect.poll(() => api.received.length).toBe(4);
      expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
      expect(events()).toEqual([
        { type: 'pageview', subtype: 'home' },
        { type: 'pageview', subtype: 'product', product_id: 'nightstand-1' },
        { type: 'pageview', subtype: 'category', category_id: 'bedroom', category_name: 'Bedroom', category_update: { name: 'Bedroom', link: '/category/bedroom' } },
        { type: 'pageview', subtype: 'product', product_id: 'nightstand-1' },
      ]);
      await expect(page.locator('[data-dc-products] > *')).toHaveCount(2);

      // A recommendation is a plain link: the click is recorded and sent with the next page load's events.
      const card = page.locator('[data-dc-products] .dc-section--similar [data-dc-product]').first();
      const productId = await card.getAttribute('data-dc-product');
      await card.click();
      await page.waitForURL((url) => url.pathname !== '/product/nightstand-1');
      await expect.poll(() => events().filter((e) => e.type === 'click')).toEqual([{ type: 'click', subtype: 'similar', product_id: productId }]);
      await settled(page);
      expect(events().filter((e) => e.type === 'pageview')).toHaveLength(5);

      expect(errors).toEqual([]);
      expect(consoleLines.filter((l) => l.includes('datacue:') || l.startsWith('error'))).toEqual([]);
    } finally {
      await app.close();
      rmSync(out, { recursive: true, force: true });
    }
  });
}
