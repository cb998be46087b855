// The demo's cookie banner as a page element: off by default; on from /qa or DEMO_CONSENT_BANNER=1; then every
// store page's config says `consent: 'pending'` until the shopper answers, and the answer kept in demo_consent.
// What the runtime does with the answer is in demo-consent.spec.ts (it needs the consent API of the tracker).
import { resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, startDemoStore, visit, type DemoStore } from './support/demo-store';
import { ROOT } from './support/servers';
import { VIEWPORTS } from './support/viewports';

// Several stores and many page loads each: the machine these run on may be busy.
test.describe.configure({ timeout: 120_000 });

const banner = (page: Page) => page.getByRole('region', { name: 'Cookie consent' });
const consentOption = (page: Page) => page.evaluate(() => (window.datacueConfig as { options: { consent?: string } }).options.consent);
const answer = (context: BrowserContext, store: DemoStore, value: string) =>
  context.addCookies([{ name: 'demo_consent', value, url: store.url }]);

test('off by default: no banner, no consent option', async ({ page, demo, errors }) => {
  for (const path of ['/', '/product/compact-loveseat', '/cart']) {
    await visit(page, demo, path);
    await expect(banner(page)).toHaveCount(0);
    expect(await consentOption(page)).toBeUndefined();
  }
  expect(await (await page.request.get(`${demo.url}/spa`)).text()).toContain('<meta name="demo-consent" content="">');
  expect(errors).toEqual([]);
});

test.describe('switched on', () => {
  let store: DemoStore;
  test.beforeAll(async () => {
    store = await startDemoStore({ DEMO_CONSENT_BANNER: '1' });
  });
  test.afterAll(async () => {
    expect(await store.stop()).toBe(0);
  });

  test('by the environment: every store page asks, its config pending until the shopper answers', async ({ page, context }) => {
    for (const path of ['/', '/category/kitchen', '/product/compact-loveseat', '/search?q=oak', '/cart', '/no-such-page']) {
      await page.goto(store.url + path);
      await expect(banner(page), path).toBeVisible();
      expect(await consentOption(page), path).toBe('pending');
    }
    const spa = await (await page.request.get(`${store.url}/spa`)).text();
    expect(spa).toContain('<meta name="demo-consent" content="pending">');
    expect(spa).toContain('data-consent-banner');

    // The answer, kept in the store's cookie, is in the config of every later page, and the banner stays away.
    for (const value of ['granted', 'denied']) {
      await answer(context, store, value);
      await page.goto(`${store.url}/product/compact-loveseat`);
      expect(await consentOption(page)).toBe(value);
      await expect(banner(page)).toBeHidden();
    }
    // Anything else in the cookie is no answer.
    await answer(context, store, 'maybe');
    await page.goto(store.url);
    expect(await consentOption(page)).toBe('pending');

    // /qa shows the banner on, and why it cannot be switched off there.
    await page.goto(`${store.url}/qa`);
    await page.locator('[data-dashboard] > summary').click();
    await expect(page.getByLabel(/Cookie banner/)).toBeChecked();
    await expect(page.getByLabel(/Cookie banner/)).toBeDisabled();
    await expect(page.getByText('DEMO_CONSENT_BANNER=1')).toBeVisible();
  });

  test('fixed at the bottom, over the page: nothing moves; keyboard reaches it first and can reopen it', async ({ page, context }) => {
    await page.setViewportSize(VIEWPORTS.phone);
    await page.goto(`${store.url}/product/compact-loveseat`);
    const box = await banner(page).boundingBox();
    expect(await banner(page).evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
    expect(box!.y + box!.height).toBeCloseTo(844, 0);
    // The window's whole width but the scroll bar's (the store keeps its place from the first paint).
    expect(box!.width).toBe(await page.evaluate(() => document.body.clientWidth));
    expect(box!.width).toBeGreaterThanOrEqual(390 - 20);
    // The page under it is where it is without the banner.
    const mainTop = () => page.locator('main').evaluate((el) => el.getBoundingClientRect().top);
    const withBanner = await mainTop();
    await answer(context, store, 'granted');
    await page.reload();
    await expect(banner(page)).toBeHidden();
    expect(await mainTop()).toBe(withBanner);

    // "Cookie settings" in the footer shows it again, focus on Accept.
    await page.getByRole('button', { name: 'Cookie settings' }).click();
    await expect(banner(page)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Accept' })).toBeFocused();

    // From the top of a fresh page: the skip link, then the banner's buttons.
    await context.clearCookies();
    await page.goto(store.url);
    await page.getByRole('link', { name: 'Skip to content' }).focus();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Decline' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Accept' })).toBeFocused();
  });

  test('screenshots of the cookie banner at 390 and 1280 px', async ({ page, context }) => {
    await context.clearCookies();
    for (const [width, height] of [[390, 844], [1280, 800]] as const) {
      await page.setViewportSize({ width, height });
      await page.goto(`${store.url}/`);
      await expect(banner(page)).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.getByRole('button', { name: 'Accept' }).focus();
      await page.screenshot({ path: resolve(ROOT, `docs/screenshots/demo-consent-banner-${width}.png`) });
    }
  });
});

test('switched on from /qa: saved with the settings, the store follows from its next page', async ({ page }) => {
  const store = await startDemoStore();
  try {
    await page.goto(store.url);
    await expect(banner(page)).toHaveCount(0);
    await page.goto(`${store.url}/qa`);
    await page.locator('[data-dashboard] > summary').click();
    await expect(page.getByLabel(/Cookie banner/)).toBeEnabled();
    await page.getByLabel(/Cookie banner/).check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
    await page.goto(store.url);
    await expect(banner(page)).toBeVisible();
    expect(await consentOption(page)).toBe('pending');
  } finally {
    expect(await store.stop()).toBe(0);
  }
});
