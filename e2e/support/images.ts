import type { Page } from '@playwright/test';

/**
 * Waits until the page's images are decoded, so that a screenshot or a layout reading sees them drawn. Only those
 * Chromium has a source for (`currentSrc`): a lazy image it has put off (a carousel's later pages, never near the
 * window) has none and would be waited for for ever. An image still unfinished after 10 s fails the test by its URL
 * rather than holding it to its timeout.
 */
export async function imagesDecoded(page: Page): Promise<void> {
  const stuck = await page.evaluate(() => {
    const images = [...document.images].filter((i) => i.currentSrc);
    return Promise.race([
      Promise.all(images.map((i) => i.decode().catch(() => null))).then(() => []),
      new Promise<string[]>((done) => setTimeout(() => done(images.filter((i) => !i.complete).map((i) => i.currentSrc)), 10_000)),
    ]);
  });
  if (stuck.length) throw new Error(`images never finished loading: ${stuck.join(', ')}`);
}
