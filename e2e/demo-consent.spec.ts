// The demo's cookie banner with the runtime's consent API (DESIGN.md §9): with the banner on, nothing is stored and
// nothing leaves the browser before the shopper accepts; Accept sends the page's event at once, Decline keeps
// everything home. Needs `datacue.consent()` in dist/datacue.js (the consent branch): skipped, saying so, until then.
import type { Page } from '@playwright/test';
import { test, expect, startDemoStore, type DemoStore } from './support/demo-store';
import { VIEWPORTS } from './support/viewports';

test.describe.configure({ timeout: 120_000 });

let store: DemoStore;
test.beforeAll(async () => {
  store = await startDemoStore({ DEMO_CONSENT_BANNER: '1' });
});
test.afterAll(async () => {
  expect(await store.stop()).toBe(0);
});

/** Every request to the local events API this page makes, as it makes it. */
function watchEvents(page: Page) {
  const sent: { type?: string; subtype?: string }[] = [];
  page.on('request', (r) => {
    if (r.url() === `${store.url}/api/events`) sent.push(r.postDataJSON()?.event ?? {});
  });
  return sent;
}

/** What the runtime keeps in this browser: its cookies and its localStorage keys. */
const stored = (page: Page) =>
  Promise.all([
    page.context().cookies().then((cs) => cs.filter((c) => c.name.startsWith('datacue')).map((c) => c.name)),
    page.evaluate(() => Object.keys(localStorage).filter((k) => k.toLowerCase().includes('datacue'))),
  ]).then(([cookies, storage]) => [...cookies, ...storage]);

/**
 * Waits until the runtime has had its chance to send: the page has loaded, the frame after it has painted (track()
 * sends after the paint) and a request the page makes after that has started. Request events come in the order the
 * page makes its requests, so an event request would be in `sent` by then. (Not support/network's `settled`: that
 * waits for the network to fall quiet, this for the moment the runtime would have sent.)
 */
async function hadChanceToSend(page: Page) {
  await page.waitForLoadState('load');
  const marker = page.waitForRequest(`${store.url}/assets/store.css?settled`);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(() => fetch('/assets/store.css?settled').then(done, done)))));
  await marker;
}

/** Opens a store page with the banner showing. */
async function openPending(page: Page, path: string) {
  await page.goto(store.url + path);
  await expect(page.getByRole('region', { name: 'Cookie consent' })).toBeVisible();
  await hadChanceToSend(page);
}

test('nothing is stored or sent before Accept; Accept sends this page\'s event, and later pages send theirs', async ({ page, errors }) => {
  const sent = watchEvents(page);
  await openPending(page, '/product/compact-loveseat');
  // A shopper browses without answering: still nothing.
  await page.getByRole('link', { name: 'Living room' }).first().click();
  await page.waitForURL('**/category/living-room');
  await hadChanceToSend(page);
  expect(sent).toEqual([]);
  expect(await stored(page)).toEqual([]);

  const answered = page.waitForResponse((r) => r.url() === `${store.url}/api/events`);
  await page.getByRole('button', { name: 'Accept' }).press('Enter');
  expect((await answered).request().postDataJSON().event).toMatchObject({ type: 'pageview', subtype: 'category', category_id: 'living-room' });
  await expect(page.getByRole('region', { name: 'Cookie consent' })).toBeHidden();
  expect(await stored(page)).toContain('datacue_aid');
  expect((await page.context().cookies()).find((c) => c.name === 'demo_consent')?.value).toBe('granted');

  const next = page.waitForResponse((r) => r.url() === `${store.url}/api/events`);
  await page.goto(`${store.url}/product/compact-loveseat`);
  expect(await page.evaluate(() => (window.datacueConfig as { options: { consent?: string } }).options.consent)).toBe('granted');
  expect((await next).request().postDataJSON().event).toMatchObject({ type: 'pageview', subtype: 'product' });
  expect(errors).toEqual([]);
});

test('Decline: nothing stored, nothing sent, on this page or the next; a cart change stays home too', async ({ page, errors }) => {
  const sent = watchEvents(page);
  await openPending(page, '/product/compact-loveseat');
  await page.getByRole('button', { name: 'Decline' }).click();
  await expect(page.getByRole('region', { name: 'Cookie consent' })).toBeHidden();
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.locator('[data-cart-count]')).toHaveText('1');
  await page.goto(`${store.url}/cart`);
  expect(await page.evaluate(() => (window.datacueConfig as { options: { consent?: string } }).options.consent)).toBe('denied');
  await hadChanceToSend(page);
  expect(sent).toEqual([]);
  expect(await stored(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test('withdrawing from "Cookie settings" deletes what was stored', async ({ page, errors }) => {
  await openPending(page, '/');
  await page.getByRole('button', { name: 'Accept' }).click();
  await expect.poll(() => stored(page)).toContain('datacue_aid');
  await page.getByRole('button', { name: 'Cookie settings' }).click();
  await page.getByRole('button', { name: 'Decline' }).click();
  await expect.poll(() => stored(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test('two open tabs follow one answer: Accept in one sends the other\'s page event, a later Decline in the other stops the first', async ({ page, errors }) => {
  const other = await page.context().newPage();
  const sentHere = watchEvents(page);
  const sentThere = watchEvents(other);
  await openPending(page, '/product/bedside-table');
  await openPending(other, '/category/bedroom');
  const answered = other.waitForResponse((r) => r.url() === `${store.url}/api/events`);
  await page.getByRole('button', { name: 'Accept' }).click();
  // The other tab's banner goes and its page's event leaves, without a reload.
  await expect(other.getByRole('region', { name: 'Cookie consent' })).toBeHidden();
  expect((await answered).request().postDataJSON().event).toMatchObject({ type: 'pageview', subtype: 'category' });
  await expect.poll(() => sentHere.length).toBe(1);
  // Changing their mind in the other tab stops this one too: its wishlist and cart events stay home.
  await other.getByRole('button', { name: 'Cookie settings' }).click();
  await other.getByRole('button', { name: 'Decline' }).click();
  await expect.poll(() => stored(page)).toEqual([]);
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.locator('[data-cart-count]')).toHaveText('1');
  await hadChanceToSend(page);
  expect(sentHere).toHaveLength(1);
  expect(sentThere).toHaveLength(1);
  expect(errors).toEqual([]);
});

for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  test(`${name}: while the banner shows, the page's end and the keyboard's focus stay clear of it`, async ({ page, errors }) => {
    await page.setViewportSize(viewport);
    await openPending(page, '/product/luxury-double-bed');
    const banner = page.getByRole('region', { name: 'Cookie consent' });
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const bannerTop = async () => (await banner.boundingBox())!.y;
    const footer = await page.locator('footer').boundingBox();
    expect(footer!.y + footer!.height).toBeLessThanOrEqual(await bannerTop());
    // A link tabbed to near the bottom of the window is scrolled above the banner.
    await page.evaluate(() => window.scrollTo(0, 0));
    const lastLink = page.locator('footer a').last();
    await lastLink.focus();
    const link = await lastLink.boundingBox();
    expect(link!.y + link!.height).toBeLessThanOrEqual(await bannerTop());
    expect(errors).toEqual([]);
  });
}

test('answering the banner reopened at the end of a page moves nothing there', async ({ page, errors }) => {
  await page.setViewportSize(VIEWPORTS.phone);
  await openPending(page, '/cart');
  await page.getByRole('button', { name: 'Accept' }).click();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.getByRole('button', { name: 'Cookie settings' }).click();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const footer = async () => (await page.locator('footer').boundingBox())!.y;
  const before = await footer();
  await page.getByRole('button', { name: 'Decline' }).click();
  await expect(page.getByRole('region', { name: 'Cookie consent' })).toBeHidden();
  expect(Math.abs((await footer()) - before)).toBeLessThan(1); // (the banner's height is kept in whole pixels)
  expect(errors).toEqual([]);
});
