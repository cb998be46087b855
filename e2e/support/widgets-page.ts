// A store page holding every kind of placeholder, loaded with the reference's own snippets and tags.
import type { Page } from '@playwright/test';
import { routeDatacueHosts } from './fixtures';
import { jsonBlocks, snippet } from './reference';
import type { EventsApi, Site } from './servers';

/** The reference's response samples, by the page event they answer. */
export const SAMPLES = {
  home: jsonBlocks('Home pageview')[0] as Record<string, unknown>,
  product: jsonBlocks('Product pageview')[0] as Record<string, unknown>,
  search: jsonBlocks('Search')[0] as Record<string, unknown>,
};

export const EVERY_PLACEHOLDER = `
<main>
  <h1>Store</h1>
  <div data-dc-banners data-dc-static-img="/banners/static-banner.svg" data-dc-static-link="/category/summer"></div>
  <div class="custom-banners">
    <div data-dc-main-insert-banner="1"></div>
    <div data-dc-main-insert-banner="2"></div>
    <div data-dc-sub-insert-banner="1"></div>
    <div data-dc-sub-insert-banner="2"></div>
  </div>
  <div data-dc-products></div>
  <div data-dc-products="related" data-dc-layout="carousel" data-dc-items="3" data-dc-title="Picked for you"></div>
  <div data-dc-products="recent" data-dc-layout="grid"></div>
  <div data-dc-products="similar"></div>
</main>`;

/** Answers every image request with a small SVG naming the file, so that layouts and screenshots are real. */
export async function serveImages(page: Page, delayMs = 0) {
  await page.context().route(/\.(jpe?g|png|svg)$/, async (route) => {
    if (delayMs) await new Promise((done) => setTimeout(done, delayMs));
    const name = new URL(route.request().url()).pathname.split('/').pop()!.replace(/[^\w.-]/g, '');
    const hue = [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 360, 0);
    // Banners in the documented sizes (sub 480x720, main and static 1200x720), products square.
    const [w, h] = /subbanner/.test(name) ? [480, 720] : /banner/.test(route.request().url()) ? [1200, 720] : [600, 600];
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><rect width="${w}" height="${h}" fill="hsl(${hue} 45% 78%)"/><text x="${w / 2}" y="${h / 2}" font-family="sans-serif" font-size="34" text-anchor="middle" fill="#333">${name}</text></svg>`;
    await route.fulfill({ contentType: 'image/svg+xml', body: svg }).catch(() => {});
  });
}

/**
 * Opens a store page of `pageHeading`'s reference snippet with `body`, the API answering its page event with
 * `response` (any other event: 204).
 */
export async function openStore(page: Page, site: Site, api: EventsApi, pageHeading: string, response: unknown, body = EVERY_PLACEHOLDER, path = '/') {
  api.respond((req) => (['pageview', 'search'].includes(req.json?.event?.type) ? { status: 200, body: response } : undefined));
  await routeDatacueHosts(page, site, api);
  await page.goto(site.page(path, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Store</title>
<meta name="viewport" content="width=device-width, initial-scale=1">${snippet(pageHeading)}</head><body>${body}</body></html>`));
}
