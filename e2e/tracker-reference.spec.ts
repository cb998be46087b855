// The reference's snippets pasted unchanged into store pages: every page type and every documented browser event
// reaches the events API (a local stand-in) with the right method, headers and body.
import { test, expect, routeDatacueHosts } from './support/fixtures';
import { snippet } from './support/reference';
import type { Received } from './support/servers';
import { settled } from './support/network';

const AUTH = `Basic ${Buffer.from('your-api-key:').toString('base64')}`;
const store = (head: string, body = '') => `<!doctype html><html><head><title>store</title>${head}</head><body>${body}</body></html>`;

function expectWire(req: Received, userId: string | undefined) {
  expect(req.method).toBe('POST');
  expect(req.headers['content-type']).toBe('application/json');
  expect(req.headers['authorization']).toBe(AUTH);
  expect(req.json.user.anonymous_id).toMatch(/^[\w-]{21}$/);
  expect(req.json.user.user_id).toBe(userId);
  expect(req.json.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  expect(Math.abs(Date.parse(req.json.timestamp) - Date.now())).toBeLessThan(60_000);
}

const GUEST_OR_USER = 'id of user / null if not logged in';
const ORDER_USER = 'id of user / email address if guest checkout';
const cartSample = [
  { product_id: 'p1', variant_id: 'v1', quantity: 1, unit_price: 24, currency: 'USD' },
  { product_id: 'p3', variant_id: 'v2', quantity: 9, unit_price: 42, currency: 'USD' },
];

const pages: [heading: string, userId: string, events: object[]][] = [
  ['Home page', GUEST_OR_USER, [{ type: 'pageview', subtype: 'home' }]],
  ['Product pages', GUEST_OR_USER, [{
    type: 'pageview', subtype: 'product', product_id: 'p1',
    product_update: [
      { variant_id: 'v1', name: 'Blue Regular Fit Jeans', price: 99.5, full_price: 120, photo_url: 'https://mycoolstore.com/images/p1.jpg', available: true, stock: 15, category_ids: ['jeans', 'summer'], brand: 'Zayra' },
      { variant_id: 'v2', name: 'Green Regular Fit Jeans', price: 99.5, full_price: 120, photo_url: 'https://mycoolstore.com/images/p1.jpg', available: true, stock: 10, category_ids: ['jeans', 'summer'], brand: 'Zayra' },
    ],
  }]],
  ['Category pages', GUEST_OR_USER, [{ type: 'pageview', subtype: 'category', category_id: 'jeans', category_name: 'Jeans', category_update: { name: 'Jeans', link: '/category/jeans' } }]],
  ['Search pages', GUEST_OR_USER, [{ type: 'search', term: 'blue jeans' }]],
  ['Cart page', GUEST_OR_USER, [{ type: 'pageview', subtype: 'cart' }]],
  ['404 page', GUEST_OR_USER, [{ type: 'pageview', subtype: '404' }]],
  ['Backend \\(recommended\\)', ORDER_USER, [{ type: 'pageview', subtype: 'order confirmation' }]],
  ['Frontend', ORDER_USER, [
    { type: 'pageview', subtype: 'order confirmation', order_id: 'O123' },
    { type: 'order', subtype: 'completed', order_id: 'O123', cart: cartSample, timestamp: '2018-04-04 23:29:04Z' },
  ]],
];

for (const [heading, userId, events] of pages) {
  test(`page snippet "${heading.replace(/\\/g, '')}" sends ${events.map((e) => JSON.stringify(e).slice(0, 50)).join(' + ')}`, async ({ page, site, api, errors, consoleLines }) => {
    await routeDatacueHosts(page, site, api);
    await page.goto(site.page('/', store(snippet(heading.replace(/\\/g, '')))));
    const received = await api.waitFor(events.length);
    await settled(page);
    expect(api.received).toHaveLength(events.length);
    for (const req of received) expectWire(req, userId);
    expect(received.map((r) => r.json.event)).toEqual(expect.arrayContaining(events));
    expect(errors).toEqual([]);
    expect(consoleLines.filter((l) => l.includes('datacue:'))).toEqual([]);
  });
}

test('the checkout page (emitted by the store plugins) sends its pageview', async ({ page, site, api }) => {
  await routeDatacueHosts(page, site, api);
  const head = snippet('Cart page').replace("page_type: 'cart'", "page_type: 'checkout'");
  await page.goto(site.page('/', store(head)));
  const [req] = await api.waitFor(1);
  expect(req!.json.event).toEqual({ type: 'pageview', subtype: 'checkout' });
});

const IDENTIFIED = { user_id: '019mr8mf4r', profile: { sex: 'female', location: 'Santiago', segment: 'platinum' } };

const browserEvents: [heading: string, event: object][] = [
  ['Cart update', {
    type: 'cart', subtype: 'update', cart_link: 'https://myshop.com/cart/123',
    cart: ['p1', 'p2', 'p3'].map((product_id) => ({ product_id, variant_id: 'v1', quantity: 1, unit_price: 24, currency: 'USD' })),
  }],
  ['Add product to wishlist', { type: 'wishlist', subtype: 'add', product_id: 'p1', variant_id: 'v2' }],
  ['Remove product from wishlist', { type: 'wishlist', subtype: 'remove', product_id: 'p1', variant_id: 'v2' }],
  ['Checkout started', {
    type: 'checkout', subtype: 'started', cart_link: 'https://myshop.com/cart/123',
    cart: [
      { product_id: 'p1', variant: 'v1', quantity: 1, unit_price: 24, currency: 'USD' },
      { product_id: 'p2', variant: 'v2', quantity: 3, unit_price: 39, currency: 'USD' },
    ],
  }],
  ['User Login', { type: 'login' }],
];

for (const [heading, event] of browserEvents) {
  test(`browser event "${heading}" reaches the API with the identified user`, async ({ page, site, api, errors }) => {
    await routeDatacueHosts(page, site, api);
    await page.goto(site.page('/', store(snippet('Home page'), snippet(heading))));
    const received = await api.waitFor(2);
    await settled(page);
    expect(api.received).toHaveLength(2);
    const sent = received.find((r) => r.json.event.type !== 'pageview')!;
    expectWire(sent, IDENTIFIED.user_id);
    expect(sent.json.user).toEqual({ anonymous_id: expect.any(String), ...IDENTIFIED });
    expect(sent.json.event).toEqual(event);
    // The same visitor: the page's own pageview carries the same anonymous id.
    expect(received.find((r) => r.json.event.type === 'pageview')!.json.user.anonymous_id).toBe(sent.json.user.anonymous_id);
    expect(errors).toEqual([]);
  });
}

for (const [heading, event] of [
  ['Banner click', { type: 'click', subtype: 'banner', banner_id: 'b1', category_id: 'c1' }],
  ['Product click', { type: 'click', subtype: 'product', product_id: 'p2' }],
] as const) {
  test(`browser event "${heading}" (deferred) is sent on the next page load, with the click's time`, async ({ page, site, api, errors }) => {
    await routeDatacueHosts(page, site, api);
    const clickedAt = Date.now();
    await page.goto(site.page('/', store(snippet('Home page'), snippet(heading))));
    await api.waitFor(1);
    await settled(page);
    expect(api.received.map((r) => r.json.event.type)).toEqual(['pageview']);
    const nextPageAt = Date.now();
    await page.goto(site.page('/cart', store(snippet('Cart page'))));
    const received = await api.waitFor(3);
    const click = received.find((r) => r.json.event.type === 'click')!;
    expectWire(click, IDENTIFIED.user_id);
    expect(click.json.event).toEqual(event);
    expect(Date.parse(click.json.timestamp)).toBeGreaterThanOrEqual(clickedAt - 1000);
    expect(Date.parse(click.json.timestamp)).toBeLessThan(nextPageAt);
    expect(errors).toEqual([]);
  });
}
