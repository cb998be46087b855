// The dashboard's settings as a shopper sees them: the real dist/ scripts on local store pages whose events API
// answers with the `config` each test chooses; attributes overriding it; the full card; the buy button and its
// `datacue:add-to-cart` event; click subtypes; the dashboard's preview mode.
import { test, expect } from './support/fixtures';
import { serveImages } from './support/widgets-page';
import type { EventsApi, Site } from './support/servers';
import type { Page } from '@playwright/test';
import { VIEWPORTS } from './support/viewports';
import { settled } from './support/network';

type Product = Record<string, unknown>;
const product = (id: string, more: Product = {}): Product => ({
  product_id: id, variant_id: `${id}-v`, name: `Chair ${id}`, price: 100, photo_url: `/products/${id}.svg`, link: `/product/${id}`, ...more,
});
const list = (prefix: string, n: number, more: Product = {}) => Array.from({ length: n }, (_, i) => product(`${prefix}${i + 1}`, more));

/** A store page with our own config (events to the local API), answering its page event with `response`. */
async function store(page: Page, site: Site, api: EventsApi, config: Record<string, unknown>, response: unknown, body: string, path = '/') {
  api.respond((req) => (req.json?.event?.type === 'pageview' ? { status: 200, body: response } : undefined));
  const head = `<script>window.datacueConfig = ${JSON.stringify({ api_key: 'k', user_id: null, ...config, options: { events_url: api.url, ...(config['options'] as object) } })};</script>
<script src="/dist/datacue.js"></script><script src="/dist/datacue-storefront.js"></script>`;
  await page.goto(site.page(path, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Store</title>
<meta name="viewport" content="width=device-width, initial-scale=1">${head}</head><body><main>${body}</main></body></html>`));
}

/** The card names in `selector`, for web-first assertions (they wait for the answer to be drawn). */
const names = (page: Page, selector: string) => page.locator(`${selector} .dc-card__name`);
const messages = (lines: string[]) => lines.filter((l) => l.includes('datacue:'));

test.beforeEach(async ({ page }) => serveImages(page));

test('sections: every one the response carries for the page, in the order of config.sections, a left-out one hidden', async ({ page, site, api, errors }) => {
  const response = {
    related_product_skus: list('r', 2), similar_product_skus: list('s', 2), recent_product_skus: list('v', 2), top_product_skus: list('t', 2),
    related_categories: [{ name: 'Sofas', products: list('c', 2) }],
  };
  // Without config: the product page's sections in the default order; top is for category pages only.
  await store(page, site, api, { page_type: 'product', product_id: 'p1' }, response, '<div data-dc-products></div>');
  await expect(page.locator('.dc-section__title')).toHaveText(['Recommended for you', 'Similar products', 'Picked for you in Sofas', 'Recently viewed']);
  // config.sections: recent first, then similar; related and categories left out, also from a placeholder naming them.
  await store(page, site, api, { page_type: 'product', product_id: 'p1' }, { ...response, config: { sections: [{ name: 'recent' }, { name: 'similar', title: 'You may also like' }] } },
    '<div data-dc-products></div><div data-dc-products="related"></div>');
  await expect(page.locator('.dc-section__title')).toHaveText(['Recently viewed', 'You may also like']);
  await expect(page.locator('[data-dc-products="related"]')).toBeEmpty();
  // A category page adds top.
  await store(page, site, api, { page_type: 'category', category_id: 'chairs' }, response, '<div data-dc-products></div>');
  await expect(page.locator('.dc-section__title')).toHaveText(['Top products', 'Recommended for you', 'Picked for you in Sofas', 'Recently viewed']);
  expect(errors).toEqual([]);
});

test('layout, size and items per page from the dashboard, and the attributes that override them', async ({ page, site, api, consoleLines, errors }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const config = {
    sections: [
      { name: 'related', layout: 'grid', size: 6, items_per_page: { mobile: 1, desktop: 3 } },
      { name: 'recent', size: 5 },
    ],
  };
  await store(page, site, api, { page_type: 'home' }, { related_product_skus: list('r', 20), recent_product_skus: list('v', 20), config }, `
    <div data-dc-products="related"></div>
    <div data-dc-products="recent"></div>
    <div data-dc-products="related" id="over" data-dc-layout="carousel" data-dc-items="2" data-dc-title="Also for you"></div>`);
  // related: a grid of 6, three a row.
  const grid = page.locator('[data-dc-products="related"]:not(#over)');
  await expect(grid.locator('.dc-grid .dc-card')).toHaveCount(6);
  const tops = await grid.locator('.dc-card').evaluateAll((cards) => cards.map((c) => Math.round(c.getBoundingClientRect().top)));
  expect(tops.filter((t) => t === tops[0])).toHaveLength(3);
  // recent: the default layout (carousel), 5 of 20; items per page left to the stylesheet's default (2 / 4), which
  // the page's own --dc-per-page-* may change; the dashboard's related setting is on its section.
  await expect(page.locator('[data-dc-products="recent"] .dc-carousel .dc-card')).toHaveCount(5);
  await expect(page.locator('[data-dc-products="recent"] .dc-section')).not.toHaveAttribute('style', /--dc-per-page/);
  await expect(grid.locator('.dc-section')).toHaveAttribute('style', /--dc-per-page-mobile: 1; --dc-per-page-desktop: 3/);
  // Overridden by attributes: a carousel of 2 with its own title (the next 2 related: one product once per page).
  await expect(page.locator('#over .dc-carousel .dc-card')).toHaveCount(2);
  await expect(page.locator('#over .dc-section__title')).toHaveText('Also for you');
  await expect(names(page, '#over')).toHaveText(['Chair r7', 'Chair r8']);

  // On a phone, the grid follows items_per_page.mobile: one a row.
  await page.setViewportSize(VIEWPORTS.phone);
  const phone = await grid.locator('.dc-card').evaluateAll((cards) => cards.map((c) => Math.round(c.getBoundingClientRect().top)));
  expect(new Set(phone).size).toBe(6);
  expect(messages(consoleLines)).toEqual([]);
  expect(errors).toEqual([]);
});

test('each bad setting or attribute: one datacue: message, the default, no error, also after re-rendering', async ({ page, site, api, consoleLines, errors }) => {
  const config = {
    sections: [{ name: 'related', size: -3, layout: 'banana' }],
    show_fields: 'brand',
    money_format: '<b>{{amount}}</b>',
  };
  await store(page, site, api, { page_type: 'home' }, { related_product_skus: list('r', 10).map((p, i) => ({ ...p, rating: i === 0 ? 250 : i === 1 ? 'x' : 80 })), config },
    '<div data-dc-products data-dc-layout="banana" data-dc-items="-3" data-dc-money-format="{{price}}"></div>');
  // Defaults: every product sent, as a carousel, prices as Intl writes them (US dollars in English: without it), stars
  // not shown (rating is not a default field).
  await expect(page.locator('.dc-carousel .dc-card')).toHaveCount(10);
  await expect(page.locator('.dc-card__now').first()).toHaveText('$100.00');
  await expect(page.locator('b')).toHaveCount(0);
  await page.evaluate(() => window.datacue.page({ page_type: 'home' }));
  await expect(page.locator('.dc-carousel .dc-card')).toHaveCount(10);
  expect(messages(consoleLines).sort()).toEqual([
    'warning: datacue: config.money_format: expected text with {{amount}} or another amount placeholder and no markup, got "<b>{{amount}}</b>"; default used',
    'warning: datacue: config.sections[0].layout: expected grid | slider, got "banana"; default used',
    'warning: datacue: config.sections[0].size: expected 1 to 48, got -3; default used',
    'warning: datacue: config.show_fields: expected a list of price, full_price, brand, rating, stock, got "brand"; default used',
    'warning: datacue: data-dc-items: expected a whole number from 1 to 48, got "-3"; ignored',
    'warning: datacue: data-dc-layout: expected "grid" or "carousel", got "banana"; ignored',
    'warning: datacue: data-dc-money-format: expected text with {{amount}} or another amount placeholder and no markup, got "{{price}}"; ignored',
    'warning: datacue: rating of product "r1": expected a number from 0 to 100, got 250; not shown',
    'warning: datacue: rating of product "r2": expected a number from 0 to 100, got "x"; not shown',
  ]);
  expect(errors).toEqual([]);
});

test('the full card: brand, stars with "N out of 5", stock, sold out, discount mark, extra.discount badge, extra as data attributes', async ({ page, site, api, errors }) => {
  const response = {
    related_product_skus: [
      product('a', { brand: 'Acme', rating: 58, stock: 2, price: 80, full_price: 100, extra: { discount: '20% off', Promo_Code: 'SUMMER', limited: true, nested: { x: 1 } } }),
      product('b', { brand: 'Birch', rating: 100, stock: 50 }),
      product('c', { available: false }),
      product('d', { stock: 0 }),
    ],
    config: { show_fields: ['price', 'full_price', 'brand', 'rating', 'stock'] },
  };
  await store(page, site, api, { page_type: 'home' }, response, '<div data-dc-products></div>');
  const a = page.locator('.dc-card').first();
  await expect(a.locator('.dc-card__brand')).toHaveText('Acme');
  await expect(a.getByRole('img', { name: '3 out of 5' })).toBeVisible();
  await expect(a.locator('.dc-card__rating')).toHaveText('★★★★★');
  await expect(a.locator('.dc-card__rating-off')).toHaveText('★★');
  await expect(a.locator('.dc-card__stock')).toHaveText('Only 2 left');
  await expect(a.locator('.dc-card__now')).toHaveText('$80.00');
  await expect(a.locator('.dc-card__was')).toHaveText('Was $100.00');
  await expect(a.locator('.dc-card__off')).toHaveText('-20%');
  await expect(a.locator('.dc-card__badge')).toHaveText('20% off');
  expect(await a.evaluate((e) => Object.fromEntries([...e.attributes].filter((x) => x.name.startsWith('data-dc-extra')).map((x) => [x.name, x.value])))).toEqual({
    'data-dc-extra-discount': '20% off', 'data-dc-extra-promo-code': 'SUMMER', 'data-dc-extra-limited': 'true',
  });
  const b = page.locator('.dc-card').nth(1);
  await expect(b.getByRole('img', { name: '5 out of 5' })).toBeVisible();
  await expect(b.locator('.dc-card__stock')).toHaveCount(0);
  // Sold-out products are hidden by default.
  await expect(page.locator('.dc-card')).toHaveCount(2);

  // Shown with hide_out_of_stock false, marked sold out; fields left out of show_fields are not shown.
  await store(page, site, api, { page_type: 'home' }, { ...response, config: { hide_out_of_stock: false } }, '<div data-dc-products></div>');
  await expect(page.locator('.dc-card')).toHaveCount(4);
  await expect(page.locator('.dc-card--sold-out .dc-card__stock')).toHaveText(['Sold out', 'Sold out']);
  await expect(page.locator('.dc-card__brand, .dc-card__rating')).toHaveCount(0);
  await expect(page.locator('.dc-card').first().locator('.dc-card__stock')).toHaveCount(0);
  await expect(page.locator('.dc-card').first().locator('.dc-card__was')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('prices: money_format, data-dc-money-format, data-dc-currency, locale', async ({ page, site, api }) => {
  const response = { related_product_skus: list('r', 1, { price: 1134.65 }), recent_product_skus: list('v', 1, { price: 1134.65 }), similar_product_skus: list('s', 1, { price: 1134.65 }), config: { money_format: 'Rs. {{amount_no_decimals}}', locale: 'de-DE' } };
  await store(page, site, api, { page_type: 'product', product_id: 'p' }, response, `
    <div data-dc-products="related"></div>
    <div data-dc-products="similar" data-dc-money-format="{{amount_with_comma_separator}} €"></div>
    <div data-dc-products="recent" data-dc-currency="EUR"></div>`);
  await expect(page.locator('[data-dc-products="related"] .dc-card__now')).toHaveText('Rs. 1,135');
  await expect(page.locator('[data-dc-products="similar"] .dc-card__now')).toHaveText('1.134,65 €');
  // The placeholder's currency, formatted for the dashboard's locale.
  await expect(page.locator('[data-dc-products="recent"] .dc-card__now')).toHaveText(/^1\.134,65\s€$/);
  // Without a dashboard format: the store's options.money_format.
  await store(page, site, api, { page_type: 'product', product_id: 'p', options: { money_format: '${{amount}} USD' } }, { related_product_skus: response.related_product_skus }, '<div data-dc-products></div>');
  await expect(page.locator('.dc-card__now')).toHaveText('$1,134.65 USD');
});

test('buy button: datacue:add-to-cart with its detail; store code that cancels it keeps the shopper on the page, else the product opens', async ({ page, site, api, errors }) => {
  site.page('/product/a1', '<!doctype html><title>product a1</title><p>product page</p>');
  const response = {
    related_product_skus: [product('a1', { price: 80 }), product('a2', { variant_id: undefined }), product('a3', { available: false })],
    config: { cta_button: { show_button: true, caption: 'View', buy_caption: 'Add to cart', classes: 'btn btn-primary' }, hide_out_of_stock: false },
  };
  const body = `<div data-dc-products></div><script>
    window.seen = [];
    document.addEventListener('datacue:add-to-cart', (e) => {
      window.seen.push({ detail: e.detail, bubbles: e.bubbles, cancelable: e.cancelable, from: e.target.className });
      if (window.cancelAdd) e.preventDefault();
    });</script>`;
  await store(page, site, api, { page_type: 'home' }, response, body);
  // With a variant: a button with the theme's classes; without one: a link to the product with the caption.
  const buy = page.getByRole('button', { name: 'Add to cart' });
  await expect(buy).toHaveCount(1);
  await expect(buy).toHaveClass('dc-card__button btn btn-primary');
  await expect(page.locator('.dc-card').nth(1).locator('a.dc-card__button')).toHaveText('View');
  await expect(page.locator('.dc-card').nth(1).locator('a.dc-card__button')).toHaveAttribute('href', '/product/a2');
  // Sold out: no buy button, the link caption in its place (a row's buttons line up).
  await expect(page.locator('.dc-card--sold-out .dc-card__button')).toHaveText(['View']);
  await expect(page.locator('.dc-card--sold-out a.dc-card__button')).toHaveAttribute('href', '/product/a3');

  await page.evaluate(() => ((window as unknown as { cancelAdd: boolean }).cancelAdd = true));
  await buy.click();
  await expect.poll(() => page.evaluate(() => window.seen)).toEqual([{
    detail: { product_id: 'a1', variant_id: 'a1-v', name: 'Chair a1', price: 80, link: '/product/a1', section: 'related' },
    bubbles: true, cancelable: true, from: 'dc-card',
  }]);
  expect(new URL(page.url()).pathname).toBe('/');

  await page.evaluate(() => ((window as unknown as { cancelAdd: boolean }).cancelAdd = false));
  await buy.click();
  await page.waitForURL('**/product/a1');
  expect(errors).toEqual([]);
});

test('the buy button by keyboard: reachable after its card, Enter adds to cart', async ({ page, site, api }) => {
  const response = { related_product_skus: [product('k1')], config: { cta_button: { show_button: true, buy_caption: 'Add to cart' } } };
  await store(page, site, api, { page_type: 'home' }, response, `<div data-dc-products data-dc-layout="grid"></div><script>
    window.seen = []; document.addEventListener('datacue:add-to-cart', (e) => { e.preventDefault(); window.seen.push(e.detail.product_id); });</script>`);
  await expect(page.locator('.dc-card')).toHaveCount(1);
  await page.keyboard.press('Tab');
  await expect(page.locator('.dc-card__link')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Add to cart' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => window.seen)).toEqual(['k1']);
});

test('product clicks carry the section: related, similar, recent; top and category rows send related', async ({ page, site, api }) => {
  test.slow(); // six page loads
  const next = `<!doctype html><html><head><title>next</title><script>window.datacueConfig = { api_key: 'k', page_type: 'cart', options: { events_url: '${api.url}' } };</script><script src="/dist/datacue.js"></script></head><body>next</body></html>`;
  const response = {
    related_product_skus: [product('r1')], similar_product_skus: [product('s1')], recent_product_skus: [product('v1')], top_product_skus: [product('t1')],
    related_categories: [{ name: 'Sofas', products: [product('c1')] }],
    config: { cta_button: { show_button: true, buy_caption: 'Add to cart' } },
  };
  for (const id of ['r1', 's1', 'v1', 't1', 'c1']) site.page(`/product/${id}`, next);
  const clicks = () => api.received.filter((r) => r.json.event.type === 'click').map((r) => `${r.json.event.subtype}:${r.json.event.product_id}`);
  const open = (config: Record<string, unknown>) => store(page, site, api, config, response, '<div data-dc-products data-dc-layout="grid"></div>');

  await open({ page_type: 'product', product_id: 'p' });
  for (const [id, subtype] of [['r1', 'related'], ['s1', 'similar'], ['v1', 'recent'], ['c1', 'related']]) {
    await page.locator(`.dc-card__link[data-dc-product="${id}"]`).click();
    await page.waitForURL(`**/product/${id}`);
    await expect.poll(clicks).toContain(`${subtype}:${id}`);
    await open({ page_type: 'product', product_id: 'p' });
  }
  await open({ page_type: 'category', category_id: 'chairs' });
  await page.locator('.dc-card__link[data-dc-product="t1"]').click();
  await page.waitForURL('**/product/t1');
  await expect.poll(clicks).toContain('related:t1');
  // The buy button is a click on the product too (not cancelled: the product opens), sent with its section.
  await open({ page_type: 'product', product_id: 'p' });
  await page.locator('.dc-section--similar').getByRole('button', { name: 'Add to cart' }).click();
  await page.waitForURL('**/product/s1');
  await expect.poll(clicks).toEqual(['related:r1', 'similar:s1', 'recent:v1', 'related:c1', 'related:t1', 'similar:s1']);
});

test('one product once per page: across sections and placeholders, in the order they are drawn', async ({ page, site, api }) => {
  const response = {
    related_product_skus: list('p', 6),
    similar_product_skus: [product('p2'), product('p5'), product('s1')],
    recent_product_skus: [product('p1'), product('s1'), product('v1')],
  };
  await store(page, site, api, { page_type: 'product', product_id: 'x' }, response, `
    <div data-dc-products="related" data-dc-items="3" data-dc-layout="grid"></div>
    <div data-dc-products></div>`);
  // The page event's answer is no part of the load event (on a busy machine it comes after it): wait for the cards.
  await expect(names(page, '[data-dc-products="related"]')).toHaveText(['Chair p1', 'Chair p2', 'Chair p3']);
  await expect(page.locator('[data-dc-products=""] .dc-section__title')).toHaveText(['Recommended for you', 'Similar products', 'Recently viewed']);
  await expect(names(page, '[data-dc-products=""] .dc-section--related')).toHaveText(['Chair p4', 'Chair p5', 'Chair p6']);
  await expect(names(page, '[data-dc-products=""] .dc-section--similar')).toHaveText(['Chair s1']);
  await expect(names(page, '[data-dc-products=""] .dc-section--recent')).toHaveText(['Chair v1']);
  const ids = await page.locator('.dc-card__link').evaluateAll((as) => as.map((a) => a.getAttribute('data-dc-product')));
  expect(new Set(ids).size).toBe(ids.length);
});

test('preview mode: editor preview sends nothing, custom styles apply, datacue:editor:updated re-renders every placeholder, reload redraws the last', async ({ page, site, api, errors }) => {
  await store(page, site, api, { page_type: 'editor preview', editor: { custom_styles: '.dc-section__title { color: rgb(1, 2, 3); }' } }, {}, `
    <div data-dc-products></div><div data-dc-products="recent" id="recent"></div><div data-dc-main-insert-banner="1"></div>`);
  expect(await page.locator('style#dc-editor-styles').evaluate((e) => e.textContent)).toBe('.dc-section__title { color: rgb(1, 2, 3); }');
  await expect(page.locator('.dc-section')).toHaveCount(0);

  const preview = (response: unknown) => page.evaluate((detail) => document.dispatchEvent(new CustomEvent('datacue:editor:updated', { detail })), response);
  await preview({
    main_banners: [{ banner_id: 'b1', link: '/c', photo_url: '/banners/b1.svg', name: 'Sale' }],
    top_product_skus: list('t', 2), related_product_skus: list('r', 3), recent_product_skus: list('v', 2),
    config: { sections: [{ name: 'recent', layout: 'grid' }, { name: 'top' }], show_fields: ['price', 'brand'] },
  });
  // Every section the preview response carries (top too, whatever the page), in the dashboard's order.
  await expect(page.locator('[data-dc-products=""] .dc-section__title')).toHaveText(['Recently viewed', 'Top products']);
  await expect(page.locator('[data-dc-products=""] .dc-section--recent .dc-grid')).toHaveCount(1);
  await expect(page.locator('#recent')).toBeEmpty();
  await expect(page.locator('[data-dc-main-insert-banner="1"] img')).toHaveAttribute('src', '/banners/b1.svg');
  expect(await page.locator('.dc-section__title').first().evaluate((e) => getComputedStyle(e).color)).toBe('rgb(1, 2, 3)');

  // The dashboard changes a setting: a new response re-renders in place.
  await preview({ related_product_skus: list('r', 3), config: { sections: [{ name: 'related', layout: 'grid', title: 'Handpicked' }] } });
  await expect(page.locator('.dc-section__title')).toHaveText(['Handpicked']);
  await expect(page.locator('[data-dc-main-insert-banner="1"]')).toBeEmpty();

  // Reload: the last response again, e.g. after the page's placeholders or styles changed.
  await page.evaluate(() => {
    document.querySelector('[data-dc-products=""]')!.setAttribute('data-dc-layout', 'carousel');
    (window.datacueConfig as { editor: { custom_styles: string } }).editor.custom_styles = '.dc-section__title { color: rgb(9, 9, 9); }';
    document.dispatchEvent(new CustomEvent('datacue:editor:reload'));
  });
  await expect(page.locator('.dc-section--related .dc-carousel')).toHaveCount(1);
  await expect(page.locator('.dc-section__title')).toHaveText(['Handpicked']);
  expect(await page.locator('.dc-section__title').evaluate((e) => getComputedStyle(e).color)).toBe('rgb(9, 9, 9)');

  // Clicks in the preview are not recorded, and the preview page sent no event at all.
  await page.locator('.dc-card__link').first().click({ modifiers: ['Control'] });
  await settled(page);
  expect(api.received).toEqual([]);
  expect(errors).toEqual([]);
});

test('preview mode on a page with a nonce-based Content-Security-Policy: the custom styles carry the nonce', async ({ page, site, api }) => {
  const csp = `default-src 'self'; script-src 'nonce-n0nce'; style-src 'nonce-n0nce'; img-src 'self'; connect-src ${api.url}`;
  await page.addInitScript(() => {
    const list: string[] = [];
    (window as unknown as { violations: string[] }).violations = list;
    document.addEventListener('securitypolicyviolation', (e) => list.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(site.page('/csp-preview', `<!doctype html><html lang="en"><head><title>preview</title>
<script nonce="n0nce">window.datacueConfig = { api_key: 'k', page_type: 'editor preview', editor: { custom_styles: '.dc-section__title { color: rgb(4, 5, 6); }' } };</script>
<script nonce="n0nce" src="/dist/datacue-storefront.js"></script></head><body><div data-dc-products></div></body></html>`, { 'content-security-policy': csp }));
  await page.evaluate(() => document.dispatchEvent(new CustomEvent('datacue:editor:updated', { detail: { related_product_skus: [{ product_id: 'a', name: 'A', price: 1, link: '/a' }] } })));
  await expect(page.locator('.dc-section__title')).toHaveCSS('color', 'rgb(4, 5, 6)');
  expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
});
