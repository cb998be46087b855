// Page health on the demo store: the widgets never shift what the shopper sees and never make the page wider than
// the window, at a phone's and a laptop's size, with a prompt and a slow (800 ms) answer. Layout facts only: the
// browser's own layout-shift entries (which name the nodes that moved) and the document's scroll width, never a
// timing. A shift counts when it moves a widget or what follows one (the widgets cannot move what comes before them).
import type { Page } from '@playwright/test';
import { test, expect } from './support/demo-store';
import { shiftsReported, watchShifts, type Shift } from './support/shifts';
import { VIEWPORTS } from './support/viewports';
import { settled } from './support/network';

// The single-page store too: its script draws each route (and the widgets in it) into an empty view.
const PAGES = ['/', '/category/bedroom', '/product/luxury-double-bed', '/cart', '/search?q=oak', '/spa', '/spa/category/kitchen'];
const SLOW_MS = 800;

const overflow = (page: Page) => page.evaluate(() => document.scrollingElement!.scrollWidth - innerWidth);

/** Opens a page, waits for its answer and what the widgets draw from it, then scrolls through it as a shopper. */
async function look(page: Page, url: string, slow: boolean) {
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/events') && /^(pageview|search)$/.test(r.request().postDataJSON()?.event?.type));
  await page.goto(url);
  if (slow) expect(await overflow(page), `${url} before the answer: wider than the window by`).toBeLessThanOrEqual(0);
  await answered;
  // Scrolled only once the answer is drawn: on a first visit, a box scrolled into view before its answer holds what
  // the widgets could foresee, no more (the README says so).
  await expect(page.locator('[data-dc-products] .dc-section').first()).toBeAttached();
  for (let y = 0; y < 5; y++) {
    await page.mouse.wheel(0, 700);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done))));
  }
  // Let the images in view arrive (their boxes are sized, so they must not shift anything either).
  await settled(page);
  await shiftsReported(page);
  return {
    overflow: await overflow(page),
    shifts: await page.evaluate(() => window.shifts.filter((s) => !s.recentInput)),
  };
}

// Two page loads each with scrolling and image loads, on a machine that may be busy: more than the default time.
test.describe.configure({ timeout: 90_000 });

for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  for (const slow of [false, true]) {
    for (const path of PAGES) {
      test(`${path} at ${name} size ${viewport.width}x${viewport.height}, ${slow ? `answer ${SLOW_MS} ms late` : 'prompt answer'}: no layout shift, no overflow`, async ({ page, demo, errors }) => {
        await page.setViewportSize(viewport);
        await watchShifts(page);
        if (slow) {
          await page.route(`${demo.url}/api/events`, async (route) => {
            await new Promise((done) => setTimeout(done, SLOW_MS));
            await route.continue();
          });
        }
        // A shopper's first visit of the page type (nothing remembered: banners hold their fixed ratios, a products
        // placeholder one section, or a window's height where the answer decides how many come), then
        // the second one (every placeholder holds the box it had). A widget can move only what follows it: a shift of
        // what lies before every placeholder is the page's own (a busy machine has shown two, of 0.00001: the logo
        // and a badge), reported, not asserted.
        for (const visit of ['first visit', 'second visit']) {
          const seen = await look(page, demo.url + path, slow);
          expect(seen.overflow, `${visit}: wider than the window by`).toBeLessThanOrEqual(0);
          const widgets = (shift: Shift) => shift.sources.some((s) => s.inWidget || s.afterWidget);
          expect(seen.shifts.filter(widgets), `${visit}: layout shifts`).toEqual([]);
          const own = seen.shifts.filter((shift) => !widgets(shift));
          if (own.length) test.info().annotations.push({ type: `${visit}: the page's own shifts`, description: JSON.stringify(own) });
        }
        expect(errors).toEqual([]);
      });
    }
  }
}
