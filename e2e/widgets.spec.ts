// The real dist/datacue-storefront.js on store pages fed the reference's own response samples.
import { test, expect, routeDatacueHosts } from './support/fixtures';
import { openStore, serveImages, SAMPLES } from './support/widgets-page';
import { readmeSnippet, snippet } from './support/reference';
import type { Page } from '@playwright/test';
import { shiftsReported, watchShifts } from './support/shifts';
import { holdAnswers } from './support/hold-answers';
import { settled } from './support/network';

const texts = (page: Page, selector: string) => page.locator(selector).allTextContents();

/** The reference's home page tags with the widgets script first, and datacue.js's tag carrying `attributes`. */
function widgetsScriptFirst(attributes = '') {
  const head = snippet('Home page').replace(
    /<script src="(https:\/\/cdn\.datacue\.co\/js\/datacue\.js)"><\/script>\n(<script src="https:\/\/cdn\.datacue\.co\/js\/datacue-storefront\.js"><\/script>)/,
    `$2\n<script ${attributes}src="$1"></script>`,
  );
  expect(head).toContain(`datacue-storefront.js"></script>\n<script ${attributes}src`);
  return head;
}

/** A single-page store's router: a product view (standard banners, similar products, then `after`) in #view, then its page event. */
const routeToProduct = (page: Page, after = '') =>
  page.evaluate((after) => {
    document.getElementById('view')!.innerHTML =
      `<div data-dc-banners data-dc-static-img="/banners/static-banner.svg" data-dc-static-link="/s"></div><div data-dc-products="similar"></div>${after}`;
    void window.datacue.page({ page_type: 'product', product_id: '18' });
  }, after);

/** Before the route's answer: the static banner in its box, the products placeholder holding one. */
async function expectRouteHeld(page: Page) {
  await expect(page.locator('[data-dc-banners] img')).toHaveAttribute('src', '/banners/static-banner.svg');
  expect(await page.locator('[data-dc-products]').evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(200);
}

test.beforeEach(async ({ page }) => serveImages(page));

test('home sample: standard banners, custom slots and every products placeholder', async ({ page, site, api, errors }) => {
  await openStore(page, site, api, 'Home page', SAMPLES.home);
  await expect(page.locator('[data-dc-products=""] .dc-section')).toHaveCount(1);

  // Standard layout: one row whatever comes (the box held before the answer): the first sub banners on the sides and
  // the first main banner in the wide box, in place of the static banner. The third sub banner is for the slots.
  const rows = page.locator('[data-dc-banners] .dc-banners__row');
  await expect(rows).toHaveCount(1);
  await expect(rows.nth(0).locator('> *')).toHaveCount(3);
  expect(await rows.nth(0).locator('> *').evaluateAll((els) => els.map((e) => e.className))).toEqual([
    'dc-banner dc-banner--narrow', 'dc-banner dc-banner--wide', 'dc-banner dc-banner--narrow',
  ]);
  await expect(page.locator('[data-dc-banners] a[href="/category/summer"]')).toHaveCount(0);
  expect(await page.locator('[data-dc-banners] [data-dc-banner]').evaluateAll((els) => els.map((e) => e.getAttribute('data-dc-banner')))).toEqual(['B6', 'B1', 'B7']);
  // Desktop: narrow | wide | narrow in one row, all of one height.
  const boxes = await rows.nth(0).locator('> *').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ x: r.x, h: Math.round(r.height) })));
  expect(boxes[0]!.x).toBeLessThan(boxes[1]!.x);
  expect(boxes[1]!.x).toBeLessThan(boxes[2]!.x);
  expect(new Set(boxes.map((b) => b.h)).size).toBe(1);
  // The row is the box held before the answer (its margins, the narrow | wide | narrow row): nothing below moved.
  const banners = await page.locator('[data-dc-banners]').evaluate((el) => el.getBoundingClientRect());
  expect(Math.abs(banners.height - (32 + (banners.width - 32) / 3))).toBeLessThan(1);

  // Custom slots: the Nth main or sub banner; a slot without a banner stays empty.
  await expect(page.locator('[data-dc-main-insert-banner="1"] a')).toHaveAttribute('data-dc-banner', 'B1');
  await expect(page.locator('[data-dc-main-insert-banner="2"]')).toBeEmpty();
  await expect(page.locator('[data-dc-sub-insert-banner="1"] a')).toHaveAttribute('data-dc-banner', 'B6');
  await expect(page.locator('[data-dc-sub-insert-banner="2"] a')).toHaveAttribute('data-dc-banner', 'B7');

  // Every section of the home page that the response has (no categories in the sample), with default titles, as a
  // carousel (the default). The sample's only recently viewed product is the first recommended one: shown once.
  expect(await texts(page, '[data-dc-products=""] .dc-section__title')).toEqual(['Recommended for you']);
  expect(await texts(page, '[data-dc-products=""] .dc-section--related .dc-carousel .dc-card__name')).toEqual([
    'Luxury Double Bed', 'Contemporary Sofa', 'Decorative Flatware', 'Scandinavian Organizer',
  ]);
  // The placeholders below it would repeat what it shows ("similar" is not in a home response at all): empty.
  for (const name of ['related', 'recent', 'similar']) await expect(page.locator(`[data-dc-products="${name}"]`)).toBeEmpty();

  // A card: one link, lazy image with its size, price for the locale and currency.
  const card = page.locator('[data-dc-products=""] .dc-card__link').first();
  await expect(card).toHaveAttribute('href', '/product/double-bed-2');
  await expect(card.locator('img')).toHaveAttribute('loading', 'lazy');
  await expect(card.locator('img')).toHaveAttribute('decoding', 'async');
  await expect(card.locator('img')).toHaveAttribute('width', '300');
  await expect(card.locator('.dc-card__price')).toHaveText('$1,299.00');
  expect(errors).toEqual([]);
});

test('product sample: similar, related (null in the sample: nothing, not even a title) and recently viewed', async ({ page, site, api }) => {
  await openStore(page, site, api, 'Product pages', SAMPLES.product);
  await expect(page.locator('[data-dc-products=""] .dc-section')).toHaveCount(2);
  expect(await texts(page, '[data-dc-products=""] .dc-section__title')).toEqual(['Similar products', 'Recently viewed']);
  await expect(page.locator('[data-dc-products="related"]')).toBeEmpty();
  // Already shown above: not repeated.
  await expect(page.locator('[data-dc-products="similar"]')).toBeEmpty();
});

test('search sample: recently viewed only; banners keep just the static one', async ({ page, site, api }) => {
  await openStore(page, site, api, 'Search pages', SAMPLES.search);
  await expect(page.locator('[data-dc-products=""] .dc-section')).toHaveCount(1);
  expect(await texts(page, '[data-dc-products=""] .dc-section__title')).toEqual(['Recently viewed']);
  await expect(page.locator('[data-dc-banners] .dc-banner')).toHaveCount(1);
  await expect(page.locator('[data-dc-main-insert-banner="1"]')).toBeEmpty();
});

test('Spanish page: Spanish titles, prices in the store currency from data-dc-currency', async ({ page, site, api }) => {
  await openStore(page, site, api, 'Home page', SAMPLES.home, `<main lang="es"><div data-dc-products="related" data-dc-currency="EUR"></div></main>`);
  await page.evaluate(() => document.documentElement.setAttribute('lang', 'es-ES'));
  await page.evaluate(() => window.datacue.page({ page_type: 'home' }));
  await expect(page.locator('.dc-section__title')).toHaveText('Recomendaciones para ti');
  await expect(page.locator('.dc-card__price').first()).toHaveText(/1299,00\s€|1\.299,00\s€/);
});

test('discount: full price struck through and a mark when full_price > price', async ({ page, site, api }) => {
  await openStore(page, site, api, 'Home page', {
    related_product_skus: [{ product_id: 'p1', name: 'Oak Table', price: 80, full_price: 100, photo_url: '/p1.svg', link: '/p/1' }],
  }, '<main><div data-dc-products="related"></div></main>');
  await expect(page.locator('.dc-card__off')).toHaveText('-20%');
  await expect(page.locator('.dc-card__badge')).toHaveCount(0);
  await expect(page.locator('.dc-card__was')).toHaveText('Was $100.00');
  await expect(page.locator('.dc-card__now')).toHaveText('$80.00');
});

test('clicks: product and banner recorded once, delivered on the next page; the static banner is not recorded', async ({ page, site, api }) => {
  site.page('/product/double-bed-2', `<!doctype html><html><head><title>p</title>${snippet('Cart page')}</head><body>next</body></html>`);
  site.page('/category/bathroom', `<!doctype html><html><head><title>c</title>${snippet('Cart page')}</head><body>next</body></html>`);
  site.page('/category/summer', `<!doctype html><html><head><title>s</title>${snippet('Cart page')}</head><body>next</body></html>`);
  const clicks = () => api.received.filter((r) => r.json.event.type === 'click').map((r) => r.json.event);

  await openStore(page, site, api, 'Home page', SAMPLES.home);
  await page.locator('[data-dc-products=""] .dc-card__link').first().click();
  await page.waitForURL('**/product/double-bed-2');
  await expect.poll(clicks).toEqual([{ type: 'click', subtype: 'related', product_id: '18' }]);

  await page.goBack();
  await page.locator('[data-dc-main-insert-banner="1"] a').click();
  await page.waitForURL('**/category/bathroom');
  await expect.poll(clicks).toEqual([
    { type: 'click', subtype: 'related', product_id: '18' },
    { type: 'click', subtype: 'banner', banner_id: 'B1' },
  ]);

  // The static banner shows in the wide box when the answer has no main banner (the search sample): not recorded.
  await openStore(page, site, api, 'Search pages', SAMPLES.search);
  await page.locator('[data-dc-banners] .dc-banner--wide').first().click();
  await page.waitForURL('**/category/summer');
  await settled(page);
  expect(clicks()).toHaveLength(2);
});

test('a middle click (new tab) is recorded too, once', async ({ page, context, site, api }) => {
  // A tab opened by a middle click may start loading before Playwright routes it: this page loads the local bundle.
  site.page('/product/sofa-4', `<!doctype html><html><head><title>p</title><script>window.datacueConfig = { api_key: 'your-api-key',
    page_type: 'product', product_id: '59', options: { events_url: '${api.url}' } };</script><script src="/dist/datacue.js"></script></head><body>tab</body></html>`);
  await openStore(page, site, api, 'Home page', SAMPLES.home);
  const opened = context.waitForEvent('page');
  await page.locator('[data-dc-products=""] .dc-section--related .dc-card__link', { hasText: 'Contemporary Sofa' }).click({ button: 'middle' });
  const tab = await opened;
  await settled(tab);
  await expect.poll(() => api.received.filter((r) => r.json.event.type === 'click').map((r) => r.json.event)).toEqual([
    { type: 'click', subtype: 'related', product_id: '59' },
  ]);
});

test('a new response (SPA route) re-renders in place without duplicating anything', async ({ page, site, api }) => {
  await openStore(page, site, api, 'Home page', SAMPLES.home);
  await expect(page.locator('.dc-section')).toHaveCount(1);
  api.respond((req) => (req.json.event.type === 'pageview' ? { status: 200, body: SAMPLES.product } : undefined));
  await page.evaluate(() => window.datacue.page({ page_type: 'product', product_id: '18' }));
  await expect(page.locator('[data-dc-products=""] .dc-section__title')).toHaveText(['Similar products', 'Recently viewed']);
  await expect(page.locator('[data-dc-banners] .dc-banner')).toHaveCount(1);
  await page.evaluate(() => window.datacue.page({ page_type: 'product', product_id: '18' }));
  await expect(page.locator('[data-dc-products=""] .dc-section')).toHaveCount(2);
  await expect(page.locator('[data-dc-products=""] > *')).toHaveCount(2);
});

// A single-page store on the script tags: its router puts the new view in place, then calls window.datacue.page().
// The view's placeholders hold their boxes and show the static banner before the answer, so nothing below them moves
// when it comes; also when the widgets script came first and datacue.js replaced its stub later.
for (const order of ['datacue.js first', 'widgets script first'] as const) {
  test(`script tags, single-page route (${order}): the new placeholders hold their boxes before the answer, nothing moves`, async ({ page, site, api, errors }) => {
    await watchShifts(page);
    await openStore(page, site, api, 'Home page', SAMPLES.home, '<main id="view"><div data-dc-products></div></main>');
    if (order === 'widgets script first') {
      await page.goto(site.page('/swapped', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>${widgetsScriptFirst()}</head><body><main id="view"><div data-dc-products></div></main></body></html>`));
    }
    await expect(page.locator('.dc-card').first()).toBeVisible();
    api.respond((req) => (req.json.event.type === 'pageview' ? { status: 200, body: SAMPLES.product } : undefined));
    // The route's answer waits until the test lets it go (the forwarding route of the DataCue hosts answers it then).
    const answers = await holdAnswers(page, 'https://events.datacue.co/**');
    const sent = page.waitForRequest((r) => r.url().startsWith('https://events.datacue.co/') && r.method() === 'POST');
    await routeToProduct(page, '<p id="after">The product page</p>');
    await sent;
    await expectRouteHeld(page);
    const shifted = await page.evaluate(() => window.shifts.length);
    answers.release();
    await expect(page.locator('[data-dc-products] .dc-section__title')).toHaveText(['Similar products']);
    await shiftsReported(page);
    expect(await page.evaluate((n) => window.shifts.slice(n), shifted)).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('hostile response: markup stays text, bad URLs are neither links nor images, wrong types never throw', async ({ page, site, api, errors }) => {
  await page.addInitScript(() => {
    (window as unknown as { pwned: number }).pwned = 0;
  });
  const many = Array.from({ length: 100_000 }, (_, i) => ({ product_id: `x${i}`, name: `Item ${i}`, price: i, link: `/p/${i}`, photo_url: `/i/${i}.svg` }));
  await openStore(page, site, api, 'Home page', {
    main_banners: [
      { banner_id: 'b1', link: 'javascript:window.pwned++', photo_url: 'javascript:window.pwned++', name: '<img src=x onerror="window.pwned++">' },
      { banner_id: 'b2', link: ' JaVa\tscript:window.pwned++', photo_url: '/ok.svg', name: 'x' },
      null, 7, 'banner',
    ],
    sub_banners: { not: 'an array' },
    related_product_skus: [
      { product_id: 'p1', name: '<img src=x onerror="window.pwned++"><b>bold</b>', price: 'free', link: 'javascript:window.pwned++', photo_url: 'data:text/html,<script>window.pwned++</script>' },
      { product_id: { id: 1 }, name: 'no id' },
      { product_id: 'p3', name: null },
      { product_id: 'p4', name: 'Fine', price: '10.5', full_price: [], link: '/p4', photo_url: 'https://cdn.example/p4.svg' },
    ],
    recent_product_skus: many,
    similar_product_skus: 'nope',
  });
  // A response of 100,000 products takes a while to arrive and parse on a busy machine.
  await expect(page.locator('[data-dc-products=""] .dc-section--related .dc-card')).toHaveCount(2, { timeout: 20_000 });
  const first = page.locator('.dc-section--related .dc-card').first();
  await expect(first.locator('.dc-card__name')).toHaveText('<img src=x onerror="window.pwned++"><b>bold</b>');
  await expect(first.locator('a, img, b')).toHaveCount(0);
  await expect(page.locator('[data-dc-products=""] .dc-section--related .dc-card').nth(1).locator('.dc-card__price')).toHaveText('$10.50');
  // The javascript: banner has no image to show: left out; the other keeps its image but is not a link.
  await expect(page.locator('[data-dc-main-insert-banner="1"] a')).toHaveCount(0);
  await expect(page.locator('[data-dc-main-insert-banner="1"] img')).toHaveAttribute('src', '/ok.svg');
  // A huge list is cut to the most a section shows.
  await expect(page.locator('[data-dc-products=""] .dc-section--recent .dc-card')).toHaveCount(48);
  const hrefs = await page.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs.filter((h) => !h || /script:/i.test(h))).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { pwned: number }).pwned)).toBe(0);
  expect(errors).toEqual([]);
});

test('the widgets script loaded before datacue.js, or with defer, still renders', async ({ page, site, api, errors }) => {
  const head = widgetsScriptFirst('defer ');
  await openStore(page, site, api, 'Home page', SAMPLES.home);
  await page.goto(site.page('/swapped', `<!doctype html><html><head><title>t</title>${head}</head><body><div data-dc-products></div></body></html>`));
  await expect(page.locator('.dc-section')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('the answer arrives before the widgets script has run: it is drawn when the script runs', async ({ page, site, api, errors }) => {
  // The page tells when it has the answer; the widgets script is held until then.
  const head = snippet('Home page').replace(
    /(<script src="https:\/\/cdn\.datacue\.co\/js\/datacue-storefront\.js"><\/script>)/,
    '<script>datacue.onRecommendations(function () { window.answered = true; });</script>\n$1',
  );
  expect(head).toContain('window.answered = true; });</script>\n<script src');
  api.respond((req) => (req.json?.event?.type === 'pageview' ? { status: 200, body: SAMPLES.home } : undefined));
  await routeDatacueHosts(page, site, api);
  await page.route('https://cdn.datacue.co/js/datacue-storefront.js', async (route) => {
    // Polled on a timer: no animation frame runs while a script in the head blocks the page's first paint.
    await page.waitForFunction(() => (window as unknown as { answered?: boolean }).answered, undefined, { polling: 50 });
    await route.fallback();
  });
  await page.goto(site.page('/early', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>${head}</head><body><main><div data-dc-products></div></main></body></html>`));
  await expect(page.locator('.dc-section')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('script tags, widgets script first, consent pending: a single-page route\'s placeholders hold their boxes with no answer', async ({ page, site, api, errors }) => {
  await routeDatacueHosts(page, site, api);
  const config = { api_key: 'k1', user_id: null, page_type: 'home', options: { consent: 'pending' } };
  await page.goto(site.page('/pending', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>
<script>window.datacueConfig = ${JSON.stringify(config)};</script>
<script src="https://cdn.datacue.co/js/datacue-storefront.js"></script>
<script src="https://cdn.datacue.co/js/datacue.js"></script></head><body><main id="view"></main></body></html>`));
  await routeToProduct(page);
  await expectRouteHeld(page);
  expect(api.received).toEqual([]);
  expect(errors).toEqual([]);
});

test('README async snippet, widgets script first, consent pending: a single-page route\'s placeholders hold their boxes', async ({ page, site, api, errors }) => {
  const block = readmeSnippet('Loading the script asynchronously');
  const asyncStub = block.slice(block.indexOf('<script>') + '<script>'.length, block.indexOf('datacue.init('));
  const config = { api_key: 'k1', user_id: null, page_type: 'home', options: { consent: 'pending', events_url: api.url } };
  await page.goto(site.page('/async-spa', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>
<script>window.datacueConfig = ${JSON.stringify(config)};
${asyncStub}</script>
<script src="/dist/datacue-storefront.js"></script></head><body><main id="view"></main>
<script>setTimeout(function () { var s = document.createElement('script'); s.async = true; s.src = '/dist/datacue.js'; document.head.appendChild(s); }, 200);</script></body></html>`));
  // datacue.js has replaced the snippet's queueing stub.
  await page.waitForFunction(() => !!window.datacue && !('q' in window.datacue));
  await routeToProduct(page);
  await expectRouteHeld(page);
  expect(api.received).toEqual([]);
  expect(errors).toEqual([]);
});

// A store may carry the tags twice (its theme and an app): the first datacue.js stays in charge, also after the widgets
// have used it, so the page event is sent once.
for (const order of ['datacue.js first', 'widgets script first'] as const) {
  test(`datacue.js loaded twice (${order}): one tracker, one page event, the widgets drawn`, async ({ page, site, api, errors }) => {
    api.respond((req) => (req.json?.event?.type === 'pageview' ? { status: 200, body: SAMPLES.home } : undefined));
    await routeDatacueHosts(page, site, api);
    const tags = ['<script src="https://cdn.datacue.co/js/datacue.js"></script>', '<script src="https://cdn.datacue.co/js/datacue-storefront.js"></script>'];
    if (order === 'widgets script first') tags.reverse();
    await page.goto(site.page('/twice', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>
<script>window.datacueConfig = { api_key: 'k1', user_id: null, page_type: 'home' };</script>${tags.join('')}</head>
<body><main><div data-dc-products></div></main><script src="https://cdn.datacue.co/js/datacue.js"></script></body></html>`));
    await expect(page.locator('.dc-section')).toHaveCount(1);
    await settled(page);
    expect(api.received.map((r) => r.json.event.type)).toEqual(['pageview']);
    expect(errors).toEqual([]);
  });
}

test('a placeholder asking for something unknown: one datacue: message naming the attribute, the rest renders', async ({ page, site, api, consoleLines, errors }) => {
  await openStore(page, site, api, 'Home page', SAMPLES.home, '<div data-dc-products="popular"></div><div data-dc-main-insert-banner="first"></div><div data-dc-products="recent"></div>');
  await expect(page.locator('.dc-card')).toHaveCount(1);
  await page.evaluate(() => window.datacue.page({ page_type: 'home' }));
  await expect(page.locator('.dc-card')).toHaveCount(1);
  expect(consoleLines.filter((l) => l.includes('datacue:'))).toEqual([
    'warning: datacue: data-dc-products: expected "" or top | related | similar | categories | recent, got "popular"',
    'warning: datacue: data-dc-main-insert-banner: expected a number from 1, got "first"',
  ]);
  expect(errors).toEqual([]);
});
