// A carousel and a grid with every card field and the buy button, as a shopper sees them at 390 and 1280 px:
// screenshots for docs/screenshots (looked at), and nothing wider than the page.
import { resolve } from 'node:path';
import { test, expect } from './support/fixtures';
import { serveImages } from './support/widgets-page';
import { imagesDecoded } from './support/images';
import { ROOT } from './support/servers';
import { settled } from './support/network';

const chair = (i: number, more: Record<string, unknown> = {}) => ({
  product_id: `c${i}`, variant_id: `c${i}-v`, name: `Walnut Lounge Chair with a rather long name ${i}`, brand: ['Acme', 'Birch & Co', 'Nordform'][i % 3],
  price: 100 + i * 10, full_price: i % 2 ? 150 + i * 10 : undefined, rating: [58, 100, 84, 30, 0][i % 5], stock: [2, 40, 5, 12][i % 4],
  photo_url: `/products/chair-${i}.svg`, link: `/product/c${i}`, extra: i % 3 ? { promo: 'new' } : { discount: '20% off' }, ...more,
});

const response = {
  related_product_skus: Array.from({ length: 8 }, (_, i) => chair(i + 1)),
  recent_product_skus: [...Array.from({ length: 5 }, (_, i) => chair(i + 11)), chair(16, { available: false })],
  config: {
    sections: [{ name: 'related', layout: 'slider', title: 'Recommended for you' }, { name: 'recent', layout: 'grid', items_per_page: { mobile: 2, desktop: 4 } }],
    show_fields: ['price', 'full_price', 'brand', 'rating', 'stock'],
    hide_out_of_stock: false,
    cta_button: { show_button: true, caption: 'View', buy_caption: 'Add to cart' },
  },
};

for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['mobile', { width: 390, height: 844 }]] as const) {
  test(`screenshot: a carousel and a grid with every card field at ${name} width`, async ({ page, site, api, errors }) => {
    test.slow(); // a full-page screenshot with images, on a machine shared with other runs
    await serveImages(page);
    await page.setViewportSize(viewport);
    api.respond((req) => (req.json?.event?.type === 'pageview' ? { status: 200, body: response } : undefined));
    await page.goto(site.page('/cards', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Cards</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;margin:0 auto;max-width:1200px;padding:0 16px}</style>
<script>window.datacueConfig = { api_key: 'k', page_type: 'home', options: { events_url: '${api.url}' } };</script>
<script src="/dist/datacue.js"></script><script src="/dist/datacue-storefront.js"></script></head>
<body><h1>Store</h1><div data-dc-products></div></body></html>`));
    await expect(page.locator('.dc-carousel .dc-card')).toHaveCount(8);
    await expect(page.locator('.dc-grid .dc-card')).toHaveCount(6);
    // Nothing wider than the page, and no card field outside its card.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    const outside = await page.locator('.dc-grid .dc-card').evaluateAll((cards) =>
      cards.flatMap((card) => {
        const box = card.getBoundingClientRect();
        return [...card.querySelectorAll('*')].filter((e) => {
          const r = e.getBoundingClientRect();
          return r.width && (r.left < box.left - 1 || r.right > box.right + 1);
        }).map((e) => e.className);
      }),
    );
    expect(outside.filter((c) => c !== 'dc-sr')).toEqual([]);
    for (let y = 0; y < 3000; y += 500) await page.mouse.wheel(0, 500);
    await settled(page);
    await imagesDecoded(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: resolve(ROOT, `docs/screenshots/widgets-cards-${name}.png`), fullPage: true });
    expect(errors).toEqual([]);
  });
}
