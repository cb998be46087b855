// Journeys through the demo store as a shopper makes them, checked on what reached its local events API.
import { test, expect, anonymousId, eventsOf, isEvent, visit } from './support/demo-store';
import { VIEWPORTS } from './support/viewports';

// Long journeys: the machine these run on may be busy.
test.describe.configure({ timeout: 90_000 });

const CART_LINE = { product_id: expect.any(String), variant_id: expect.any(String), quantity: expect.any(Number), unit_price: expect.any(Number), currency: 'USD' };

test('every page type sets datacueConfig as the reference describes, loads both tags, and sends its page event', async ({ page, demo, errors }) => {
  const pages: [path: string, config: object, event: object][] = [
    ['/', { page_type: 'home' }, { type: 'pageview', subtype: 'home' }],
    ['/category/bedroom', { page_type: 'category', category_id: 'bedroom', category_update: { name: 'Bedroom', link: '/category/bedroom' } }, { type: 'pageview', subtype: 'category', category_id: 'bedroom' }],
    ['/product/luxury-double-bed?variant=walnut', { page_type: 'product', product_id: 'p1', variant_id: 'walnut' }, { type: 'pageview', subtype: 'product', product_id: 'p1', variant_id: 'walnut' }],
    ['/search?q=oak+table', { page_type: 'search', term: 'oak table' }, { type: 'search', term: 'oak table' }],
    ['/cart', { page_type: 'cart' }, { type: 'pageview', subtype: 'cart' }],
    ['/no-such-page', { page_type: '404' }, { type: 'pageview', subtype: '404' }],
  ];
  for (const [path, config, event] of pages) {
    const answer = await visit(page, demo, path);
    const seen = await page.evaluate(() => ({
      config: window.datacueConfig as Record<string, unknown>,
      scripts: [...document.querySelectorAll('head script[src]')].map((s) => s.getAttribute('src')),
      products: document.querySelectorAll('[data-dc-products]').length,
    }));
    expect(seen.config).toMatchObject({ api_key: 'datacue-demo-key', user_id: null, ...config, options: { events_url: '/api/events' } });
    expect(seen.scripts.slice(-2)).toEqual(['/dist/datacue.js', '/dist/datacue-storefront.js']);
    expect(seen.products, `${path} has a products placeholder`).toBe(1);
    expect(answer.request().postDataJSON().event).toMatchObject(event);
    expect(answer.status(), `${path}: recommendations for every page type`).toBe(200);
  }
  // The product page describes every variant as product_update.
  const productRecord = demo.records().find((r) => r.subtype === 'product' && r.request.body.event.product_id === 'p1')!;
  expect(productRecord.request.body.event.product_update).toEqual([
    expect.objectContaining({ variant_id: 'oak', name: 'Luxury Double Bed (Oak)', price: 1299, full_price: 1599, available: true, stock: 4, category_ids: ['bedroom'], brand: 'Nordhus', photo_url: '/img/product/p1/oak.svg', link: '/product/luxury-double-bed' }),
    expect.objectContaining({ variant_id: 'walnut', name: 'Luxury Double Bed (Walnut)' }),
  ]);
  expect(errors).toEqual([]);
});

test('cart changes, wishlist, checkout and a guest order send their events with the reference fields', async ({ page, demo, errors }) => {
  await visit(page, demo, '/product/dining-chair?variant=black');
  const visitor = await anonymousId(page.context());
  const cartUpdates = () => eventsOf(demo, visitor, 0, isEvent('cart', 'update')).then((r) => r.map((x) => x.request.body.event));

  // Add to cart (2, then 1 more of the same variant), and a second product.
  await page.getByLabel('Quantity').fill('2');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.locator('[data-cart-count]')).toHaveText('2');
  await page.getByLabel('Quantity').fill('1');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.locator('[data-cart-count]')).toHaveText('3');
  await visit(page, demo, '/product/folding-garden-chair');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.locator('[data-cart-count]')).toHaveText('4');

  // Wishlist: add, then remove.
  const heart = page.locator('.buy [data-wishlist]');
  await heart.click();
  await expect(heart).toHaveAttribute('aria-pressed', 'true');
  await heart.click();
  await expect(heart).toHaveAttribute('aria-pressed', 'false');
  const wishlist = await eventsOf(demo, visitor, 2, isEvent('wishlist'));
  expect(wishlist.map((r) => r.request.body.event)).toEqual([
    { type: 'wishlist', subtype: 'add', product_id: 'p40', variant_id: 'sage' },
    { type: 'wishlist', subtype: 'remove', product_id: 'p40', variant_id: 'sage' },
  ]);

  // The cart page: change a quantity, remove a line, clear, add again.
  await visit(page, demo, '/cart');
  await page.getByLabel('Quantity of Dining Chair (Black)').fill('1');
  await page.getByLabel('Quantity of Dining Chair (Black)').press('Enter');
  await expect(page.locator('[data-cart-count]')).toHaveText('2');
  await page.getByRole('button', { name: 'Remove Folding Garden Chair (Sage)' }).click();
  await expect(page.locator('[data-line]')).toHaveCount(1);
  await page.getByRole('button', { name: 'Clear cart' }).click();
  await expect(page.getByText('Your cart is empty')).toBeVisible();
  await visit(page, demo, '/product/dining-chair?variant=black');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.locator('[data-cart-count]')).toHaveText('1');

  const chair = { product_id: 'p20', variant_id: 'black', unit_price: 119, currency: 'USD' };
  const gardenChair = { product_id: 'p40', variant_id: 'sage', quantity: 1, unit_price: 69, currency: 'USD' };
  await expect.poll(async () => (await cartUpdates()).length).toBe(7);
  const updates = await cartUpdates();
  expect(updates.map((e) => e.cart)).toEqual([
    [{ ...chair, quantity: 2 }],
    [{ ...chair, quantity: 3 }],
    [{ ...chair, quantity: 3 }, gardenChair],
    [{ ...chair, quantity: 1 }, gardenChair],
    [{ ...chair, quantity: 1 }],
    [],
    [{ ...chair, quantity: 1 }],
  ]);
  for (const e of updates) expect(e).toEqual({ type: 'cart', subtype: 'update', cart: e.cart, cart_link: `${demo.url}/cart` });

  // Checkout started from the cart (deferred: the checkout page has no tag), then a guest order.
  await visit(page, demo, '/cart');
  const sentBefore = demo.records().length;
  const clickedAt = Date.now();
  await page.getByRole('link', { name: 'Checkout' }).click();
  await expect(page).toHaveURL(`${demo.url}/checkout`);
  // The checkout page, where the shopper types their details, carries no DataCue tag and sends nothing.
  expect(await page.evaluate(() => ({ config: 'datacueConfig' in window, tracker: 'datacue' in window, scripts: document.scripts.length }))).toEqual({ config: false, tracker: false, scripts: 0 });
  expect(demo.records().slice(sentBefore).map((r) => `${r.type}/${r.subtype}`)).toEqual([]);

  await page.getByLabel('Email').fill('guest@example.com');
  await page.getByLabel('Full name').fill('Guest Shopper');
  await page.getByLabel('Address').fill('1 Demo Street');
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('heading', { name: 'Thank you for your order' })).toBeVisible();
  const orderId = await page.locator('[data-order-id]').textContent();
  expect(orderId).toMatch(/^O-[0-9A-F]{10}$/);
  await expect(page.locator('[data-cart-count]')).toHaveText('0');

  // The guest's order confirmation: user_id is their email (reference), order_details sends the order.
  const config = await page.evaluate(() => window.datacueConfig);
  expect(config).toMatchObject({
    user_id: 'guest@example.com',
    page_type: 'order confirmation',
    order_id: orderId,
    order_details: { order_status: 'completed', cart: [{ ...chair, quantity: 1 }], timestamp: expect.stringMatching(/Z$/) },
  });
  // The confirmation page, the next one with tags, sends the checkout started left by the cart's button, once.
  const started = await eventsOf(demo, visitor, 1, isEvent('checkout', 'started'));
  expect(started).toHaveLength(1);
  expect(started[0]!.request.body.event).toEqual({ type: 'checkout', subtype: 'started', cart: [{ ...chair, quantity: 1 }], cart_link: `${demo.url}/cart` });
  // Stamped with the moment of the click, not of its delivery.
  expect(Date.parse(started[0]!.request.body.timestamp)).toBeLessThan(Date.parse(started[0]!.at));
  expect(Date.parse(started[0]!.request.body.timestamp)).toBeGreaterThanOrEqual(clickedAt - 1000);
  expect(demo.records().filter((r) => r.anonymous_id === visitor && r.subtype === 'checkout')).toEqual([]);
  const [view] = await eventsOf(demo, visitor, 1, isEvent('pageview', 'order confirmation'));
  const [order] = await eventsOf(demo, visitor, 1, isEvent('order'));
  expect(view!.request.body.event).toEqual({ type: 'pageview', subtype: 'order confirmation', order_id: orderId });
  expect(order!.request.body).toMatchObject({
    user: { user_id: 'guest@example.com', anonymous_id: visitor },
    event: { type: 'order', subtype: 'completed', order_id: orderId, cart: [CART_LINE], timestamp: expect.any(String) },
  });
  expect(errors).toEqual([]);
});

test('the log-in page carries no tag; the page after log in sends login once, as the user, keeping the anonymous id; log out goes back', async ({ page, demo, errors }) => {
  await visit(page, demo, '/product/wingback-armchair');
  const visitor = await anonymousId(page.context());
  const [asGuest] = await eventsOf(demo, visitor, 1, isEvent('pageview', 'product'));
  expect(asGuest!.request.body.user).toEqual({ anonymous_id: visitor });

  await page.getByRole('link', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/login/);
  expect(await page.evaluate(() => ({ config: 'datacueConfig' in window, tracker: 'datacue' in window, scripts: document.scripts.length }))).toEqual({ config: false, tracker: false, scripts: 0 });
  await page.getByLabel('Email or user id').fill('alice-42');
  await page.getByLabel('Password').fill('anything');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.locator('[data-user]')).toHaveText('alice-42');

  const [login] = await eventsOf(demo, visitor, 1, isEvent('login'));
  expect(login!.request.body).toMatchObject({ user: { user_id: 'alice-42', anonymous_id: visitor }, event: { type: 'login' } });
  expect(login!.request.headers.referer).toBe(`${demo.url}/`); // sent by the page the shopper landed on
  // Once: a reload or the next page does not send it again.
  await visit(page, demo, '/');
  await visit(page, demo, '/cart');
  expect(demo.records().filter((r) => r.anonymous_id === visitor && r.type === 'login')).toHaveLength(1);
  const [home] = await eventsOf(demo, visitor, 1, (r) => r.subtype === 'home');
  expect(home!.request.body.user).toEqual({ user_id: 'alice-42', anonymous_id: visitor });
  // What they viewed as a guest is theirs now.
  expect(home!.response.recent_product_skus.map((p: { product_id: string }) => p.product_id)).toEqual(['p13']);
  expect(await anonymousId(page.context())).toBe(visitor);

  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('link', { name: 'Log in' })).toBeVisible();
  await visit(page, demo, '/cart');
  const [afterLogout] = (await eventsOf(demo, visitor, 1, isEvent('pageview', 'cart'))).slice(-1);
  expect(afterLogout!.request.body.user).toEqual({ anonymous_id: visitor });
  expect(errors).toEqual([]);
});

test('keyboard on a phone: every header control Tab reaches is wholly inside the window, the search hint is not cut', async ({ browser, demo }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${demo.url}/`);
  const hint = await page.locator('#q').evaluate((input: HTMLInputElement) => {
    const style = getComputedStyle(input);
    const canvas = document.createElement('canvas').getContext('2d')!;
    canvas.font = style.font;
    return { text: canvas.measureText(input.placeholder).width, room: input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) };
  });
  expect(hint.text).toBeLessThanOrEqual(hint.room);
  const seen: string[] = [];
  for (let i = 0; i < 20 && !seen.includes('Outdoors'); i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement!;
      const r = el.getBoundingClientRect();
      return { name: (el.textContent ?? '').trim(), inHeader: !!el.closest('header'), left: r.left, right: r.right, width: innerWidth };
    });
    if (!focused.inHeader) continue;
    seen.push(focused.name);
    expect(focused.left, focused.name).toBeGreaterThanOrEqual(0);
    expect(focused.right, focused.name).toBeLessThanOrEqual(focused.width);
  }
  expect(seen).toEqual(expect.arrayContaining(['Bedroom', 'Living room', 'Kitchen', 'Bathroom', 'Outdoors']));
  await context.close();
});

test('right to left, on a phone and a laptop: the page is no wider than the window, and the focused skip link is wholly in it', async ({ page, demo }) => {
  for (const viewport of Object.values(VIEWPORTS)) {
    const { width } = viewport;
    await page.setViewportSize(viewport);
    await page.goto(`${demo.url}/`);
    await page.evaluate(() => (document.documentElement.dir = 'rtl'));
    // With what the widgets draw from the answer in place; against the width inside a scrollbar, if there is one.
    await expect(page.locator('[data-dc-products] .dc-card').first()).toBeVisible();
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth), `${width} px: wider than the window by`).toBeLessThanOrEqual(0);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    const box = (await skip.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(width);
    expect(box.width).toBeGreaterThan(50);
  }
});
