// A Preact 10 storefront using the npm build: the widgets render with the app's own Preact 10 (the lowest version of
// the peer range, installed as `preact10`), one copy shared with the app's components, and no Preact 11 loaded.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test, expect } from './support/fixtures';
import { painted } from './support/shifts';
import { ROOT } from './support/servers';
import { serveImages, SAMPLES } from './support/widgets-page';
import { holdAnswers } from './support/hold-answers';

const packageJson = (dir: string) => JSON.parse(readFileSync(resolve(ROOT, dir, 'package.json'), 'utf8'));
const OWN = packageJson('.');
const PEER_RANGE: string = OWN.peerDependencies.preact;
const LOWEST = PEER_RANGE.match(/>=\s*([\d.]+)/)![1]!;

/** The file a browser's ESM import of `subpath` of the package installed in `dir` resolves to. */
function browserEntry(dir: string, subpath = '.') {
  let target = packageJson(dir).exports[subpath];
  while (target && typeof target === 'object') target = target.browser ?? target.import ?? target.module ?? target.default;
  return `/${dir}/${String(target).replace(/^\.\//, '')}`;
}

const IMPORT_MAP = {
  imports: {
    '@datacue/storefront': '/' + OWN.exports['.'].default.slice(2),
    '@datacue/storefront/widgets': '/' + OWN.exports['./widgets'].default.slice(2),
    preact: browserEntry('node_modules/preact10'),
    'preact/hooks': browserEntry('node_modules/preact10', './hooks'),
  },
};

test(`the npm widgets render inside a Preact ${LOWEST} app, with its one copy of Preact`, async ({ page, site, api, errors }) => {
  expect(packageJson('node_modules/preact10').version).toBe(LOWEST);
  await serveImages(page);
  api.respond((req) => (req.json?.event?.type === 'pageview' ? { status: 200, body: SAMPLES.home } : undefined));
  const loaded: string[] = [];
  page.on('request', (r) => loaded.push(new URL(r.url()).pathname));

  await page.goto(site.page('/', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Preact 10 store</title>
<script type="importmap">${JSON.stringify(IMPORT_MAP)}</script></head><body><div id="app"></div>
<script type="module">
import { h, render, options } from 'preact';
import { useState } from 'preact/hooks';
import { createDatacue } from '@datacue/storefront';
import { mountWidgets } from '@datacue/storefront/widgets';

// The app's own component, on the same Preact as the widgets.
function Counter() {
  const [n, setN] = useState(0);
  return h('button', { id: 'count', onClick: () => setN(n + 1) }, 'clicked ' + n);
}
render(h('main', null, h(Counter), h('div', { 'data-dc-products': '' })), document.getElementById('app'));

const datacue = createDatacue({ api_key: 'k', user_id: null, options: { events_url: ${JSON.stringify(api.url)} } });
// Counts the widgets' renders through the app's Preact: proof that they share one copy.
let diffs = 0;
const before = options.diffed;
options.diffed = (vnode) => { diffs++; before?.(vnode); };
// The store's money format, as npm storefronts pass it.
mountWidgets(datacue, { moneyFormat: '{{amount_with_comma_separator}} €' });
window.preactDiffs = () => diffs;
datacue.page({ page_type: 'home' });
</script></body></html>`));

  // The sample's one recently viewed product is already in related: one product once per page leaves one section.
  await expect(page.locator('[data-dc-products] .dc-section')).toHaveCount(1);
  expect(await page.locator('[data-dc-products] .dc-section--related .dc-card__name').allTextContents()).toEqual([
    'Luxury Double Bed', 'Contemporary Sofa', 'Decorative Flatware', 'Scandinavian Organizer',
  ]);
  await expect(page.locator('.dc-section--related .dc-card__now').first()).toHaveText('1.299,00 €');
  expect(await page.evaluate(() => (window as unknown as { preactDiffs: () => number }).preactDiffs())).toBeGreaterThan(10);
  // The app's own hooks still work next to the widgets.
  await page.locator('#count').click();
  await expect(page.locator('#count')).toHaveText('clicked 1');

  const preactFiles = loaded.filter((p) => p.startsWith('/node_modules/preact'));
  expect(preactFiles.length).toBeGreaterThan(0);
  expect(preactFiles.filter((p) => !p.startsWith('/node_modules/preact10/'))).toEqual([]);
  expect(api.received.map((r) => r.json.event)).toEqual([{ type: 'pageview', subtype: 'home' }]);
  expect(errors).toEqual([]);
});

test('npm mountWidgets with page(): a layout placeholder keeps its cards while a new route waits; a config that throws stays out of the page; unmounting in any order ends every redraw', async ({ page, site, api, errors }) => {
  await serveImages(page);
  api.respond((req) => (req.json?.event?.type === 'pageview' ? { status: 200, body: SAMPLES.home } : undefined));
  const answers = await holdAnswers(page, api.url, { holding: false });
  await page.goto(site.page('/', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SPA</title>
<script type="importmap">${JSON.stringify(IMPORT_MAP)}</script></head><body>
<aside id="layout"><div data-dc-products="related"></div></aside><main id="view"></main>
<script type="module">
import { createDatacue } from '@datacue/storefront';
import { mountWidgets } from '@datacue/storefront/widgets';
const datacue = createDatacue({ api_key: 'k', user_id: null, options: { events_url: ${JSON.stringify(api.url)} } });
window.app = {
  datacue,
  unmountLayout: mountWidgets(datacue, { root: document.getElementById('layout') }),
  mountView: () => (window.app.unmountView = mountWidgets(datacue, { root: document.getElementById('view') })),
  // A route: its view, then its page event.
  go: (html, config) => { document.getElementById('view').innerHTML = html; return datacue.page(config); },
};
datacue.page({ page_type: 'home' });
</script></body></html>`));
  const layoutCards = page.locator('#layout .dc-card');
  await expect(layoutCards.first()).toBeVisible();
  const shown = await layoutCards.count();
  await page.evaluate(() => (window as unknown as { app: { mountView: () => void } }).app.mountView());

  // A new route, its answer held back: the layout's section keeps its cards, the route's banners show the static one.
  answers.hold();
  await page.evaluate(() => void (window as unknown as { app: { go: (h: string, c: object) => Promise<unknown> } }).app.go('<div data-dc-banners data-dc-static-img="/banners/static-banner.svg"></div>', { page_type: 'product', product_id: 'p1' }));
  await expect(page.locator('#view [data-dc-banners] img')).toHaveAttribute('src', '/banners/static-banner.svg');
  expect(await layoutCards.count()).toBe(shown);
  answers.release();
  await expect(page.locator('#view [data-dc-banners] img')).toHaveCount(3);

  // A config whose getter throws: page() resolves with null, nothing is thrown into the page.
  expect(await page.evaluate(() => (window as unknown as { app: { datacue: { page: (c: object) => Promise<unknown> } } }).app.datacue.page(new Proxy({}, { get() { throw new Error('boom'); } })))).toBeNull();

  // Unmounted in the order they were mounted: a later page() redraws neither.
  await page.evaluate(() => {
    const { app } = window as unknown as { app: { unmountLayout: () => void; unmountView: () => void } };
    app.unmountLayout();
    app.unmountView();
  });
  await expect(page.locator('#layout [data-dc-products] *, #view [data-dc-banners] *')).toHaveCount(0);
  const before = api.received.length;
  await page.evaluate(() => (window as unknown as { app: { datacue: { page: (c: object) => Promise<unknown> } } }).app.datacue.page({ page_type: 'home' }));
  expect(api.received.length).toBe(before + 1);
  await painted(page);
  await expect(page.locator('#layout [data-dc-products] *, #view [data-dc-banners] *')).toHaveCount(0);
  expect(await page.locator('#layout [data-dc-products]').evaluate((el) => (el as HTMLElement).style.minHeight)).toBe('');
  expect(errors).toEqual([]);
});
