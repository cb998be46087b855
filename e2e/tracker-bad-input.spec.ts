// Bad input from a store template never throws into the page: one `datacue:` message naming the key, and nothing
// wrong on the wire.
import { test, expect } from './support/fixtures';
import { settled } from './support/network';

const page = (head: string, body = '') =>
  `<!doctype html><html><head><title>t</title>${head}<script src="/dist/datacue.js"></script></head><body>${body}</body></html>`;
const config = (c: Record<string, unknown>) => `<script>window.datacueConfig = ${JSON.stringify(c)};</script>`;

const cases: { name: string; head: (events: string) => string; body?: string; message: string | null; sent: object[] }[] = [
  // A page without datacueConfig sets up with datacue.init() (the reference's way): nothing to say until it does.
  { name: 'no datacueConfig', head: () => '', message: null, sent: [] },
  {
    name: 'a datacueConfig getter that throws',
    head: (u) => `<script>window.datacueConfig = { api_key: 'k', options: { events_url: ${JSON.stringify(u)} }, get page_type() { throw new Error('boom'); } };</script>`,
    message: 'window.datacueConfig: expected an object, got "Error: boom"; nothing sent',
    sent: [],
  },
  {
    name: 'a window.datacueConfig property that throws',
    head: () => `<script>Object.defineProperty(window, 'datacueConfig', { get() { throw new TypeError('no config'); } });</script>`,
    message: 'window.datacueConfig: expected an object, got "TypeError: no config"; nothing sent',
    sent: [],
  },
  {
    name: 'a datacueConfig Proxy whose traps throw',
    head: () => `<script>window.datacueConfig = new Proxy({}, { get() { throw new Error('trap'); }, ownKeys() { throw new Error('trap'); } });</script>`,
    message: 'window.datacueConfig: expected an object, got "Error: trap"; nothing sent',
    sent: [],
  },
  {
    name: "order_status 'cancelled'",
    head: (u) => config({ api_key: 'k', page_type: 'order confirmation', order_id: 'O1', order_details: { order_status: 'cancelled', cart: [{ product_id: 'p1', quantity: 1, unit_price: 5 }] }, options: { events_url: u } }),
    message: `order_details.order_status: expected 'completed', got "cancelled"; order not sent`,
    sent: [{ type: 'pageview', subtype: 'order confirmation', order_id: 'O1' }],
  },
  { name: 'no api_key', head: (u) => config({ page_type: 'home', options: { events_url: u } }), message: 'api_key: expected your API key, got undefined; nothing sent', sent: [] },
  {
    // The Authorization header cannot carry it (btoa throws past Latin-1): before, an unhandled rejection and nothing sent.
    name: 'an api_key pasted with a zero-width space',
    head: (u) => config({ api_key: 'k\u200b', page_type: 'home', options: { events_url: u } }),
    message: 'api_key: expected your API key, got "k\u200b"; nothing sent',
    sent: [],
  },
  { name: 'unknown page_type', head: (u) => config({ api_key: 'k', page_type: 'blog', options: { events_url: u } }), message: 'page_type: expected home | product | category | search | cart | 404 | order confirmation | checkout, got "blog"; nothing sent', sent: [] },
  {
    name: 'numeric product_id',
    head: (u) => config({ api_key: 'k', page_type: 'product', product_id: 12, options: { events_url: u } }),
    message: 'product_id: expected a string, got 12; sent as one',
    sent: [{ type: 'pageview', subtype: 'product', product_id: '12' }],
  },
  {
    name: 'product_update neither object nor array',
    head: (u) => config({ api_key: 'k', page_type: 'product', product_id: 'p1', product_update: 5, options: { events_url: u } }),
    message: 'product_update: expected an array, got 5; left out',
    sent: [{ type: 'pageview', subtype: 'product', product_id: 'p1' }],
  },
  {
    name: 'string price in a cart',
    head: (u) => config({ api_key: 'k', user_id: null, page_type: 'cart', options: { events_url: u } }),
    body: `<script>datacue.track({ type: 'checkout', subtype: 'started', cart: [{ product_id: 'p1', variant_id: 'v1', quantity: 1, unit_price: '24.50' }], cart_link: '/cart' });</script>`,
    message: 'cart[0].unit_price: expected a number, got "24.50"; sent as one',
    sent: [{ type: 'pageview', subtype: 'cart' }, { type: 'checkout', subtype: 'started', cart: [{ product_id: 'p1', variant_id: 'v1', quantity: 1, unit_price: 24.5 }], cart_link: '/cart' }],
  },
  {
    name: 'a cart that is not an array',
    head: (u) => config({ api_key: 'k', page_type: 'cart', options: { events_url: u } }),
    body: `<script>datacue.track({ type: 'cart', subtype: 'update', cart: 'p1', cart_link: '/cart' });</script>`,
    message: 'cart: expected an array of line items, got "p1"; not sent',
    sent: [{ type: 'pageview', subtype: 'cart' }],
  },
  {
    name: 'user_id of a wrong type',
    head: (u) => config({ api_key: 'k', user_id: { id: 1 }, page_type: 'home', options: { events_url: u } }),
    message: 'user_id: expected a string or null, got {"id":1}; sent as a guest',
    sent: [{ type: 'pageview', subtype: 'home' }],
  },
];

for (const c of cases) {
  test(`${c.name}: one datacue: message, no page error`, async ({ page: tab, site, api, errors, consoleLines }) => {
    await tab.goto(site.page('/', page(c.head(api.url), c.body)));
    if (c.sent.length) await api.waitFor(c.sent.length);
    await settled(tab);
    expect(consoleLines.filter((l) => l.includes('datacue:'))).toEqual(c.message ? [`warning: datacue: ${c.message}`] : []);
    // The page's event and one tracked from the body leave on separate connections: either may arrive first.
    const byJson = (events: unknown[]) => events.map((e) => JSON.stringify(e)).sort();
    expect(byJson(api.received.map((r) => r.json.event))).toEqual(byJson(c.sent));
    expect(errors).toEqual([]);
  });
}

test('a profile JSON cannot write (a cycle): that track() resolves null with one message, the event of the same frame still leaves', async ({ page: tab, site, api, errors, consoleLines }) => {
  await tab.goto(site.page('/', page(config({ api_key: 'k', page_type: 'cart', options: { events_url: api.url } }))));
  await api.waitFor(1);
  const results = await tab.evaluate(async () => {
    const profile: Record<string, unknown> = { name: 'Ada' };
    profile['self'] = profile;
    window.datacue!.identify('u1', profile);
    const first = window.datacue!.track({ type: 'wishlist', subtype: 'add', product_id: 'p1' });
    window.datacue!.identify('u2');
    const second = window.datacue!.track({ type: 'wishlist', subtype: 'add', product_id: 'p2' });
    return Promise.all([first, second]);
  });
  expect(results).toEqual([null, null]);
  await api.waitFor(2);
  expect(api.received.map((r) => [r.json.event.product_id, r.json.user.user_id])).toEqual([[undefined, undefined], ['p2', 'u2']]);
  expect(consoleLines.filter((l) => l.includes('datacue:'))).toEqual([expect.stringMatching(/^warning: datacue: caught TypeError: .*circular/i)]);
  expect(errors).toEqual([]);
});
