// The demo's dashboard panel in /qa: a setting changed there reaches the store's next page through the `config` of
// the API's answer; and the store puts a product in its cart when the widgets' buy button asks it to.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, anonymousId, eventsOf, isEvent, startDemoStore, visit, type DemoStore } from './support/demo-store';
import { ROOT } from './support/servers';


const savedSettings = (demo: DemoStore) => JSON.parse(readFileSync(join(demo.dataDir, 'settings.json'), 'utf8'));

/** Opens /qa's dashboard panel with its form filled from the saved settings. */
async function openPanel(page: Page, demo: DemoStore) {
  await page.goto(`${demo.url}/qa`);
  await page.locator('[data-dashboard] > summary').click();
  await expect(page.getByLabel('Layout of Similar products')).toBeVisible();
}

/** Each journey changes settings: it gets a store of its own, so that no other test sees them. */
const ownStore = test.extend<{ store: DemoStore }>({
  store: async ({}, use) => {
    const store = await startDemoStore();
    await use(store);
    expect(await store.stop()).toBe(0);
  },
});

// Journeys with a store of their own and many page loads: the machine these run on may be busy.
test.describe.configure({ timeout: 120_000 });

ownStore('a first start writes the defaults; every answer carries them as config', async ({ page, store, errors }) => {
  const answer = await visit(page, store, '/');
  const config = (await answer.json()).config;
  expect(config).toEqual({
    sections: ['similar', 'top', 'related', 'recent', 'categories'].map((name) => ({ name, layout: 'slider', size: 8, items_per_page: { mobile: 2, desktop: 4 } })),
    show_fields: ['price', 'full_price'],
    hide_out_of_stock: true,
    cta_button: { show_button: false, caption: 'View product', buy_caption: 'Add to cart', classes: 'button' },
    locale: 'en-US',
  });
  expect(savedSettings(store)).toMatchObject({ consent_banner: false, dashboard: { money_format: '', show_fields: ['price', 'full_price'] } });
  expect(errors).toEqual([]);
});

ownStore('a setting changed in the dashboard panel shows on the store\'s next page', async ({ page, store, errors }) => {
  await openPanel(page, store);
  await page.getByLabel('Layout of Similar products').selectOption('grid');
  await page.getByLabel('Products in Similar products').fill('3');
  await page.getByLabel('Title of Similar products').fill('More like this');
  await page.getByLabel('Show Recently viewed').uncheck();
  await page.getByLabel('Position of Related products').selectOption('1');
  await page.getByLabel('Brand').check();
  await page.getByLabel('Rating').check();
  await page.getByLabel('Hide sold-out products').uncheck();
  await page.getByLabel(/Money format/).fill('${{amount}} USD');
  await page.getByLabel('Show a button on each card').check();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  expect(savedSettings(store).dashboard).toMatchObject({ show_fields: ['price', 'full_price', 'brand', 'rating'], hide_out_of_stock: false, money_format: '${{amount}} USD' });

  const answer = await visit(page, store, '/product/soft-three-seat-sofa');
  const body = await answer.json();
  expect(body.config.sections.map((s: { name: string }) => s.name)).toEqual(['related', 'similar', 'top', 'categories']);
  expect(body.config.sections[1]).toEqual({ name: 'similar', title: 'More like this', layout: 'grid', size: 3, items_per_page: { mobile: 2, desktop: 4 } });
  expect(body.config).toMatchObject({ show_fields: ['price', 'full_price', 'brand', 'rating'], hide_out_of_stock: false, money_format: '${{amount}} USD', cta_button: { show_button: true } });
  // The API follows the dashboard too: the size, the order, a section left out.
  expect(body.similar_product_skus).toHaveLength(3);
  expect(Object.keys(body)).toEqual(['related_product_skus', 'similar_product_skus', 'related_categories', 'config']);
  expect(body.related_product_skus[0]).toMatchObject({ brand: expect.any(String), rating: expect.any(Number), stock: expect.any(Number) });
  // What the widgets of this build show of it: the section's products, and no recently viewed.
  await expect(page.locator('.dc-section--similar .dc-card')).toHaveCount(3);
  await expect(page.locator('.dc-section--recent')).toHaveCount(0);

  // Back in the panel: the form shows what was saved; a change back is followed as well.
  await openPanel(page, store);
  await expect(page.getByLabel('Layout of Similar products')).toHaveValue('grid');
  await expect(page.getByLabel('Show Recently viewed')).not.toBeChecked();
  await page.getByLabel('Show Recently viewed').check();
  await page.getByLabel('Products in Similar products').fill('5');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  const again = await (await visit(page, store, '/product/soft-three-seat-sofa')).json();
  expect(again.similar_product_skus).toHaveLength(5);
  expect(again.config.sections.map((s: { name: string }) => s.name)).toContain('recent');
  await expect(page.locator('.dc-section--similar .dc-card')).toHaveCount(5);
  expect(errors).toEqual([]);
});

ownStore('the widgets draw what the dashboard says: grid or carousel, brand and rating, the buy button', async ({ page, store, errors }) => {
  await openPanel(page, store);
  await page.getByLabel('Layout of Similar products').selectOption('grid');
  await page.getByLabel('Layout of Related products').selectOption('slider');
  await page.getByLabel('Brand').check();
  await page.getByLabel('Rating').check();
  await page.getByLabel('Show a button on each card').check();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await visit(page, store, '/product/soft-three-seat-sofa');
  await expect(page.locator('.dc-section--similar .dc-grid')).toBeVisible();
  await expect(page.locator('.dc-section--related .dc-carousel')).toBeVisible();
  const first = page.locator('.dc-section--similar .dc-card').first();
  await expect(first).toContainText(/Nordhus|Zayra|Casa Alta|Teka|Lumo|Verde|Aurum/);
  await expect(first.getByRole('img', { name: /^[0-5] out of 5$/ })).toBeVisible();

  // The buy button adds to the store's cart without leaving the page.
  await first.getByRole('button', { name: /Add to cart/ }).click();
  await expect(page.locator('[data-cart-count]')).toHaveText('1');
  await expect(page).toHaveURL(`${store.url}/product/soft-three-seat-sofa`);
  expect(errors).toEqual([]);
});

ownStore('a bad value is refused by name, marked in the form, and nothing is saved', async ({ page, store }) => {
  const before = readFileSync(join(store.dataDir, 'settings.json'), 'utf8');
  await openPanel(page, store);
  await page.getByLabel('Products in Top products').fill('0');
  await page.getByLabel(/Money format/).fill('<b>{{amount}}</b>');
  await page.getByLabel('Locale', { exact: true }).fill('not a locale');
  await page.getByRole('button', { name: 'Save settings' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('dashboard.sections[1].size: expected a whole number from 1 to 48, got 0');
  await expect(alert).toContainText('dashboard.money_format');
  await expect(alert).toContainText('dashboard.locale');
  await expect(page.getByLabel('Products in Top products')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Locale', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  expect(readFileSync(join(store.dataDir, 'settings.json'), 'utf8')).toBe(before);
  // The store goes on with what was saved.
  const answer = await visit(page, store, '/');
  expect((await answer.json()).config.sections[1]).toMatchObject({ name: 'top', size: 8 });
});

ownStore('"Events API answers": 2 s late, then down (the page event waits in the browser), then at once again', async ({ page, store, errors }) => {
  const save = async (answer: string) => {
    await openPanel(page, store);
    await page.getByLabel('Events API answers').selectOption({ label: answer });
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  };
  await save('2 s late (the event is stored at once)');
  expect(savedSettings(store).api_answer).toBe('slow');
  const slow = await visit(page, store, '/');
  // Held on the server: the answer's first byte comes at least 2 s after the request left (a lower bound, set by the
  // server's timer, not a measurement of speed).
  expect(slow.status()).toBe(200);
  expect((await slow.request().timing()).responseStart).toBeGreaterThanOrEqual(2000);
  await expect(page.locator('[data-dc-products] .dc-card').first()).toBeVisible();

  await save('503: down (nothing stored; the tracker retries)');
  const visitor = await anonymousId(page.context());
  const records = store.records().length;
  const down = await visit(page, store, '/');
  expect(down.status()).toBe(503);
  // No answer: the static banner only, no cards.
  await expect(page.locator('[data-dc-banners] img')).toHaveCount(1);
  await expect(page.locator('.dc-card')).toHaveCount(0);
  // Recorded as refused, with the visitor and the event, for the QA view's filters (the journal is written after the
  // answer: polled).
  let refused: ReturnType<typeof store.records> = [];
  await expect.poll(() => (refused = store.records().slice(records)).length).toBeGreaterThan(0);
  expect(refused.every((r) => r.status === 503 && r.anonymous_id === visitor)).toBe(true);
  expect(refused[0]).toMatchObject({ type: 'pageview', subtype: 'home' });

  // Back up: the home page's event the tracker kept is delivered once the next page loads (after its retry back-off:
  // waited for up to 15 s, as a loaded CI machine took more than the default 5).
  await save('at once');
  await visit(page, store, '/category/kitchen');
  await eventsOf(store, visitor, 2, (r) => r.status === 200 && r.type === 'pageview' && r.subtype === 'home', 15_000);
  expect(errors).toEqual([]);
});

test('the store puts the product of a datacue:add-to-cart event in its cart, and lets a sold-out one open its page', async ({ page, demo, errors }) => {
  await visit(page, demo, '/');
  const visitor = await anonymousId(page.context());
  const dispatch = (detail: object) =>
    page.evaluate((d) => {
      // As the widgets' buy button does (DESIGN.md §7): from inside a card, bubbling and cancelable.
      const from = document.querySelector('[data-dc-products] .dc-card') ?? document.querySelector('[data-dc-products]')!;
      return from.dispatchEvent(new CustomEvent('datacue:add-to-cart', { bubbles: true, cancelable: true, detail: d }));
    }, detail);
  const chair = { product_id: 'p20', variant_id: 'oak', name: 'Dining Chair', price: 119, link: '/product/dining-chair', section: 'related' };
  expect(await dispatch(chair), 'the store cancels the event: the browser stays').toBe(false);
  await expect(page.locator('[data-cart-count]')).toHaveText('1');
  await expect(page.getByRole('status').filter({ hasText: 'Dining Chair is in your cart (1 item).' })).toBeVisible();
  expect(await dispatch(chair)).toBe(false);
  await expect(page.locator('[data-cart-count]')).toHaveText('2');
  await expect(page.getByRole('status').filter({ hasText: 'Dining Chair is in your cart (2 items).' })).toBeVisible();
  // Sold out: not added, not cancelled (the product page says why).
  expect(await dispatch({ ...chair, product_id: 'p7', variant_id: 'no-variants', name: 'Standing Mirror' })).toBe(true);
  await expect(page.locator('[data-cart-count]')).toHaveText('2');

  const updates = await eventsOf(demo, visitor, 2, isEvent('cart', 'update'));
  expect(updates.map((r) => r.request.body.event.cart)).toEqual([
    [{ product_id: 'p20', variant_id: 'oak', quantity: 1, unit_price: 119, currency: 'USD' }],
    [{ product_id: 'p20', variant_id: 'oak', quantity: 2, unit_price: 119, currency: 'USD' }],
  ]);
  await visit(page, demo, '/cart');
  await expect(page.locator('[data-line]')).toHaveCount(1);
  await expect(page.getByLabel('Quantity of Dining Chair (Oak)')).toHaveValue('2');
  await page.getByRole('button', { name: 'Clear cart' }).click();
  expect(errors).toEqual([]);
});

ownStore('screenshots of the dashboard panel at 390 and 1280 px', async ({ page, store }) => {
  for (const [width, height] of [[390, 844], [1280, 900]] as const) {
    await page.setViewportSize({ width, height });
    await openPanel(page, store);
    await page.getByLabel('Layout of Similar products').selectOption('grid');
    await page.getByLabel('Brand').check();
    // Nothing on the page is wider than the viewport: the sections table scrolls inside its box.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.locator('[data-dashboard]').evaluate((panel) => (panel.scrollTop = 0));
    await page.screenshot({ path: resolve(ROOT, `docs/screenshots/demo-dashboard-${width}.png`) });
  }
});
