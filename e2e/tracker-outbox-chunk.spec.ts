// The outbox is a second script (dist/datacue-outbox.js) that dist/datacue.js loads only when an event waits: never
// on a page whose events are delivered, on a failed send (which it then delivers once the API recovers), and on a
// later page load when the store's hint (localStorage `datacue_o`) says the outbox holds events.
import { test, expect } from './support/fixtures';
import type { EventsApi, Site } from './support/servers';
import { drained, waiting } from './support/outbox';
import type { Page } from '@playwright/test';

const storePage = (site: Site, path: string, eventsUrl: string, options: object = {}) =>
  site.page(
    path,
    `<!doctype html><html><head><title>t</title><script>window.datacueConfig = ${JSON.stringify({ api_key: 'k1', page_type: 'home', options: { events_url: eventsUrl, ...options } })};</script>
<script src="/dist/datacue.js"></script></head><body></body></html>`,
  );

/** Every request a page makes for the outbox script. */
const chunkRequests = (page: Page) => {
  const urls: string[] = [];
  page.on('request', (r) => void (r.url().includes('datacue-outbox.js') && urls.push(r.url())));
  return urls;
};

const track = (page: Page, product_id: string) =>
  page.evaluate((product_id) => window.datacue.track({ type: 'wishlist', subtype: 'add', product_id }).catch((e: Error) => e.message), product_id);

test('a page whose events are delivered never requests datacue-outbox.js', async ({ page, site, api, errors }) => {
  const chunk = chunkRequests(page);
  await page.goto(storePage(site, '/a', api.url));
  await api.waitFor(1);
  await track(page, 'p1');
  await page.goto(storePage(site, '/b', api.url));
  await api.waitFor(3);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await track(page, 'p2');
  expect(api.received).toHaveLength(4);
  expect(chunk).toEqual([]);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('datacue_o') || k.startsWith('datacue_d:')))).toEqual([]);
  expect(errors).toEqual([]);
});

/** Answers wishlist events with 503 while `down()`; returns the product ids the API accepted, in order. */
const failWhile = (api: EventsApi, down: () => boolean) => {
  const accepted: string[] = [];
  api.respond((req) => {
    const id = req.json?.event?.product_id as string | undefined;
    if (!id) return undefined;
    if (down()) return { status: 503 };
    accepted.push(id);
    return undefined;
  });
  return accepted;
};

test('a failed send loads the outbox (a sibling of the script), which delivers it exactly once after the API recovers', async ({ page, site, api, errors }) => {
  const chunk = chunkRequests(page);
  let down = true;
  const accepted = failWhile(api, () => down);
  await page.goto(storePage(site, '/a', api.url));
  await api.waitFor(1);
  expect(chunk).toEqual([]);
  const delivered = page.evaluate(() => window.datacue.track({ type: 'wishlist', subtype: 'add', product_id: 'p1' }));
  await expect.poll(() => chunk).toEqual([`${site.url}/dist/datacue-outbox.js`]);
  // Retried by the outbox (backoff), still failing.
  await expect.poll(() => api.received.filter((r) => r.json?.event?.product_id === 'p1').length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
  down = false;
  await delivered;
  expect(accepted).toEqual(['p1']);
  await drained(page);
  // A page load afterwards: the hint sends it to the outbox once, which finds only the delivered one's tombstone.
  await page.goto(storePage(site, '/b', api.url));
  await expect.poll(() => page.evaluate(() => localStorage.getItem('datacue_o'))).toBeNull();
  await page.waitForTimeout(500);
  expect(accepted).toEqual(['p1']);
  expect(chunk.length).toBeLessThanOrEqual(2);
  expect(errors).toEqual([]);
});

/**
 * Page /a tracks p1, whose send the API fails, while the outbox script never arrives (a slow network): returns once the
 * answer has been read and the page has asked for the outbox, which it then may load again on later pages.
 */
async function failBeforeTheOutboxLoads(page: Page, site: Site, api: EventsApi) {
  let asked = false;
  await page.route('**/datacue-outbox.js', () => void (asked = true));
  await page.goto(storePage(site, '/a', api.url));
  await api.waitFor(1);
  void page.evaluate(() => void window.datacue.track({ type: 'wishlist', subtype: 'add', product_id: 'p1' }).catch(() => null));
  await expect.poll(() => asked).toBe(true);
  await page.unroute('**/datacue-outbox.js');
}

test('a failed send whose page goes away before the outbox has loaded: kept at once, sent by the next page, once', async ({ page, site, api, errors }) => {
  let down = true;
  const accepted = failWhile(api, () => down);
  await failBeforeTheOutboxLoads(page, site, api);
  expect((await waiting(page)).map((w) => w.id)).toHaveLength(1);
  down = false;
  await page.goto(storePage(site, '/b', api.url));
  await expect.poll(() => accepted, { timeout: 10_000 }).toEqual(['p1']);
  await expect.poll(async () => (await waiting(page)).length).toBe(0);
  await page.reload();
  await page.waitForTimeout(1500);
  expect(accepted).toEqual(['p1']);
  expect(errors).toEqual([]);
});

test("a 429 whose page goes away before the outbox has loaded: the next page waits out the server's Retry-After", async ({ page, site, api }) => {
  const attempts: number[] = [];
  api.respond((req) => {
    if (req.json?.event?.product_id !== 'p1') return undefined;
    attempts.push(Date.now());
    return attempts.length === 1 ? { status: 429, headers: { 'Retry-After': '3' } } : undefined;
  });
  await failBeforeTheOutboxLoads(page, site, api);
  // Only the tracker's copy holds the event: the next page moves it in, with the wait the server asked for.
  await page.goto(storePage(site, '/b', api.url));
  await expect.poll(() => attempts.length, { timeout: 10_000 }).toBe(2);
  expect(attempts[1]! - attempts[0]!).toBeGreaterThanOrEqual(3000);
  await drained(page);
});

test('hint across tabs: an event a closed tab left waiting is sent by the next page load, once; after that no page loads the outbox', async ({ context, site, api, errors }) => {
  let down = true;
  const accepted = failWhile(api, () => down);
  const a = await context.newPage();
  await a.goto(storePage(site, '/a', api.url));
  await api.waitFor(1);
  void a.evaluate(() => void window.datacue.track({ type: 'wishlist', subtype: 'add', product_id: 'p1' }).catch(() => null));
  await expect.poll(async () => (await waiting(a)).length).toBe(1);
  // `waiting` counts the tracker's own copy too, kept at once: the hint comes once the outbox (loaded after the
  // failure) has stored the event. Read at once, it was not there yet in one full run.
  await expect.poll(() => a.evaluate(() => localStorage.getItem('datacue_o'))).toBe('1');
  await a.close(); // its lease dies with it
  down = false;
  const b = await context.newPage();
  const chunkB = chunkRequests(b);
  await b.goto(storePage(site, '/b', api.url));
  await expect.poll(() => accepted, { timeout: 20_000 }).toEqual(['p1']);
  expect(chunkB).toHaveLength(1);
  // b's flush saw the entry and set the hint again; the next load clears it (only a tombstone is left).
  const c = await context.newPage();
  await c.goto(storePage(site, '/c', api.url));
  await expect.poll(() => c.evaluate(() => localStorage.getItem('datacue_o'))).toBeNull();
  const d = await context.newPage();
  const chunkD = chunkRequests(d);
  await d.goto(storePage(site, '/d', api.url));
  await expect.poll(() => api.received.filter((r) => r.json?.event?.type === 'pageview').length).toBe(4);
  expect(chunkD).toEqual([]);
  expect(accepted).toEqual(['p1']);
  expect(errors).toEqual([]);
});

test('denial deletes a stored event, the hint and deferred keys, and loads no outbox to do it', async ({ context, site, api, errors }) => {
  // Retry-After beyond the longest backoff: the event is stored for a later page load, not retried by this one.
  api.respond((req) => (req.json?.event?.product_id ? { status: 503, headers: { 'Retry-After': '3600' } } : undefined));
  const a = await context.newPage();
  await a.goto(storePage(site, '/a', api.url));
  await api.waitFor(1);
  const refused = await a.evaluate(() => window.datacue.track({ type: 'wishlist', subtype: 'add', product_id: 'p1' }).then(() => '', (e: Error) => e.message));
  expect(refused).toContain('kept for later');
  await a.evaluate(() => window.datacue.track({ type: 'click', subtype: 'product', product_id: 'p2' }, true));
  expect((await waiting(a)).length).toBe(2);
  const keys = () => a.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('datacue_')).map((k) => k.replace(/^(datacue_d:).*/, '$1*')).sort());
  expect(await keys()).toEqual(['datacue_aid', 'datacue_d:*', 'datacue_o']);
  await a.close();
  const b = await context.newPage();
  const chunk = chunkRequests(b);
  // Denied from the start (the store's banner remembered it): nothing waiting is read, all of it is deleted.
  await b.goto(storePage(site, '/b', api.url, { consent: 'denied' }));
  await expect.poll(() => b.evaluate(async () => ((await indexedDB.databases()) ?? []).map((d) => d.name))).toEqual([]);
  expect(await b.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('datacue_')))).toEqual([]);
  expect(chunk).toEqual([]);
  expect(api.received.filter((r) => r.json?.event?.product_id)).toHaveLength(1);
  expect(errors).toEqual([]);
});
