// The outbox in real tabs (Chromium, IndexedDB, Web Locks) against a real events API on 127.0.0.1 that fails on
// purpose: nothing waiting is lost or sent twice, backoff and Retry-After hold across page loads, and a request in
// flight when its page goes away is left to the browser, never sent again.
import { test, expect } from './support/fixtures';
import type { EventsApi, Site } from './support/servers';
import { drained, waiting } from './support/outbox';
import type { BrowserContext, Page } from '@playwright/test';

const storePage = (site: Site, path: string, eventsUrl: string, pageType = 'home') =>
  site.page(
    path,
    `<!doctype html><html><head><title>t</title><script>window.datacueConfig = ${JSON.stringify({ api_key: 'k1', page_type: pageType, options: { events_url: eventsUrl } })};</script>
<script src="/dist/datacue.js"></script></head><body></body></html>`,
  );

/** Product ids of the wishlist events the API accepted (2xx), in order. */
const accepted = (api: EventsApi, ok: Set<number>) =>
  api.received.filter((_, i) => ok.has(i)).map((r) => r.json.event.product_id as string).filter(Boolean);

test('two tabs retrying failed events while a third keeps loading pages: 20 events, 0 lost, 0 sent twice (4 runs)', async ({ context, site, api }) => {
  test.setTimeout(150_000);
  // Each wishlist event fails its first two attempts (a 429 with Retry-After: 10, then a 503), then succeeds. The
  // server's 10 s keeps every retry away from the third tab's page loads: a retry in flight when its page goes away
  // is left to the browser, and lost if that try fails (DESIGN.md section 4; tested below). With retries due half a
  // second after the first failure, a run on a busy machine never saw 8 of tab b's events accepted: the pattern of
  // such retries (reproduced once with every answer 150 ms slow).
  const attempts = new Map<string, number>();
  const ok = new Set<number>();
  api.respond((req, i) => {
    const id = req.json?.event?.product_id as string | undefined;
    if (!id) return undefined;
    const n = (attempts.get(id) ?? 0) + 1;
    attempts.set(id, n);
    if (n === 1) return { status: 429, headers: { 'Retry-After': '10' } };
    if (n === 2) return { status: 503 };
    ok.add(i);
    return undefined;
  });
  const [a, b, c] = [await context.newPage(), await context.newPage(), await context.newPage()];
  for (const [i, tab] of [a, b, c].entries()) await tab.goto(storePage(site, `/t${i}`, api.url));
  for (let run = 0; run < 4; run++) {
    const ids = (tab: string) => Array.from({ length: 10 }, (_, n) => `r${run}-${tab}${n}`);
    const track = (tab: Page, list: string[]) =>
      tab.evaluate((list) => list.forEach((product_id) => void window.datacue.track({ type: 'wishlist', subtype: 'add', product_id }).catch(() => null)), list);
    await Promise.all([track(a, ids('a')), track(b, ids('b'))]);
    // Page loads in the third tab while the two others' retries wait: each load flushes the shared outbox.
    for (let n = 0; n < 5; n++) await c.reload();
    const want = [...ids('a'), ...ids('b')];
    await expect.poll(() => want.filter((id) => !accepted(api, ok).includes(id)), { timeout: 30_000 }).toEqual([]);
    await c.reload();
    await c.waitForTimeout(1500);
    const got = accepted(api, ok).filter((id) => id.startsWith(`r${run}-`));
    expect(got.sort()).toEqual(want.sort());
    expect(attempts.size).toBe(20 * (run + 1));
    expect([...attempts.values()].every((n) => n === 3)).toBe(true);
  }
  expect(await waiting(c)).toEqual([]);
});

/** Times (ms) at which the events API received each attempt of the event `product_id`. */
const attemptsOf = (api: EventsApi, id: string) => api.received.filter((r) => r.json?.event?.product_id === id).map((r) => r.at);

async function failThenNavigate(page: Page, site: Site, api: EventsApi, first: { status: number; headers?: Record<string, string> }) {
  api.respond((req) => (req.json?.event?.product_id === 'p1' && attemptsOf(api, 'p1').length === 1 ? first : undefined));
  await page.goto(storePage(site, '/a', api.url));
  await api.waitFor(1);
  await page.evaluate(() => void window.datacue.track({ type: 'wishlist', subtype: 'add', product_id: 'p1' }).catch(() => null));
  await expect.poll(() => waiting(page).then((w) => w.length)).toBe(1);
  // A page load while the retry waits: the new page adopts the event, and must wait out the same delay.
  await page.goto(storePage(site, '/b', api.url, 'cart'));
  await expect.poll(() => attemptsOf(api, 'p1').length, { timeout: 15_000 }).toBe(2);
  await page.waitForTimeout(500);
  await drained(page);
  return attemptsOf(api, 'p1');
}

test('Retry-After holds across a page load: the next page waits out the 3 s the server asked for', async ({ page, site, api }) => {
  const [first, second] = await failThenNavigate(page, site, api, { status: 429, headers: { 'Retry-After': '3' } });
  expect(second! - first!).toBeGreaterThanOrEqual(3000);
});

test('backoff holds across a page load: the next page never cuts the wait short', async ({ page, site, api }) => {
  const [first, second] = await failThenNavigate(page, site, api, { status: 503 });
  // The first retry waits at least half the 1 s base (equal jitter).
  expect(second! - first!).toBeGreaterThanOrEqual(500);
});

test('a Retry-After 30 days away: the page that adopts the event waits without spinning, and does not send it', async ({ page, site, api, errors }) => {
  api.respond((req) => (req.json?.event?.product_id === 'p1' ? { status: 429, headers: { 'Retry-After': '2592000' } } : undefined));
  // Counts the outbox's transactions: setTimeout takes a wait between 2^31 and 2^32 ms (25 to 50 days) as negative, so
  // it would fire at once, find the event not due, and wait again, at once.
  await page.addInitScript(() => {
    const w = window as unknown as { txs: number };
    w.txs = 0;
    const real = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
      w.txs++;
      return real.apply(this, args);
    } as IDBDatabase['transaction'];
  });
  await page.goto(storePage(site, '/a', api.url));
  await api.waitFor(1);
  await page.evaluate(() => void window.datacue.track({ type: 'wishlist', subtype: 'add', product_id: 'p1' }).catch(() => null));
  await expect.poll(() => waiting(page).then((w) => w.length)).toBe(1);
  await page.goto(storePage(site, '/b', api.url, 'cart'));
  await api.waitFor(3);
  await page.waitForTimeout(2000);
  // The page load's flush (a few transactions), not hundreds of timers firing early.
  expect(await page.evaluate(() => (window as unknown as { txs: number }).txs)).toBeLessThan(10);
  expect(attemptsOf(api, 'p1')).toHaveLength(1);
  expect(errors).toEqual([]);
});

test('Web Locks refused (site data blocked): a failed event is still retried in the page, its track() settles, and nothing throws into the page', async ({ page, site, api, errors }) => {
  api.respond((req) => (req.json?.event?.product_id === 'p1' && attemptsOf(api, 'p1').length === 1 ? { status: 503 } : undefined));
  await page.addInitScript(() => {
    const no = () => Promise.reject(new DOMException('Access to the Locks API is denied in this context.', 'SecurityError'));
    Object.defineProperty(LockManager.prototype, 'request', { value: no });
    Object.defineProperty(LockManager.prototype, 'query', { value: no });
  });
  await page.goto(storePage(site, '/a', api.url));
  await api.waitFor(1);
  const settled = page.evaluate(() => window.datacue.track({ type: 'wishlist', subtype: 'add', product_id: 'p1' }).then(() => 'delivered', () => 'rejected'));
  await expect.poll(() => attemptsOf(api, 'p1').length, { timeout: 10_000 }).toBe(2);
  expect(await settled).toBe('delivered');
  expect(errors).toEqual([]);
});

test('IndexedDB transactions aborting (a full disk): the failed event is kept for later, its track() settles, nothing throws into the page; the next page delivers it once', async ({ page, site, api, errors }) => {
  api.respond((req) => (req.json?.event?.product_id === 'p1' && attemptsOf(api, 'p1').length === 1 ? { status: 503 } : undefined));
  // On the first page only, as a full disk does: the write is taken, then its transaction aborts.
  await page.addInitScript(() => {
    if (location.pathname !== '/a') return;
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      const request = put.apply(this, args);
      this.transaction.abort();
      return request;
    };
  });
  await page.goto(storePage(site, '/a', api.url));
  await api.waitFor(1);
  const settled = await page.evaluate(() => window.datacue.track({ type: 'wishlist', subtype: 'add', product_id: 'p1' }).then(() => 'delivered', (e: Error) => e.message));
  expect(settled).toMatch(/kept for later$/);
  expect(errors).toEqual([]);
  await page.goto(storePage(site, '/b', api.url, 'cart'));
  await expect.poll(() => attemptsOf(api, 'p1').length, { timeout: 10_000 }).toBe(2);
  await drained(page);
  await page.reload();
  await page.waitForTimeout(1000);
  expect(attemptsOf(api, 'p1')).toHaveLength(2);
  expect(errors).toEqual([]);
});

/**
 * A slow events API answers event p1 with 503 always, and its try number `held` 3 s late, after its page has gone
 * (the next page is opened as soon as that try has left): p1 is then never sent again, neither by the next page nor
 * after a reload, and nothing is left waiting.
 */
async function leftToTheBrowser({ context, page, site }: { context: BrowserContext; page: Page; site: Site }, held: number) {
  const seen: string[] = [];
  await context.route('https://slow-events.test/**', async (route) => {
    if (route.request().method() === 'OPTIONS') {
      return route.fulfill({ status: 204, headers: CORS });
    }
    const id = (JSON.parse(route.request().postData() ?? '{}').event?.product_id as string) ?? 'page';
    seen.push(id);
    if (id === 'p1' && seen.filter((x) => x === id).length === held) await new Promise((r) => setTimeout(r, 3000));
    await route.fulfill({ status: id === 'p1' ? 503 : 204, headers: CORS }).catch(() => null);
  });
  const url = 'https://slow-events.test/';
  const p1 = () => seen.filter((x) => x === 'p1').length;
  await page.goto(storePage(site, '/a', url));
  await page.evaluate(() => void window.datacue.track({ type: 'wishlist', subtype: 'add', product_id: 'p1' }).catch(() => null));
  await expect.poll(p1, { timeout: 10_000 }).toBe(held);
  await page.goto(storePage(site, '/b', url, 'cart'));
  await page.waitForTimeout(5000);
  expect(p1()).toBe(held);
  expect(await waiting(page)).toEqual([]);
  await page.reload();
  await page.waitForTimeout(1000);
  expect(p1()).toBe(held);
}

// The retry's answer (503) comes after the page has gone.
test('a retry in flight when its page goes away is left to the browser and never sent again', ({ context, page, site }) => leftToTheBrowser({ context, page, site }, 2));

// The first attempt's answer (503) comes after the page has gone: the browser reports it to the page as a network
// failure while it unloads, which must not be kept as a failure to retry.
test('a first attempt in flight when its page goes away is left to the browser too, never sent again', ({ context, page, site }) => leftToTheBrowser({ context, page, site }, 1));

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': 'Content-Type, Authorization',
};


/**
 * What a page leaves when it goes away after marking a retry of p1 in flight: with the copy it keeps until the request
 * leaves (outbox.ts `attempt`), or without it (the request had left, and had its copy removed).
 */
async function leaveRetryInFlight(page: Page, withCopy: boolean) {
  await page.evaluate(async (withCopy) => {
    const at = Date.now() - 5000;
    const id = `${at.toString(36)}gonegonegonegonegonegone`;
    const body = JSON.stringify({ user: { anonymous_id: 'a1' }, event: { type: 'wishlist', subtype: 'add', product_id: 'p1' }, timestamp: new Date(at).toISOString() });
    const entry = { id, at, body, tries: 1, next: at + 1000, owner: 'a-tab-that-is-gone', t: at, page: '' };
    const db = await new Promise<IDBDatabase>((done) => {
      const open = indexedDB.open('datacue', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('outbox', { keyPath: 'id' });
      open.onsuccess = () => done(open.result);
    });
    await new Promise((done) => {
      const t = db.transaction('outbox', 'readwrite');
      t.objectStore('outbox').put({ ...entry, inflight: 1 });
      t.oncomplete = done;
    });
    db.close();
    if (withCopy) localStorage.setItem(`datacue_d:${id}.2`, JSON.stringify({ ...entry, tries: 2 }));
    localStorage.setItem('datacue_o', '1');
  }, withCopy);
}

for (const withCopy of [true, false]) {
  test(`a retry marked in flight whose page went away ${withCopy ? 'before its request left is resumed by the next page load, once' : 'after its request left is not sent again'}`, async ({ page, site, api, errors }) => {
    await page.goto(storePage(site, '/a', api.url));
    await api.waitFor(1);
    await leaveRetryInFlight(page, withCopy);
    await page.goto(storePage(site, '/b', api.url, 'cart'));
    await drained(page);
    await page.reload();
    await api.waitFor(withCopy ? 4 : 3);
    await page.waitForTimeout(500);
    expect(api.received.filter((r) => r.json.event.product_id === 'p1')).toHaveLength(withCopy ? 1 : 0);
    expect(errors).toEqual([]);
  });
}
