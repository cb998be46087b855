// Consent and privacy (DESIGN.md §9) in a real browser: the cookies, localStorage and IndexedDB the page holds and
// the requests it makes, for each consent state, GPC on and off, withdrawal, forget() and the async snippet.
import { test, expect } from './support/fixtures';
import { painted } from './support/shifts';
import type { EventsApi, Site } from './support/servers';
import { imagesDecoded } from './support/images';
import { readmeSnippet } from './support/reference';
import { SAMPLES, serveImages } from './support/widgets-page';
import { holdAnswers } from './support/hold-answers';
import { settled } from './support/network';
import { QUEUED_METHODS } from '../src/stub';
import type { Page } from '@playwright/test';

interface PageOptions { consent?: unknown; page_type?: string; extra?: object; head?: string; body?: string }

/** A store page: datacueConfig (with `options.consent` when given, events to the stand-in), then datacue.js. */
function storePage(site: Site, api: EventsApi, path: string, { consent, page_type = 'home', extra = {}, head = '', body = '' }: PageOptions = {}) {
  const options = { events_url: api.url, ...(consent === undefined ? {} : { consent }) };
  return site.page(path, `<!doctype html><html><head><title>t</title>${head}
<script>window.datacueConfig = ${JSON.stringify({ api_key: 'k1', user_id: null, page_type, ...extra, options })};</script>
<script src="/dist/datacue.js"></script>
<script>window.seen = []; datacue.onRecommendations(function (p) { window.seen.push(p); });</script>
</head><body>${body}</body></html>`);
}

/** Every request the page makes to the events API, preflights included: "nothing sent" means none of these. */
function requestsTo(page: Page, api: EventsApi): string[] {
  const list: string[] = [];
  page.on('request', (r) => {
    if (r.url().startsWith(api.url)) list.push(`${r.method()} ${r.postData() ?? ''}`);
  });
  return list;
}

/**
 * What the browser holds for the store's origin: cookies, localStorage keys (a deferred event's key as
 * `datacue_d:*`), IndexedDB databases, and the events waiting in the outbox database.
 */
async function stored(page: Page) {
  const cookies = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`);
  const [local, databases] = await page.evaluate(async () => [
    Object.keys(localStorage).map((k) => k.replace(/^(datacue_d:).*/, '$1*')).sort(),
    ((await indexedDB.databases?.()) ?? []).map((d) => d.name!),
  ]);
  return { cookies, local, databases };
}
const NOTHING = { cookies: [], local: [], databases: [] };
/** Polled: IndexedDB deletes a database asynchronously. */
const expectNothingStored = (page: Page) => expect.poll(() => stored(page)).toEqual(NOTHING);
/** The widgets' layout memory (sessionStorage) was not written: only an answer, or the visitor's kept id, allows it. */
const expectNoLayoutMemory = async (page: Page) => expect(await page.evaluate(() => sessionStorage.getItem('datacue_layout'))).toBeNull();

const events = (api: EventsApi) => api.received.map((r) => `${r.json.event.type}/${r.json.event.subtype ?? ''}`);
const gpc = (page: Page, value: unknown) =>
  page.addInitScript((v) => Object.defineProperty(navigator, 'globalPrivacyControl', { value: v, configurable: true }), value);
const cookieId = async (page: Page) => (await page.context().cookies()).find((c) => c.name === 'datacue_aid')?.value;
const track = (page: Page, event: object, defer = false) =>
  page.evaluate(([e, d]) => window.datacue.track(e as never, d as boolean), [event, defer] as const);
/** Calls track() without waiting for its promise (which, while consent is pending, settles only on a decision). */
const fire = (page: Page, event: object) => page.evaluate((e) => void window.datacue.track(e as never), event);
const datacueLines = (lines: string[]) => lines.filter((l) => l.includes('datacue:'));

/**
 * A granted visit that leaves a visitor id (cookie and mirror) and a deferred click in storage (no database: the
 * outbox opens one only when a send fails; tracker-outbox-chunk.spec.ts deletes a stored one).
 */
async function visitGranted(page: Page, site: Site, api: EventsApi) {
  await page.goto(storePage(site, api, '/first'));
  const [view] = await api.waitFor(1);
  await track(page, { type: 'click', subtype: 'product', product_id: 'p-earlier' }, true);
  const id = view!.json.user.anonymous_id as string;
  await settled(page);
  expect(await stored(page)).toEqual({ cookies: [`datacue_aid=${id}`], local: ['datacue_aid', 'datacue_d:*'], databases: [] });
  return id;
}

for (const consent of ['granted', undefined] as const) {
  test(`consent ${consent ?? 'absent'}: the page event is sent with the id the cookie and its mirror hold`, async ({ page, site, api, errors, consoleLines }) => {
    await page.goto(storePage(site, api, '/', { consent }));
    const [view] = await api.waitFor(1);
    await settled(page);
    const id = view!.json.user.anonymous_id;
    expect(await stored(page)).toEqual({ cookies: [`datacue_aid=${id}`], local: ['datacue_aid'], databases: [] });
    expect(await page.evaluate(() => localStorage.getItem('datacue_aid'))).toBe(id);
    expect(events(api)).toEqual(['pageview/home']);
    expect(datacueLines(consoleLines)).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test("pending: nothing stored or sent; granting sends this page's event first, then what waited, each once", async ({ page, site, api, errors }) => {
  api.respond((req) => (req.json.event.type === 'pageview' ? { status: 200, body: { related_product_skus: [] } } : undefined));
  const requests = requestsTo(page, api);
  await page.goto(storePage(site, api, '/', { consent: 'pending', page_type: 'product', extra: { product_id: 'p1' } }));
  const results = page.evaluate(() =>
    Promise.all([
      window.datacue.track({ type: 'wishlist', subtype: 'add', product_id: 'p1' }),
      window.datacue.track({ type: 'click', subtype: 'banner', banner_id: 'b1' }, true),
      window.datacue.track({ type: 'login' }),
    ]),
  );
  await settled(page);
  expect(requests).toEqual([]);
  await expectNothingStored(page);
  expect(await page.evaluate(() => window.seen)).toEqual([]);

  await page.evaluate(() => window.datacue.consent('granted'));
  await api.waitFor(3);
  await settled(page);
  // The page's event first (and alone until answered), then the rest in the order they were made.
  expect(events(api)).toEqual(['pageview/product', 'wishlist/add', 'login/']);
  expect(new Set(api.received.map((r) => r.json.user.anonymous_id)).size).toBe(1);
  const id = api.received[0]!.json.user.anonymous_id;
  expect(await results).toEqual([null, null, null]);
  expect(await page.evaluate(() => window.seen)).toEqual([{ page_type: 'product', response: { related_product_skus: [] } }]);
  // The deferred click is stored only now, and waits for the next page.
  expect(await stored(page)).toEqual({ cookies: [`datacue_aid=${id}`], local: ['datacue_aid', 'datacue_d:*'], databases: [] });
  // Granting again (consent tools report more than once) sends nothing twice.
  await page.evaluate(() => window.datacue.consent('granted'));
  await page.goto(storePage(site, api, '/next', { page_type: 'cart' }));
  await api.waitFor(5);
  await settled(page);
  expect(events(api).slice(3).sort()).toEqual(['click/banner', 'pageview/cart']);
  expect(api.received.map((r) => r.json.user.anonymous_id)).toEqual(Array(5).fill(id));
  expect(errors).toEqual([]);
});

test("pending while a single-page store changes route, then granted: the current route's event first; its answer is drawn", async ({ page, site, api, errors }) => {
  api.respond((req) => (req.json.event.type === 'pageview' ? { status: 200, body: { related_product_skus: [{ product_id: req.json.event.subtype }] } } : undefined));
  await page.goto(storePage(site, api, '/', { consent: 'pending' }));
  await page.evaluate(() => {
    void window.datacue.page({ page_type: 'category', category_id: 'c1' });
    void window.datacue.page({ page_type: 'product', product_id: 'p1' });
  });
  await page.evaluate(() => window.datacue.consent('granted'));
  await api.waitFor(3);
  await settled(page);
  // The route on screen first (and alone until answered), then the earlier routes in order.
  expect(events(api)).toEqual(['pageview/product', 'pageview/home', 'pageview/category']);
  // Only the current route's answer reaches the widgets: the earlier routes' answers are dropped.
  expect(await page.evaluate(() => window.seen)).toEqual([{ page_type: 'product', response: { related_product_skus: [{ product_id: 'product' }] } }]);
  expect(errors).toEqual([]);
});

test('pending then denied: nothing stored or sent, ever; the widgets are told there is no response', async ({ page, site, api, errors }) => {
  const requests = requestsTo(page, api);
  await page.goto(storePage(site, api, '/', { consent: 'pending' }));
  const waiting = page.evaluate(() => window.datacue.track({ type: 'login' }));
  await settled(page);
  await page.evaluate(() => window.datacue.consent('denied'));
  expect(await waiting).toBeNull();
  expect(await page.evaluate(() => window.seen)).toEqual([{ page_type: 'home', response: null }]);
  expect(await track(page, { type: 'click', subtype: 'product', product_id: 'p1' }, true)).toBeNull();
  expect(await track(page, { type: 'login' })).toBeNull();
  await page.evaluate(() => window.datacue.page({ page_type: 'cart' }));
  await settled(page);
  expect(requests).toEqual([]);
  await expectNothingStored(page);
  expect(errors).toEqual([]);
});

/** The second page event (`second`, after the first page's home view) was sent, with a visitor id other than `earlier`. */
async function expectNewVisitor(page: Page, api: EventsApi, earlier: string, second: string) {
  await api.waitFor(2);
  await settled(page);
  expect(events(api)).toEqual(['pageview/home', second]);
  expect(api.received[1]!.json.user.anonymous_id).not.toBe(earlier);
}

/** The page event was sent and the visitor id it carries is the one stored in the cookie. */
async function expectSentAndStored(page: Page, api: EventsApi) {
  const [view] = await api.waitFor(1);
  await settled(page);
  expect(await cookieId(page)).toBe(view!.json.user.anonymous_id);
  return view!;
}

test('denied: what earlier pages stored (cookie, mirror, waiting events) is deleted and nothing is sent', async ({ page, site, api, errors }) => {
  const earlier = await visitGranted(page, site, api);
  const requests = requestsTo(page, api);
  await page.goto(storePage(site, api, '/denied', { consent: 'denied', page_type: 'cart', ...withWidgets }));
  await settled(page);
  await expectNothingStored(page);
  await expectNoLayoutMemory(page);
  expect(requests).toEqual([]);
  expect(await page.evaluate(() => window.seen)).toEqual([{ page_type: 'cart', response: null }]);
  // Granted later: a new visitor id, and the earlier page's click is gone for good.
  await page.goto(storePage(site, api, '/later', { page_type: '404' }));
  await expectNewVisitor(page, api, earlier, 'pageview/404');
  expect(errors).toEqual([]);
});

test('GPC on, no consent option: treated as denied (nothing stored or sent, earlier data deleted)', async ({ page, site, api, errors }) => {
  await visitGranted(page, site, api);
  await gpc(page, true);
  const requests = requestsTo(page, api);
  await page.goto(storePage(site, api, '/gpc'));
  await settled(page);
  expect(await page.evaluate(() => (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl)).toBe(true);
  await expectNothingStored(page);
  expect(await track(page, { type: 'login' })).toBeNull();
  await settled(page);
  expect(requests).toEqual([]);
  expect(await page.evaluate(() => window.seen)).toEqual([{ page_type: 'home', response: null }]);
  expect(errors).toEqual([]);
});

test('GPC off (false): as without GPC, the page event is sent and the id stored', async ({ page, site, api }) => {
  await gpc(page, false);
  await page.goto(storePage(site, api, '/'));
  await expectSentAndStored(page, api);
});

test("GPC on with the store's explicit 'granted' (its consent tool asked): sent and stored", async ({ page, site, api, consoleLines }) => {
  await gpc(page, true);
  await page.goto(storePage(site, api, '/', { consent: 'granted' }));
  await expectSentAndStored(page, api);
  expect(datacueLines(consoleLines)).toEqual([]);
});

test("GPC on with 'pending', then the consent tool grants: sent from then on", async ({ page, site, api }) => {
  await gpc(page, true);
  const requests = requestsTo(page, api);
  await page.goto(storePage(site, api, '/', { consent: 'pending' }));
  await settled(page);
  expect(requests).toEqual([]);
  await page.evaluate(() => window.datacue.consent('granted'));
  const view = await expectSentAndStored(page, api);
  expect(view.json.event).toEqual({ type: 'pageview', subtype: 'home' });
});

test('withdrawal: consent("denied") on a granted page deletes the cookie, mirror and waiting events; nothing sent after', async ({ page, site, api, errors }) => {
  const earlier = await visitGranted(page, site, api);
  await page.evaluate(() => window.datacue.consent('denied'));
  await expectNothingStored(page);
  expect(await track(page, { type: 'login' })).toBeNull();
  expect(await track(page, { type: 'click', subtype: 'product', product_id: 'p2' }, true)).toBeNull();
  await settled(page);
  await expectNothingStored(page);
  expect(events(api)).toEqual(['pageview/home']);
  // The next page asks again (pending): the withdrawn click is not sent, and a grant starts a new id.
  await page.goto(storePage(site, api, '/next', { consent: 'pending', page_type: 'cart' }));
  await settled(page);
  expect(events(api)).toEqual(['pageview/home']);
  await page.evaluate(() => window.datacue.consent('granted'));
  await expectNewVisitor(page, api, earlier, 'pageview/cart');
  expect(errors).toEqual([]);
});

test('forget(): the visitor id and waiting events are deleted; the next event starts a new id', async ({ page, site, api, errors }) => {
  const earlier = await visitGranted(page, site, api);
  await page.evaluate(() => window.datacue.forget());
  await expectNothingStored(page);
  await track(page, { type: 'login' });
  const [, login] = await api.waitFor(2);
  const fresh = login!.json.user.anonymous_id as string;
  expect(fresh).toMatch(/^[\w-]{21}$/);
  expect(fresh).not.toBe(earlier);
  expect((await stored(page)).cookies).toEqual([`datacue_aid=${fresh}`]);
  expect(await page.evaluate(() => localStorage.getItem('datacue_aid'))).toBe(fresh);
  // The forgotten click never goes out; the next page carries the new id.
  await page.goto(storePage(site, api, '/next', { page_type: 'cart' }));
  await api.waitFor(3);
  await settled(page);
  expect(events(api)).toEqual(['pageview/home', 'login/', 'pageview/cart']);
  expect(api.received[2]!.json.user.anonymous_id).toBe(fresh);
  expect(errors).toEqual([]);
});

test('forget() in the same frame as track(): that event, which waited for the paint with the forgotten id, is not sent', async ({ page, site, api, errors }) => {
  await visitGranted(page, site, api);
  const result = await page.evaluate(() => {
    const tracked = window.datacue.track({ type: 'wishlist', subtype: 'add', product_id: 'p1' });
    window.datacue.forget();
    return tracked;
  });
  expect(result).toBeNull();
  await track(page, { type: 'login' });
  await api.waitFor(2);
  await settled(page);
  expect(events(api)).toEqual(['pageview/home', 'login/']);
  expect(errors).toEqual([]);
});

test('forget() while pending: what waited is dropped; a grant then sends only what came after', async ({ page, site, api }) => {
  await page.goto(storePage(site, api, '/', { consent: 'pending' }));
  await fire(page, { type: 'login' });
  await settled(page);
  await page.evaluate(() => window.datacue.forget());
  await fire(page, { type: 'wishlist', subtype: 'add', product_id: 'p1' });
  await page.evaluate(() => window.datacue.consent('granted'));
  await api.waitFor(1);
  await settled(page);
  expect(events(api)).toEqual(['wishlist/add']);
  // The page's own event was among what was forgotten: the widgets are told there is no response.
  expect(await page.evaluate(() => window.seen)).toEqual([{ page_type: 'home', response: null }]);
});

test('the README async snippet queues consent() and forget(): the list of methods is the stub\'s', () => {
  const block = readmeSnippet('Loading the script asynchronously');
  const list = /\}\)\(window, (\[[^\]]*\])\);/.exec(block)?.[1];
  expect(JSON.parse(list!.replace(/'/g, '"'))).toEqual([...QUEUED_METHODS]);
  expect(QUEUED_METHODS).toEqual(expect.arrayContaining(['consent', 'forget']));
});

for (const [queued, sent] of [['granted', ['pageview/home', 'login/']], ['denied', []]] as const) {
  // The login is queued before the page's event, yet on a grant the page's event goes first.
  test(`async snippet: a consent("${queued}") queued before datacue.js loaded counts`, async ({ page, site, api, errors }) => {
    const block = readmeSnippet('Loading the script asynchronously');
    const stub = block.slice(block.indexOf('<script>') + '<script>'.length, block.indexOf('datacue.init('));
    const requests = requestsTo(page, api);
    const url = site.page('/async', `<!doctype html><html><head><title>t</title>
<script>
${stub}window.datacue.init('k1', { events_url: ${JSON.stringify(api.url)}, consent: 'pending' });
window.datacue.track({ type: 'login' });
window.datacue.page({ page_type: 'home' }).then(function (r) { window.pageResult = r; });
window.datacue.consent(${JSON.stringify(queued)}).then(function () { window.trackResult = 'consent call settled'; });
</script>
</head><body><script>setTimeout(function () { var s = document.createElement('script'); s.async = true; s.src = '/dist/datacue.js'; document.head.appendChild(s); }, 200);</script></body></html>`);
    await page.goto(url);
    if (sent.length) await api.waitFor(sent.length);
    await expect.poll(() => page.evaluate(() => window.trackResult)).toBe('consent call settled');
    await settled(page);
    expect(events(api)).toEqual(sent);
    if (!sent.length) {
      expect(requests).toEqual([]);
      await expectNothingStored(page);
    }
    expect(errors).toEqual([]);
  });
}

test('an unknown consent value: one datacue: message, treated as pending (nothing stored or sent until granted)', async ({ page, site, api, consoleLines, errors }) => {
  const requests = requestsTo(page, api);
  await page.goto(storePage(site, api, '/', { consent: 'yes' }));
  await settled(page);
  expect(datacueLines(consoleLines)).toEqual(['warning: datacue: options.consent: expected granted | denied | pending, got "yes"; treated as pending']);
  expect(requests).toEqual([]);
  await expectNothingStored(page);
  await page.evaluate(() => window.datacue.consent('granted'));
  await api.waitFor(1);
  expect(events(api)).toEqual(['pageview/home']);
  expect(datacueLines(consoleLines)).toHaveLength(1);
  expect(errors).toEqual([]);
});

test('consent() with an unknown value: one message naming consent, and nothing sent from then on', async ({ page, site, api, consoleLines }) => {
  await page.goto(storePage(site, api, '/'));
  await api.waitFor(1);
  await page.evaluate(() => window.datacue.consent('ok' as never));
  await fire(page, { type: 'login' });
  await settled(page);
  expect(events(api)).toEqual(['pageview/home']);
  expect(datacueLines(consoleLines)).toEqual(['warning: datacue: consent: expected granted | denied | pending, got "ok"; treated as pending']);
});

const WIDGETS = `<header style="height:80px">Store</header>
<div data-dc-banners data-dc-static-img="/banners/static-banner.svg" data-dc-static-link="/category/summer"></div>
<div data-dc-main-insert-banner="1"></div>
<div data-dc-products></div><div data-dc-products="related"></div>
<p id="below" style="height:400px">the store's own content</p>`;
const withWidgets = { head: '<script src="/dist/datacue-storefront.js"></script>', body: WIDGETS };

/**
 * Where each placeholder (and the content below them) is, as the shopper sees it: boxes that start in the window, cut
 * at its bottom edge (a box may give up what is below the window, or collapse below it).
 */
const layout = (page: Page) =>
  page.locator('[data-dc-banners], [data-dc-main-insert-banner], [data-dc-products], #below').evaluateAll((els) =>
    els
      .map((e) => e.getBoundingClientRect())
      .filter((r) => r.top < innerHeight)
      .map((r) => JSON.stringify({ left: r.left, top: r.top, width: r.width, bottom: Math.min(r.bottom, innerHeight) })),
  );

test('widgets with consent denied: only the static banner, no personalised banner or product section', async ({ page, site, api, errors }) => {
  await serveImages(page);
  const requests = requestsTo(page, api);
  await page.goto(storePage(site, api, '/', { consent: 'denied', ...withWidgets }));
  await expect(page.locator('[data-dc-banners] img')).toHaveCount(1);
  await settled(page);
  expect(await page.locator('[data-dc-banners] img').getAttribute('src')).toBe('/banners/static-banner.svg');
  expect(await page.locator('[data-dc-banners] a').getAttribute('href')).toBe('/category/summer');
  await expect(page.locator('[data-dc-main-insert-banner] *, [data-dc-products] *')).toHaveCount(0);
  expect(await page.evaluate(() => window.seen)).toEqual([{ page_type: 'home', response: null }]);
  expect(requests).toEqual([]);
  await expectNothingStored(page);
  expect(errors).toEqual([]);
});

test('withdrawal on a page with personalised widgets: they give way to the static banner alone', async ({ page, site, api, errors }) => {
  await serveImages(page);
  api.respond((req) => (req.json?.event?.type === 'pageview' ? { status: 200, body: SAMPLES.home } : undefined));
  await page.goto(storePage(site, api, '/', withWidgets));
  const personal = page.locator('[data-dc-main-insert-banner] img, [data-dc-products] .dc-card');
  await expect(personal.first()).toBeVisible();
  expect(await page.locator('[data-dc-banners] img').evaluateAll((imgs) => imgs.map((i) => i.getAttribute('src')))).not.toContain('/banners/static-banner.svg');
  await page.evaluate(() => window.datacue.consent('denied'));
  await expect(personal).toHaveCount(0);
  await expect(page.locator('[data-dc-banners] img')).toHaveCount(1);
  expect(await page.locator('[data-dc-banners] img').getAttribute('src')).toBe('/banners/static-banner.svg');
  expect((await page.evaluate(() => window.seen)).at(-1)).toEqual({ page_type: 'home', response: null });
  await expectNothingStored(page);
  expect(errors).toEqual([]);
});

for (const [name, withdraw] of [['consent("denied")', () => window.datacue.consent('denied')], ['forget()', () => window.datacue.forget()]] as const) {
  test(`${name} while the page's answer is on its way: the answer, when it comes, is not drawn`, async ({ page, site, api, errors }) => {
    await serveImages(page);
    api.respond((req) => (req.json?.event?.type === 'pageview' ? { status: 200, body: SAMPLES.home } : undefined));
    const answers = await holdAnswers(page, api.url);
    const sent = page.waitForRequest((r) => r.url() === api.url && r.method() === 'POST');
    await page.goto(storePage(site, api, '/', withWidgets));
    await sent;
    await page.evaluate(withdraw);
    answers.release();
    await settled(page);
    await expect(page.locator('[data-dc-main-insert-banner] img, [data-dc-products] .dc-card')).toHaveCount(0);
    expect(await page.locator('[data-dc-banners] img').evaluateAll((imgs) => imgs.map((i) => i.getAttribute('src')))).toEqual(['/banners/static-banner.svg']);
    // Subscribers were told there is none, never handed the personalised answer.
    expect(await page.evaluate(() => window.seen)).toEqual([{ page_type: 'home', response: null }]);
    await expectNothingStored(page);
    await expectNoLayoutMemory(page);
    expect(errors).toEqual([]);
  });
}

for (const [name, withdraw] of [['consent("denied")', () => window.datacue.consent('denied')], ['forget()', () => window.datacue.forget()]] as const) {
  test(`${name} while the page's event is in flight, which then fails (503): it is not kept for a retry`, async ({ page, site, api, errors }) => {
    api.respond(() => ({ status: 503, body: { message: 'busy' } }));
    const answers = await holdAnswers(page, api.url);
    const sent = page.waitForRequest((r) => r.url() === api.url && r.method() === 'POST');
    await page.goto(storePage(site, api, '/'));
    await sent;
    await page.evaluate(withdraw);
    answers.release();
    await api.waitFor(1);
    await settled(page);
    // The failure is handled (a network failure would be kept after a task): nothing was written back.
    await page.evaluate(() => new Promise((done) => setTimeout(done, 50)));
    expect(await stored(page)).toEqual(NOTHING);
    expect(api.received).toHaveLength(1);
    expect(errors).toEqual([]);
  });
}

test('forget() and a new event while the page event is in flight, which then fails (503): the page event, with the erased id, is not kept', async ({ page, site, api, errors }) => {
  api.respond((req) => (req.json.event.type === 'pageview' ? { status: 503, body: { message: 'busy' } } : undefined));
  const answers = await holdAnswers(page, api.url);
  const sent = page.waitForRequest((r) => r.url() === api.url && r.method() === 'POST');
  await page.goto(storePage(site, api, '/'));
  await sent;
  // The new event takes a new id at once, before the page event's failure comes back.
  await page.evaluate(() => window.datacue.forget());
  await fire(page, { type: 'wishlist', subtype: 'add', product_id: 'p1' });
  await expect.poll(() => cookieId(page)).toBeTruthy();
  answers.release();
  await api.waitFor(2);
  await settled(page);
  await page.evaluate(() => new Promise((done) => setTimeout(done, 50)));
  // The two requests went out together: told apart by their event, not by the order they arrived in.
  const view = api.received.find((r) => r.json.event.type === 'pageview');
  const wish = api.received.find((r) => r.json.event.type === 'wishlist');
  expect(wish!.json.user.anonymous_id).not.toBe(view!.json.user.anonymous_id);
  // Only the new id (cookie and mirror): no deferred event, no outbox.
  expect(await stored(page)).toEqual({ cookies: [`datacue_aid=${wish!.json.user.anonymous_id}`], local: ['datacue_aid'], databases: [] });
  expect(api.received).toHaveLength(2);
  expect(errors).toEqual([]);
});

test('forget() while the outbox loads to keep a failed page event (503): the event, with the erased id, is not kept', async ({ page, site, api, errors }) => {
  api.respond(() => ({ status: 503, body: { message: 'busy' } }));
  // The outbox script, which the tracker loads on its first failure, waits until the test lets it go.
  let release = () => {};
  const held = new Promise<void>((go) => (release = go));
  const loading = page.waitForRequest((r) => r.url().endsWith('/datacue-outbox.js'));
  await page.route('**/datacue-outbox.js', async (route) => {
    await held;
    await route.fallback();
  });
  await page.goto(storePage(site, api, '/'));
  await loading;
  await page.evaluate(() => window.datacue.forget());
  release();
  await page.waitForFunction(() => [...document.scripts].some((s) => s.src.endsWith('/datacue-outbox.js')));
  await settled(page);
  await page.evaluate(() => new Promise((done) => setTimeout(done, 100)));
  // No id, no deferred event, no hint. The outbox, started after the erase, may have opened an empty database again:
  // it must hold no event.
  const { cookies, local } = await stored(page);
  expect({ cookies, local }).toEqual({ cookies: [], local: [] });
  const kept = await page.evaluate(
    () =>
      new Promise<number>((done) => {
        const open = indexedDB.open('datacue');
        open.onupgradeneeded = () => open.result.createObjectStore('outbox', { keyPath: 'id' });
        open.onsuccess = () => {
          const count = open.result.transaction('outbox').objectStore('outbox').count();
          count.onsuccess = () => done(count.result);
        };
      }),
  );
  expect(kept).toBe(0);
  expect(api.received).toHaveLength(1);
  expect(errors).toEqual([]);
});

// Without IndexedDB (blocked, or a private window that refuses it) the outbox keeps a retry in memory; a denial or
// forget() drops it there too, and a grant after that starts afresh rather than sending it.
for (const [name, withdraw] of [
  ['consent("denied")', () => window.datacue.consent('denied')],
  ['forget()', () => window.datacue.forget()],
  ['consent("denied") then consent("granted")', () => (window.datacue.consent('denied'), window.datacue.consent('granted'))],
] as const) {
  test(`no IndexedDB, a retry waiting in memory, then ${name}: the retry is never sent`, async ({ page, site, api, errors }) => {
    await page.addInitScript(() => Object.defineProperty(window, 'indexedDB', { get: () => undefined }));
    // The page event fails once; its retry is due 2 s later.
    api.respond((_req, i) => (i === 0 ? { status: 503, body: { message: 'busy' }, headers: { 'Retry-After': '2' } } : undefined));
    const loaded = page.waitForResponse((r) => r.url().endsWith('/datacue-outbox.js'));
    await page.goto(storePage(site, api, '/'));
    await api.waitFor(1);
    await loaded;
    // The outbox has taken the event (its script ran, then a task or two).
    await page.waitForFunction(() => [...document.scripts].some((s) => s.src.endsWith('/datacue-outbox.js')));
    await page.evaluate(() => new Promise((done) => setTimeout(done, 200)));
    await page.evaluate(withdraw);
    // Past the retry's due time, with room to spare.
    await page.evaluate(() => new Promise((done) => setTimeout(done, 3500)));
    expect(api.received).toHaveLength(1);
    expect(errors).toEqual([]);
  });
}

test('widgets while pending, then consent denied: the static banner stays, nothing moves (no layout shift)', async ({ page, site, api, errors }) => {
  await serveImages(page);
  await page.addInitScript(() => {
    const w = window as unknown as { shifts: [number, number][] };
    w.shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number })[]) w.shifts.push([e.startTime, e.value]);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(storePage(site, api, '/', { consent: 'pending', ...withWidgets }));
  await expect(page.locator('[data-dc-banners] img')).toHaveCount(1);
  await settled(page);
  await imagesDecoded(page);
  const before = await layout(page);
  const deniedAt = await page.evaluate(() => {
    window.datacue.consent('denied');
    return performance.now();
  });
  await expect.poll(() => page.evaluate(() => window.seen)).toEqual([{ page_type: 'home', response: null }]);
  // Two frames: whatever the response (none) changed has been laid out and painted.
  await painted(page);
  expect(await layout(page)).toEqual(before);
  const after = await page.evaluate((t) => (window as unknown as { shifts: [number, number][] }).shifts.filter(([at]) => at >= t), deniedAt);
  expect(after).toEqual([]);
  await expect(page.locator('[data-dc-banners] img')).toHaveCount(1);
  await expect(page.locator('[data-dc-main-insert-banner] *, [data-dc-products] *')).toHaveCount(0);
  await expectNothingStored(page);
  await expectNoLayoutMemory(page);
  expect(api.received).toEqual([]);
  expect(errors).toEqual([]);
});

/** A store page set to wait for consent, with the README's snippet for `heading` after the DataCue tag. */
function consentToolPage(site: Site, api: EventsApi, path: string, heading: string, before = '') {
  return storePage(site, api, path, { consent: 'pending', body: `${before}${readmeSnippet(heading)}` });
}

test('the README plain cookie banner: nothing before a choice; Accept sends and is remembered on the next page', async ({ page, site, api, errors }) => {
  const requests = requestsTo(page, api);
  await page.goto(consentToolPage(site, api, '/', 'Plain cookie banner'));
  await expect(page.getByRole('region', { name: 'Cookies' })).toBeVisible();
  await settled(page);
  expect(requests).toEqual([]);
  await expectNothingStored(page);
  await page.getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByRole('region', { name: 'Cookies' })).toBeHidden();
  const [view] = await api.waitFor(1);
  await settled(page);
  expect((await stored(page)).cookies.sort()).toEqual(['cookie_consent=granted', `datacue_aid=${view!.json.user.anonymous_id}`]);
  await page.goto(consentToolPage(site, api, '/next', 'Plain cookie banner'));
  await api.waitFor(2);
  await expect(page.getByRole('region', { name: 'Cookies' })).toBeHidden();
  expect(api.received[1]!.json.user.anonymous_id).toBe(view!.json.user.anonymous_id);
  expect(errors).toEqual([]);
});

test('the README plain cookie banner: Decline (by keyboard) stores only the refusal, sends nothing, on this page or the next', async ({ page, site, api, errors }) => {
  const requests = requestsTo(page, api);
  await page.goto(consentToolPage(site, api, '/', 'Plain cookie banner'));
  await page.getByRole('button', { name: 'Decline' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Cookies' })).toBeHidden();
  await page.goto(consentToolPage(site, api, '/next', 'Plain cookie banner'));
  await settled(page);
  await expect(page.getByRole('region', { name: 'Cookies' })).toBeHidden();
  expect(requests).toEqual([]);
  expect(await page.evaluate(() => window.seen)).toEqual([{ page_type: 'home', response: null }]);
  await expect.poll(() => stored(page)).toEqual({ cookies: ['cookie_consent=denied'], local: [], databases: [] });
  expect(errors).toEqual([]);
});

test('the README plain cookie banner in two open tabs: Accept in one sends the other\'s page event, Decline in it stops the first', async ({ page, site, api, errors }) => {
  const other = await page.context().newPage();
  await page.goto(consentToolPage(site, api, '/', 'Plain cookie banner'));
  await other.goto(consentToolPage(site, api, '/other', 'Plain cookie banner'));
  await settled(other);
  expect(api.received).toEqual([]);
  await page.getByRole('button', { name: 'Accept' }).click();
  await api.waitFor(2);
  await expect(other.getByRole('region', { name: 'Cookies' })).toBeHidden();
  // The other tab changes its mind (its banner shown again, as a privacy page's link would): this one stops too.
  await other.evaluate(() => (document.getElementById('dc-cookie-banner')!.hidden = false));
  await other.getByRole('button', { name: 'Decline' }).click();
  await expect.poll(() => page.evaluate(() => document.cookie)).not.toContain('datacue_aid');
  await page.evaluate(() => void window.datacue.track({ type: 'wishlist', subtype: 'add', product_id: 'p1' }));
  await settled(page);
  expect(api.received).toHaveLength(2);
  expect(errors).toEqual([]);
});

// Google's own gtag() definition (the tag's snippet without gtag.js): each call pushes its arguments to the dataLayer.
const GTAG = `<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}
gtag('consent', 'default', { analytics_storage: 'denied', ad_storage: 'denied' });</script>`;

for (const [answer, sent] of [['granted', ['pageview/home']], ['denied', []]] as const) {
  test(`the README Google Consent Mode snippet: default denied waits; an update to ${answer} decides`, async ({ page, site, api, errors }) => {
    const requests = requestsTo(page, api);
    await page.goto(consentToolPage(site, api, '/', 'Google Consent Mode', GTAG));
    await settled(page);
    expect(requests).toEqual([]);
    await page.evaluate((a) => (window as unknown as { gtag: (...args: unknown[]) => void }).gtag('consent', 'update', { analytics_storage: a }), answer);
    if (sent.length) await api.waitFor(1);
    await settled(page);
    expect(events(api)).toEqual(sent);
    if (!sent.length) {
      expect(requests).toEqual([]);
      await expectNothingStored(page);
    }
    expect(errors).toEqual([]);
  });
}

test('the README Google Consent Mode snippet: an update made before it ran (a returning shopper) counts', async ({ page, site, api }) => {
  const granted = GTAG.replace('</script>', "gtag('consent', 'update', { analytics_storage: 'granted' });</script>");
  await page.goto(consentToolPage(site, api, '/', 'Google Consent Mode', granted));
  await api.waitFor(1);
  expect(events(api)).toEqual(['pageview/home']);
});

/**
 * Shopify's Customer Privacy API as its documentation describes it (loadFeatures, analyticsProcessingAllowed,
 * currentVisitorConsent, the visitorConsentCollected event on document), for the README snippet to talk to.
 */
const shopify = (analytics: '' | 'yes' | 'no', regionNeedsConsent = true) => `<script>
window.Shopify = { loadFeatures: function (features, done) { setTimeout(function () {
  var state = ${JSON.stringify(analytics)};
  window.Shopify.customerPrivacy = {
    analyticsProcessingAllowed: function () { return state === 'yes' || ${!regionNeedsConsent}; },
    currentVisitorConsent: function () { return { analytics: state, marketing: state, preferences: state, sale_of_data: state }; },
    setTrackingConsent: function (c, cb) {
      state = c.analytics ? 'yes' : 'no';
      document.dispatchEvent(new CustomEvent('visitorConsentCollected', { detail: { analyticsAllowed: c.analytics, marketingAllowed: c.marketing, preferencesAllowed: c.preferences, saleOfDataAllowed: c.sale_of_data } }));
      if (cb) cb();
    },
  };
  done(false);
}, 50); } };
</script>`;

for (const [name, analytics, regionNeedsConsent, sent] of [
  ['allowed where no consent is needed', '', false, ['pageview/home']],
  ['granted earlier', 'yes', true, ['pageview/home']],
  ['refused earlier', 'no', true, []],
] as const) {
  test(`the README Shopify snippet: ${name}`, async ({ page, site, api }) => {
    const requests = requestsTo(page, api);
    await page.goto(consentToolPage(site, api, '/', 'Shopify (Customer Privacy API)', shopify(analytics, regionNeedsConsent)));
    if (sent.length) await api.waitFor(1);
    await expect.poll(() => page.evaluate(() => window.seen)).toHaveLength(1);
    await settled(page);
    expect(events(api)).toEqual(sent);
    if (!sent.length) expect(requests).toEqual([]);
  });
}

test('the README Shopify snippet: not asked yet waits; the banner answer (visitorConsentCollected) decides', async ({ page, site, api }) => {
  const requests = requestsTo(page, api);
  await page.goto(consentToolPage(site, api, '/', 'Shopify (Customer Privacy API)', shopify('')));
  await expect.poll(() => page.evaluate(() => !!(window as unknown as { Shopify: { customerPrivacy?: object } }).Shopify.customerPrivacy)).toBe(true);
  await settled(page);
  expect(requests).toEqual([]);
  await page.evaluate(() =>
    (window as unknown as { Shopify: { customerPrivacy: { setTrackingConsent: (c: object) => void } } }).Shopify.customerPrivacy.setTrackingConsent({ analytics: true, marketing: false, preferences: false, sale_of_data: false }),
  );
  await api.waitFor(1);
  expect(events(api)).toEqual(['pageview/home']);
});
