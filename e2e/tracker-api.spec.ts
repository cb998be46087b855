// The tracker API as DESIGN.md §6 states it, in real Chromium against a real HTTP events API on 127.0.0.1.
import { test, expect } from './support/fixtures';
import { settled } from './support/network';

const html = (head: string, body = '') => `<!doctype html><html><head><title>t</title>${head}</head><body>${body}</body></html>`;
const SCRIPT = '<script src="/dist/datacue.js"></script>';
const config = (c: Record<string, unknown>) => `<script>window.datacueConfig = ${JSON.stringify(c)};</script>`;
const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString('base64')}`;

test('a page without datacueConfig that calls init() sends what the previous page deferred, and warns of nothing', async ({ page, site, api, consoleLines, errors }) => {
  const init = `<script>datacue.init('k1', { events_url: ${JSON.stringify(api.url)} });</script>`;
  await page.goto(site.page('/a', html(SCRIPT + init)));
  await page.evaluate(() => window.datacue.track({ type: 'click', subtype: 'product', product_id: 'p2' }, true));
  await page.goto(site.page('/b', html(SCRIPT + init)));
  const [click] = await api.waitFor(1);
  expect(click!.json.event).toEqual({ type: 'click', subtype: 'product', product_id: 'p2' });
  expect(click!.headers['authorization']).toBe(basic('k1'));
  await settled(page);
  expect(api.received).toHaveLength(1);
  expect(consoleLines.filter((l) => l.includes('datacue:'))).toEqual([]);
  expect(errors).toEqual([]);
});

test('a pageview sent through track() publishes its response to onRecommendations subscribers', async ({ page, site, api }) => {
  api.respond((req) => (req.json.event.type === 'pageview' ? { status: 200, body: { similar_product_skus: [{ product_id: 'p7' }] } } : undefined));
  await page.goto(site.page('/', html(SCRIPT + `<script>datacue.init('k1', { events_url: ${JSON.stringify(api.url)} });</script>`)));
  const seen = await page.evaluate(async () => {
    const seen: unknown[] = [];
    window.datacue.onRecommendations((p) => seen.push(p));
    const response = await window.datacue.track({ type: 'pageview', subtype: 'product', product_id: 'p1' });
    await window.datacue.track({ type: 'login' });
    return { seen, response };
  });
  const response = { similar_product_skus: [{ product_id: 'p7' }] };
  expect(seen).toEqual({ seen: [{ page_type: 'product', response }], response });
});

test('a page event that waits for a retry is published as failed at once; the answer a retry gets is published then, and track() resolves with it', async ({ page, site, api }) => {
  const response = { similar_product_skus: [{ product_id: 'p7' }] };
  // The first attempt gets a 503 with a retry in 4 s (Retry-After wins over the backoff); the retry gets the answer.
  api.respond((req, i) =>
    req.json.event.type !== 'pageview' ? undefined : i === 0 ? { status: 503, body: { error: 'busy' }, headers: { 'Retry-After': '4' } } : { status: 200, body: response },
  );
  await page.goto(site.page('/', html(SCRIPT + `<script>datacue.init('k1', { events_url: ${JSON.stringify(api.url)} });</script>`)));
  await page.evaluate(() => {
    const seen: unknown[] = (window.seen = []);
    window.datacue.onRecommendations((p) => seen.push(p));
    void window.datacue.track({ type: 'pageview', subtype: 'product', product_id: 'p1' }).then((r) => (window.trackResult = r));
  });
  await api.waitFor(1);
  // Told before the retry leaves, not after every attempt.
  await expect.poll(() => page.evaluate(() => window.seen)).toEqual([{ page_type: 'product', response: null, failed: true }]);
  expect(api.received).toHaveLength(1);
  await api.waitFor(2);
  await expect.poll(() => page.evaluate(() => window.trackResult)).toEqual(response);
  expect(await page.evaluate(() => window.seen)).toEqual([
    { page_type: 'product', response: null, failed: true },
    { page_type: 'product', response },
  ]);
});

test('page() keeps the api key, options and user profile of the first config unless it names new ones', async ({ page, site, api, consoleLines }) => {
  await page.goto(site.page('/', html(config({ api_key: 'k1', user_id: 'u1', page_type: 'home', options: { events_url: api.url } }) + SCRIPT)));
  await api.waitFor(1);
  await page.evaluate(async () => {
    window.datacue.identify('u1', { segment: 'gold' });
    await window.datacue.page({ page_type: 'cart' });
    await window.datacue.page({ page_type: 'search', term: 'sofa', options: { debug: true } });
    await window.datacue.page({ page_type: '404', api_key: 'k2' });
    await window.datacue.page({ page_type: 'home', user_id: 'u2' });
  });
  const [, cart, search, missing, home] = await api.waitFor(5);
  const anon = cart!.json.user.anonymous_id;
  expect(cart!.json.user).toEqual({ anonymous_id: anon, user_id: 'u1', profile: { segment: 'gold' } });
  expect([cart, search, missing, home].map((r) => r!.headers['authorization'])).toEqual([basic('k1'), basic('k1'), basic('k2'), basic('k2')]);
  expect(search!.json.user).toEqual(cart!.json.user);
  // A new user_id is a new user: the old profile is not theirs.
  expect(home!.json.user).toEqual({ anonymous_id: anon, user_id: 'u2' });
  // events_url kept throughout (every request reached this API); debug added without dropping it.
  expect(consoleLines.some((l) => l.startsWith('log: datacue: event'))).toBe(true);
});

test('track() returns at once and its request leaves after the next frame is painted', async ({ page, site, api }) => {
  await page.goto(site.page('/', html(config({ api_key: 'k1', page_type: 'home', options: { events_url: api.url } }) + SCRIPT, '<button>Add</button>')));
  await api.waitFor(1);
  await page.evaluate(() => {
    const log: string[] = ((window as { log?: string[] }).log = []);
    const original = window.fetch;
    window.fetch = (...args) => (log.push('fetch'), original(...args));
    document.querySelector('button')!.addEventListener('click', () => {
      void window.datacue.track({ type: 'wishlist', subtype: 'add', product_id: 'p1' });
      void window.datacue.track({ type: 'wishlist', subtype: 'add', product_id: 'p2' });
      log.push('track returned');
      requestAnimationFrame(() => log.push('frame'));
    });
  });
  await page.click('button');
  await expect.poll(() => page.evaluate(() => (window as { log?: string[] }).log)).toEqual(['track returned', 'frame', 'fetch', 'fetch']);
  const sent = await api.waitFor(3);
  expect(sent.slice(1).map((r) => r.json.event.product_id)).toEqual(['p1', 'p2']);
});

test('a page being hidden sends what waits at once, with keepalive; a navigation right after track() loses nothing', async ({ page, site, api }) => {
  const head = (type: string) => config({ api_key: 'k1', page_type: type, options: { events_url: api.url } }) + SCRIPT;
  await page.goto(site.page('/a', html(head('home'))));
  await api.waitFor(1);
  const log = await page.evaluate(() => {
    const log: string[] = [];
    const original = window.fetch;
    window.fetch = (url, init) => (log.push(`fetch keepalive=${init?.keepalive}`), original(url, init));
    void window.datacue.track({ type: 'login' });
    log.push('track returned');
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
    log.push('visibilitychange handled');
    // Hidden already (a background tab): it leaves without waiting for a frame that never comes.
    void window.datacue.track({ type: 'wishlist', subtype: 'add', product_id: 'p3' });
    return log;
  });
  expect(log).toEqual(['track returned', 'fetch keepalive=true', 'visibilitychange handled']);
  await api.waitFor(3);
  const next = site.page('/b', html(head('cart')));
  await page.evaluate((url) => {
    void window.datacue.track({ type: 'wishlist', subtype: 'add', product_id: 'p9' });
    location.href = url;
  }, next);
  await api.waitFor(5);
  await settled(page);
  expect(api.received.map((r) => r.json.event.product_id ?? r.json.event.subtype ?? r.json.event.type).sort()).toEqual(['cart', 'home', 'login', 'p3', 'p9']);
});
