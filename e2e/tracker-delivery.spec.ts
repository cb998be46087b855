// Delivery under real conditions: a cross-origin events API on 127.0.0.1 (CORS preflights and all), retries,
// failures, storage, several tabs, and the async loading snippet.
import { createServer } from 'node:net';
import { test, expect } from './support/fixtures';
import type { EventsApi, Site } from './support/servers';
import { readmeSnippet } from './support/reference';
import { drained, waiting } from './support/outbox';
import { settled } from './support/network';

interface PageOptions { config?: Record<string, unknown>; head?: string; body?: string; eventsUrl?: string }

/** A store page that sets datacueConfig (events_url pointing at the stand-in) and loads the real bundle. */
function storePage(site: Site, api: EventsApi, path: string, { config = { page_type: 'home' }, head = '', body = '', eventsUrl = api.url }: PageOptions = {}) {
  const full = { api_key: 'k1', user_id: null, ...config, options: { events_url: eventsUrl, ...(config['options'] as object) } };
  return site.page(path, `<!doctype html><html><head><title>t</title>${head}
<script>window.datacueConfig = ${JSON.stringify(full)};</script>
<script src="/dist/datacue.js"></script></head><body>${body}</body></html>`);
}

/** A port with nothing listening: a real network failure. */
async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return `http://127.0.0.1:${port}/`;
}

const outbox = waiting;
const types = (api: EventsApi) => api.received.map((r) => `${r.json.event.type}/${r.json.event.subtype ?? ''}`);

test('deferred click then navigation: delivered exactly once, on the next page, never on its own', async ({ page, site, api, errors }) => {
  await page.goto(storePage(site, api, '/a'));
  await api.waitFor(1);
  await page.evaluate(() => window.datacue.track({ type: 'click', subtype: 'product', product_id: 'p2' }, true));
  await settled(page);
  expect(types(api)).toEqual(['pageview/home']);
  expect(await outbox(page)).toHaveLength(1);

  await page.goto(storePage(site, api, '/b', { config: { page_type: 'cart' } }));
  await api.waitFor(3);
  await settled(page);
  await drained(page);

  await page.goto(storePage(site, api, '/c', { config: { page_type: '404' } }));
  await api.waitFor(4);
  await settled(page);
  expect(types(api).sort()).toEqual(['click/product', 'pageview/404', 'pageview/cart', 'pageview/home']);
  expect(errors).toEqual([]);
});

test('deferred clicks are capped at 50 on one page: the oldest go, then the 50 newest are delivered once', async ({ page, site, api }) => {
  await page.goto(storePage(site, api, '/a'));
  await api.waitFor(1);
  // Clicks in separate milliseconds, as a shopper makes them: the cap keeps the newest by time.
  for (let i = 0; i < 55; i++) {
    await page.evaluate((n) => window.datacue.track({ type: 'click', subtype: 'product', product_id: `p${n}` }, true), i);
    await page.waitForTimeout(2);
  }
  const kept = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('datacue_d:'))
      .map((k) => (JSON.parse(localStorage.getItem(k)!) as { body: string }).body),
  );
  expect(kept.map((b) => JSON.parse(b).event.product_id).sort()).toEqual(Array.from({ length: 50 }, (_, i) => `p${i + 5}`).sort());

  await page.goto(storePage(site, api, '/b', { config: { page_type: 'cart' } }));
  await api.waitFor(52);
  await settled(page);
  const clicks = api.received.filter((r) => r.json.event.type === 'click').map((r) => r.json.event.product_id);
  expect(clicks.sort()).toEqual(Array.from({ length: 50 }, (_, i) => `p${i + 5}`).sort());
  await drained(page);
});

test('two tabs loading at the same moment send a deferred click once', async ({ page, context, site, api }) => {
  await page.goto(storePage(site, api, '/a'));
  await api.waitFor(1);
  await page.evaluate(() => window.datacue.track({ type: 'click', subtype: 'banner', banner_id: 'b1' }, true));
  const other = await context.newPage();
  const url = storePage(site, api, '/b', { config: { page_type: 'cart' } });
  await Promise.all([page.goto(url), other.goto(url)]);
  await api.waitFor(4);
  await Promise.all([settled(page), settled(other)]);
  expect(types(api).filter((t) => t === 'click/banner')).toHaveLength(1);
  expect(types(api).filter((t) => t === 'pageview/cart')).toHaveLength(2);
  await drained(page);
});

test('500 then success: retried with backoff and delivered once, same body', async ({ page, site, api, errors }) => {
  api.respond((_req, i) => (i === 0 ? { status: 500, body: { message: 'try later' } } : undefined));
  await page.goto(storePage(site, api, '/'));
  const [first, second] = await api.waitFor(2);
  expect(second!.body).toBe(first!.body);
  await settled(page);
  expect(api.received).toHaveLength(2);
  await drained(page);
  expect(errors).toEqual([]);
});

test('429 with Retry-After: the retry waits at least as long as the server asked', async ({ page, site, api }) => {
  api.respond((_req, i) => (i === 0 ? { status: 429, headers: { 'Retry-After': '2' } } : undefined));
  await page.goto(storePage(site, api, '/'));
  const [a, b] = await api.waitFor(2);
  expect(b!.at - a!.at).toBeGreaterThanOrEqual(2000);
  expect(b!.body).toBe(a!.body);
});

test('network failure: kept in storage and delivered on the next page load', async ({ page, site, api }) => {
  await page.goto(storePage(site, api, '/a', { eventsUrl: await deadUrl() }));
  await expect.poll(() => outbox(page)).toHaveLength(1);
  const failedAt = Date.now();
  await page.goto(storePage(site, api, '/b', { config: { page_type: 'cart' } }));
  await api.waitFor(2);
  await settled(page);
  expect(types(api).sort()).toEqual(['pageview/cart', 'pageview/home']);
  const home = api.received.find((r) => r.json.event.subtype === 'home')!;
  expect(Date.parse(home.json.timestamp)).toBeLessThanOrEqual(failedAt);
  await drained(page);
});

test('offline: track() rejects as kept, and the event goes out when the browser is back online', async ({ page, context, site, api }) => {
  await page.goto(storePage(site, api, '/'));
  await api.waitFor(1);
  await context.setOffline(true);
  const result = await page.evaluate(() =>
    window.datacue.track({ type: 'login' }).then(
      () => 'resolved',
      (e: { status: number; message: string }) => `${e.status} ${e.message}`,
    ),
  );
  expect(result).toBe('0 HTTP 0; kept for later');
  // Polled: the page's own flush may be holding it for a moment (and, offline, putting it back).
  await expect.poll(() => outbox(page)).toHaveLength(1);
  await context.setOffline(false);
  const [, login] = await api.waitFor(2);
  expect(login!.json.event).toEqual({ type: 'login' });
  await expect.poll(() => outbox(page)).toEqual([]);
});

test('400: not retried, track() rejects with status and message, and the message is in the console', async ({ page, site, api, consoleLines, errors }) => {
  api.respond((req) => (req.json.event.type === 'login' ? { status: 400, body: { message: 'event.type login needs a user_id' } } : undefined));
  await page.goto(storePage(site, api, '/'));
  await api.waitFor(1);
  const rejection = await page.evaluate(() =>
    window.datacue.track({ type: 'login' }).catch((e: { name: string; status: number; message: string }) => ({ name: e.name, status: e.status, message: e.message })),
  );
  expect(rejection).toEqual({ name: 'DatacueError', status: 400, message: 'event.type login needs a user_id' });
  await settled(page);
  expect(types(api)).toEqual(['pageview/home', 'login/']);
  expect(await outbox(page)).toEqual([]);
  expect(consoleLines).toContain('error: datacue: the events API refused (400): event.type login needs a user_id');
  expect(errors).toEqual([]);
});

test('storage and cookies that throw: events still sent, no page error', async ({ page, site, api, errors }) => {
  await page.addInitScript(() => {
    const boom = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    Object.defineProperty(window, 'localStorage', { get: boom });
    Object.defineProperty(Document.prototype, 'cookie', { get: boom, set: boom });
  });
  await page.goto(storePage(site, api, '/'));
  const [view] = await api.waitFor(1);
  expect(view!.json.user.anonymous_id).toMatch(/^[\w-]{21}$/);
  const login = await page.evaluate(() => window.datacue.track({ type: 'login' }));
  expect(login).toBeNull();
  const [, sent] = await api.waitFor(2);
  expect(sent!.json.user.anonymous_id).toBe(view!.json.user.anonymous_id);
  expect(errors).toEqual([]);
});

test('identity: a one-year Lax cookie mirrored in localStorage, restored when the cookie is cleared', async ({ page, context, site, api }) => {
  await page.goto(storePage(site, api, '/'));
  const [first] = await api.waitFor(1);
  const id = first!.json.user.anonymous_id as string;
  const [cookie] = (await context.cookies()).filter((c) => c.name === 'datacue_aid');
  expect(cookie).toMatchObject({ value: id, path: '/', sameSite: 'Lax', secure: false });
  expect(cookie!.expires * 1000 - Date.now()).toBeGreaterThan(364 * 86400e3);
  expect(await page.evaluate(() => localStorage.getItem('datacue_aid'))).toBe(id);
  await context.clearCookies();
  await page.reload();
  const [, second] = await api.waitFor(2);
  expect(second!.json.user.anonymous_id).toBe(id);
  expect((await context.cookies()).find((c) => c.name === 'datacue_aid')?.value).toBe(id);
});

test('identify: user_id on later events, anonymous_id kept; null, "" and undefined are a guest', async ({ page, site, api }) => {
  await page.goto(storePage(site, api, '/', { config: { page_type: 'home', user_id: 42 } }));
  const [view] = await api.waitFor(1);
  expect(view!.json.user.user_id).toBe('42');
  await page.evaluate(async () => {
    for (const guest of [null, '', undefined]) {
      window.datacue.identify(guest);
      await window.datacue.track({ type: 'wishlist', subtype: 'add', product_id: 'p1' });
    }
    window.datacue.identify('u9', { segment: 'gold' });
    await window.datacue.track({ type: 'login' });
  });
  const all = await api.waitFor(5);
  expect(all.slice(1, 4).map((r) => r.json.user)).toEqual(Array(3).fill({ anonymous_id: view!.json.user.anonymous_id }));
  expect(all[4]!.json.user).toEqual({ anonymous_id: view!.json.user.anonymous_id, user_id: 'u9', profile: { segment: 'gold' } });
});

test('the README async snippet: calls queued before the script arrived run in order once it loads', async ({ page, site, api, errors }) => {
  const block = readmeSnippet('Loading the script asynchronously');
  const asyncStub = block.slice(block.indexOf('<script>') + '<script>'.length, block.indexOf('datacue.init('));
  const url = site.page('/async', `<!doctype html><html><head><title>t</title>
<script>
${asyncStub}window.datacue.init('k1', { events_url: ${JSON.stringify(api.url)} });
window.datacue.identify('u7');
window.datacue.onRecommendations(function (p) { window.seen = p; });
window.datacue.page({ page_type: 'product', product_id: 'p5' }).then(function (r) { window.pageResult = r; });
window.datacue.track({ type: 'wishlist', subtype: 'add', product_id: 'p5' }).then(function (r) { window.trackResult = r; });
</script>
</head><body><script>setTimeout(function () { var s = document.createElement('script'); s.async = true; s.src = '/dist/datacue.js'; document.head.appendChild(s); }, 200);</script></body></html>`);
  api.respond((req) => (req.json.event.type === 'pageview' ? { status: 200, body: { similar_product_skus: [] } } : undefined));
  await page.goto(url);
  const received = await api.waitFor(2);
  expect(received.map((r) => r.json.user.user_id)).toEqual(['u7', 'u7']);
  expect(received.map((r) => r.json.event).sort((a, b) => a.type.localeCompare(b.type))).toEqual([
    { type: 'pageview', subtype: 'product', product_id: 'p5' },
    { type: 'wishlist', subtype: 'add', product_id: 'p5' },
  ]);
  await expect.poll(() => page.evaluate(() => [window.pageResult, window.trackResult, window.seen])).toEqual([
    { similar_product_skus: [] },
    null,
    { page_type: 'product', response: { similar_product_skus: [] } },
  ]);
  expect(errors).toEqual([]);
});

test('the recommendations response reaches a subscriber that comes after it arrived, and each SPA route', async ({ page, site, api }) => {
  api.respond((req) => (req.json.event.type === 'pageview' || req.json.event.type === 'search' ? { status: 200, body: { related_product_skus: [{ product_id: req.json.event.subtype ?? 'search' }] } } : undefined));
  await page.goto(storePage(site, api, '/'));
  await api.waitFor(1);
  await settled(page);
  const late = await page.evaluate(() => new Promise((done) => window.datacue.onRecommendations(done)));
  expect(late).toEqual({ page_type: 'home', response: { related_product_skus: [{ product_id: 'home' }] } });
  const route = await page.evaluate(async () => {
    const seen: unknown[] = [];
    const stop = window.datacue.onRecommendations((p) => seen.push(p.page_type));
    const response = await window.datacue.page({ page_type: 'search', term: 'sofa' });
    stop();
    await window.datacue.page({ page_type: 'cart' });
    return { seen, response };
  });
  expect(route).toEqual({ seen: ['home', 'search'], response: { related_product_skus: [{ product_id: 'search' }] } });
});

// Two routes in quick succession, their answers let through in each order: only the newest route's answer is drawn
// (each page() promise still resolves with its own answer).
for (const order of [['category', 'product'], ['product', 'category']] as const) {
  test(`SPA routes answered ${order.join(' then ')}: subscribers end with the newest route's answer`, async ({ page, site, api }) => {
    api.respond((req) => (req.json.event.type === 'pageview' ? { status: 200, body: { related_product_skus: [{ product_id: req.json.event.subtype }] } } : undefined));
    await page.goto(storePage(site, api, '/'));
    await api.waitFor(1);
    await settled(page);
    const held = new Map<string, () => void>();
    await page.route(api.url, async (route) => {
      if (route.request().method() === 'POST') await new Promise<void>((go) => held.set(route.request().postDataJSON().event.subtype, go));
      await route.continue();
    });
    await page.evaluate(() => {
      const seen: string[] = (window.seen = []);
      window.datacue.onRecommendations((p) => seen.push(p.page_type));
      window.pageResult = [window.datacue.page({ page_type: 'category', category_id: 'c1' }), window.datacue.page({ page_type: 'product', product_id: 'p1' })];
    });
    await expect.poll(() => held.size).toBe(2);
    for (const [i, subtype] of order.entries()) {
      held.get(subtype)!();
      await api.waitFor(2 + i);
      // Its answer handled before the next is let go.
      await page.evaluate((i) => (window.pageResult as Promise<unknown>[])[i], subtype === 'category' ? 0 : 1);
    }
    const { seen, answers } = await page.evaluate(async () => {
      const answers = await Promise.all(window.pageResult as Promise<unknown>[]);
      await new Promise((done) => setTimeout(done, 50));
      return { seen: window.seen, answers };
    });
    expect(answers).toEqual([{ related_product_skus: [{ product_id: 'category' }] }, { related_product_skus: [{ product_id: 'product' }] }]);
    // The category route was left before its answer came, whenever that was: it is never drawn.
    expect(seen).toEqual(['home', 'product']);
  });
}

test('options.debug logs each event and response', async ({ page, site, api, consoleLines }) => {
  await page.goto(storePage(site, api, '/', { config: { page_type: 'home', options: { debug: true } } }));
  await api.waitFor(1);
  await settled(page);
  expect(consoleLines.find((l) => l.startsWith('log: datacue: event'))).toBeTruthy();
  expect(consoleLines).toContain('log: datacue: response 204 null');
});

test('a burst of 300 events: every one delivered once, none failed into storage', async ({ page, site, api }) => {
  await page.goto(storePage(site, api, '/'));
  await api.waitFor(1);
  const results = await page.evaluate(() =>
    Promise.all(Array.from({ length: 300 }, (_, i) => window.datacue.track({ type: 'wishlist', subtype: 'add', product_id: `p${i}` }).then(() => 'ok', (e: Error) => e.message))),
  );
  expect(results.filter((r) => r !== 'ok')).toEqual([]);
  await api.waitFor(301);
  expect(new Set(api.received.map((r) => r.json.event.product_id)).size).toBe(301);
  expect(await outbox(page)).toEqual([]);
});
