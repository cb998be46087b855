// A shopper's first page with recommendations (nothing remembered yet): a product section in the default carousel
// holds its box before the answer, and a placeholder of every section holds a window's height at least, so the
// store's content below it never moves in view. Layout facts only: the browser's layout-shift entries, never a timing.
import { test, expect } from './support/fixtures';
import type { Page } from '@playwright/test';
import type { EventsApi, Site } from './support/servers';
import { serveImages } from './support/widgets-page';
import { imagesDecoded } from './support/images';
import { painted, shiftsReported, watchShifts } from './support/shifts';
import { answerLate, holdAnswers } from './support/hold-answers';
import { VIEWPORTS } from './support/viewports';
import { settled } from './support/network';

declare global {
  interface Window {
    heldBefore: number;
  }
}

const product = (i: number) => ({
  product_id: `p${i}`, variant_id: `p${i}-v`, name: `Oak side table ${i}`, price: 120 + i, full_price: i % 2 ? 150 + i : undefined,
  photo_url: `/products/chair-${i}.svg`, link: `/product/p${i}`,
});
const products = (from: number) => Array.from({ length: 8 }, (_, i) => product(from + i));
// A named section is one carousel; every section of the page is as many as the answer carries (three here).
const answers = {
  related: { related_product_skus: products(1) },
  '': { related_product_skus: products(1), recent_product_skus: products(9), related_categories: [{ name: 'Tables', products: products(17) }] },
};

// The header's padding keeps its heading's margin inside it: a frame the browser paints while it is still parsing
// (after the scripts in <head>) would otherwise show the body 21 px higher, a shift of the page's own.
// A store's line height (the demo's): the section's title and price lines take it (a phone's first-visit box was held
// 17 px short with it).
const STORE_STYLE = '<style>body{font-family:system-ui,sans-serif;line-height:1.5;margin:0 auto;max-width:1200px;padding:0 16px}header{height:120px;margin:0;padding:1px 0}</style>';

/** Where the store's footer is in the window: what the shopper sees, which the widgets must not move. */
const footerTop = (page: Page) => page.evaluate(() => Math.round(document.querySelector('footer')!.getBoundingClientRect().top));

/** Where the (first) products placeholder is in the window. */
const productsBox = (page: Page) => page.evaluate(() => document.querySelector('[data-dc-products]')!.getBoundingClientRect().toJSON() as DOMRect);

/** A store page of `pageType` with both tags in its <head>, sending to the test's events API. */
const storePage = (eventsUrl: string, pageType: string, body: string, style = STORE_STYLE) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Store</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
${style}
<script>window.datacueConfig = { api_key: 'k', page_type: '${pageType}', options: { events_url: '${eventsUrl}' } };</script>
<script src="/dist/datacue.js"></script><script src="/dist/datacue-storefront.js"></script></head>
<body>${body}</body></html>`;

for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  for (const [section, answer] of Object.entries(answers)) for (const variant of ['prompt answer', 'answer 800 ms late', 'store text 18 px'] as const) {
    const what = section ? 'a named carousel section' : 'every section of the page (three come)';
    // A store whose text is larger: names and prices take more height, which a phone's box is held for too. Its
    // answer comes late, so that the box is held before it (a prompt one may come before the placeholder is parsed,
    // and be drawn into it with nothing held).
    const font = variant === 'store text 18 px' ? 18 : 16;
    const slow = variant !== 'prompt answer';
    const style = STORE_STYLE.replace('line-height:1.5', `line-height:1.5;font-size:${font}px`);
    test(`first visit at ${name} size, ${variant}: ${what} shifts nothing`, async ({ page, site, api, errors }) => {
      await serveImages(page);
      await page.setViewportSize(viewport);
      await watchShifts(page);
      // The height the products box holds before its answer: the largest min-height set on it while it has no card.
      await page.addInitScript(() => {
        window.heldBefore = 0;
        new MutationObserver(() => {
          const el = document.querySelector<HTMLElement>('[data-dc-products]');
          if (el && !el.querySelector('.dc-card')) window.heldBefore = Math.max(window.heldBefore, parseFloat(el.style.minHeight) || 0);
        }).observe(document, { subtree: true, childList: true, attributeFilter: ['style'] });
      });
      // Image requests still on their way (the carousel's later pages may never start: they load as they come near).
      let loading = 0;
      page.on('request', (r) => void (r.resourceType() === 'image' && loading++));
      for (const end of ['requestfinished', 'requestfailed'] as const) page.on(end, (r) => void (r.resourceType() === 'image' && loading--));
      api.respond((req) => (req.json?.event?.type === 'pageview' ? { status: 200, body: answer } : undefined));
      if (slow) await answerLate(page, `${api.url}**`, 800);
      await page.goto(site.page('/first', storePage(api.url, 'home', `<header><h1>Store</h1></header><div data-dc-products="${section}"></div><section id="content" style="height:1500px">Store content</section>`, style)));
      await expect(page.locator('.dc-card')).toHaveCount(section ? 8 : 24);
      await expect.poll(() => loading).toBe(0);
      await imagesDecoded(page);
      await shiftsReported(page);
      expect(await page.evaluate(() => window.shifts)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      const [heldBefore, held, drawn] = await page.evaluate(() => {
        const el = document.querySelector<HTMLElement>('[data-dc-products]')!;
        return [window.heldBefore, el.getBoundingClientRect().height, [...el.querySelectorAll('.dc-section')].reduce((sum, s) => sum + s.getBoundingClientRect().height + 16, 16)];
      });
      // Before the answer the box held what a named section draws (so nothing below it had to move), or, for every
      // section, a window's height.
      if (slow) expect(heldBefore).toBeGreaterThanOrEqual(section ? drawn : viewport.height);
      // After it, the box is at most a little taller than what is drawn (blank space kept rather than a jump): 2.5em.
      expect(held - drawn).toBeLessThanOrEqual(2.5 * font);
      expect(errors).toEqual([]);
    });
  }
}

// A theme that gives the placeholder its own padding and border (a section of its own): the height remembered for the
// next page is the one its min-height is held at, read from the layout in the theme's box-sizing (content-box: the
// content's; border-box: the whole box's). It was the outer height: held again as min-height, a content-box
// placeholder was its padding and border too tall and gave them back at the answer (what followed moved up 52 px on
// both visits, a layout shift of 0.014 at 1280 px). On the first page of a type, the room foreseen for the content
// was held as min-height whatever the box-sizing: a border-box placeholder was its padding and border short (27 px
// on a phone).
for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  for (const sizing of ['content-box', 'border-box']) {
    test(`at ${name} size, a placeholder with the store's padding and border (${sizing}): the first page of its type and the next shift nothing`, async ({ page, site, api, errors }) => {
      await serveImages(page);
      await page.setViewportSize(viewport);
      await watchShifts(page);
      api.respond((req) => (req.json?.event?.type === 'pageview' ? { status: 200, body: answers.related } : undefined));
      await answerLate(page, `${api.url}**`, 800);
      const style = STORE_STYLE.replace('</style>', `.theme-section{padding:24px 0;border:2px solid #ccc;box-sizing:${sizing}}</style>`);
      const body = '<header><h1>Store</h1></header><div class="theme-section" data-dc-products="related"></div><section style="height:1500px">Store content</section>';
      for (const visit of ['first', 'next']) {
        await page.goto(site.page(`/${visit}`, storePage(api.url, 'home', body, style)));
        await expect(page.locator('.dc-card')).toHaveCount(8);
        await imagesDecoded(page);
        await shiftsReported(page);
        expect(await page.evaluate(() => window.shifts), `${visit} page`).toEqual([]);
      }
      // What is remembered is the box less the theme's padding and border (24 and 2 px, top and bottom) where they lie
      // outside its min-height, the whole box where they lie inside.
      const [remembered, box] = await page.evaluate(() => [
        (JSON.parse(sessionStorage.getItem('datacue_layout')!) as Record<string, { h: number }>)['home|0']!.h,
        document.querySelector<HTMLElement>('[data-dc-products]')!.getBoundingClientRect().height,
      ]);
      expect(remembered).toBeCloseTo(sizing === 'content-box' ? box - 52 : box, 1);
      expect(errors).toEqual([]);
    });
  }
}

for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  test(`first visit at ${name} size, a single-page route's placeholders held at once, banners over every section, a short answer: a window tall, nothing moves`, async ({ page, site, api, errors }) => {
    await serveImages(page);
    await page.setViewportSize(viewport);
    await watchShifts(page);
    api.respond((req) => (req.json?.event?.type === 'pageview' ? { status: 200, body: req.json.event.subtype === 'cart' ? { related_product_skus: products(1).slice(0, 2) } : {} } : undefined));
    await page.goto(site.page('/spa', storePage(api.url, 'home', '<header><h1>Store</h1></header><main></main>', STORE_STYLE.replace('height:120px', 'height:60px'))));
    await expect.poll(() => api.received.length).toBeGreaterThan(0);
    const answers = await holdAnswers(page, `${api.url}**`);
    // The route's view comes in whole: its banners (narrow, so that one row of cards would not reach the window's
    // bottom edge) and its every-section placeholder are held in one pass; the products box holds a window's height.
    await page.evaluate(() => {
      document.querySelector('main')!.innerHTML = `<div style="width:200px" data-dc-banners data-dc-static-img="/banners/static-banner.svg" data-dc-static-link="/sale"></div>
<div data-dc-products=""></div><footer style="height:300px">Store content</footer>`;
      void window.datacue.page({ page_type: 'cart' });
    });
    expect((await productsBox(page)).height).toBeCloseTo(viewport.height, 0);
    expect((await productsBox(page)).top).toBeGreaterThan(0);
    answers.release();
    await expect(page.locator('.dc-card')).toHaveCount(2);
    await shiftsReported(page);
    // The answer is shorter than the box: the blank in view stays (down to the window's bottom edge) rather than the
    // store's content moving up in view; the part below the window goes.
    expect((await productsBox(page)).bottom).toBeCloseTo(viewport.height, 0);
    expect(await page.evaluate(() => window.shifts)).toEqual([]);

    // A route whose placeholder is already above the window (the store scrolls to the top after page()): a window
    // tall too, which scroll anchoring keeps out of view.
    const [width, held] = await page.evaluate(() => {
      document.querySelector('main')!.innerHTML = '<div style="height:3000px"></div><div data-dc-products=""></div><footer style="height:3000px"></footer>';
      scrollTo(0, 3500);
      void window.datacue.page({ page_type: 'product', product_id: 'p1' });
      const el = document.querySelector<HTMLElement>('[data-dc-products]')!;
      return [el.offsetWidth, el.offsetHeight];
    });
    expect(width).toBeGreaterThan(0);
    expect(held).toBe(viewport.height);
    expect(errors).toEqual([]);
  });
}

// The answer may come while the page is still parsed (a slow script after the placeholder): the page is drawn again when
// it is parsed, which must not remember the blank space kept as the placeholder's height.
for (const slowScript of [false, true]) {
test(`a page type the API has nothing for (204)${slowScript ? ', answered while the page is parsed' : ''}: its first page keeps the box it held (nothing moves), the next one holds none`, async ({ page, site, api, errors }) => {
  await page.setViewportSize(VIEWPORTS.phone);
  await watchShifts(page);
  await page.route('**/slow.js', async (route) => {
    await new Promise((done) => setTimeout(done, 1000));
    await route.fulfill({ contentType: 'text/javascript', body: '' });
  });
  // The answer comes once the placeholder is parsed (one known before holds nothing, and has nothing to keep).
  await answerLate(page, `${api.url}**`, 300);
  const cart = (path: string) =>
    site.page(path, storePage(api.url, 'cart', `<h1>Cart</h1><div data-dc-products=""></div>${slowScript ? '<script src="/slow.js"></script>' : ''}<footer>Store content</footer>`, ''));
  const held = async () => {
    await settled(page);
    await shiftsReported(page);
    return page.evaluate(() => document.querySelector<HTMLElement>('[data-dc-products]')!.offsetHeight);
  };
  await page.goto(cart('/cart-1'));
  await api.waitFor(1);
  expect(await held()).toBeGreaterThan(300);
  await page.goto(cart('/cart-2'));
  await api.waitFor(2);
  // Remembered with consent (the visitor's id is kept): an empty box at once, not a blank one.
  expect(await held()).toBe(0);
  expect(await page.evaluate(() => window.shifts)).toEqual([]);
  expect(errors).toEqual([]);
});
}

test('a page type remembered with three sections whose next answer fails: its box keeps only the part in the window, nothing moves, and the page after holds the remembered box', async ({ page, site, api, errors }) => {
  await serveImages(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await watchShifts(page);
  let refuse = false;
  api.respond((req) => (req.json?.event?.type === 'pageview' ? (refuse ? { status: 400, body: { message: 'no' } } : { status: 200, body: answers[''] }) : undefined));
  const home = (path: string) => site.page(path, storePage(api.url, 'home', '<header><h1>Store</h1></header><div data-dc-products=""></div><footer style="height:1500px">Store content</footer>'));
  await page.goto(home('/home-1'));
  await expect(page.locator('.dc-card')).toHaveCount(24);
  const remembered = await page.evaluate(() => document.querySelector<HTMLElement>('[data-dc-products]')!.offsetHeight);
  expect(remembered).toBeGreaterThan(800);
  refuse = true;
  // The refusal comes once the page has held the box (an answer known before its placeholder is parsed holds nothing).
  await answerLate(page, `${api.url}**`, 500);
  await page.goto(home('/home-2'));
  await api.waitFor(2);
  await settled(page);
  await shiftsReported(page);
  const { top, height } = await page.evaluate(() => {
    const box = document.querySelector<HTMLElement>('[data-dc-products]')!.getBoundingClientRect();
    return { top: box.top, height: box.height };
  });
  expect(await page.locator('.dc-card').count()).toBe(0);
  // Blank down to the window's bottom edge (what the shopper saw held), not the remembered box's 1,000 px below it.
  expect(top + height).toBeGreaterThanOrEqual(800);
  expect(top + height).toBeLessThanOrEqual(801);
  expect(await page.evaluate(() => window.shifts)).toEqual([]);
  // The failure says nothing of what the API has for the page type: the next page holds the remembered box again, so
  // its three sections move nothing (remembered as empty, it held none and they pushed the store's content down).
  refuse = false;
  await page.goto(home('/home-3'));
  await api.waitFor(3);
  await expect(page.locator('.dc-card')).toHaveCount(24);
  await settled(page);
  await shiftsReported(page);
  expect(await page.evaluate(() => window.shifts)).toEqual([]);
  expect(errors).toEqual([]);
});

/**
 * A store whose every page event is refused (400), the refusal 500 ms late; `failed` waits for the next refusal.
 */
async function refusingStore(page: Page, api: EventsApi, viewport: { width: number; height: number }) {
  await serveImages(page);
  await page.setViewportSize(viewport);
  await watchShifts(page);
  api.respond((req) => (req.json?.event?.type === 'pageview' ? { status: 400, body: { message: 'no' } } : undefined));
  await answerLate(page, `${api.url}**`, 500);
  return {
    failed: () => page.waitForResponse((r) => r.url().startsWith(api.url) && r.status() === 400),
  };
}

// The blank a box keeps in view when its answer fails goes once the shopper scrolls the box out of view (DESIGN.md §7:
// an empty answer collapses its box outside the viewport): above the window, the browser's scroll anchoring keeps what
// the shopper sees still; below it, what moves is out of view. Each fails while the kept blank stays for good.
for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  test(`${name}: a failed answer's blank, kept in view, is given back once the box is scrolled out of view, above or below, and nothing in view moves`, async ({ page, site, api, errors }) => {
    const { failed } = await refusingStore(page, api, viewport);

    // Above: the box starts in the window; the shopper scrolls past it after the failure.
    let answered = failed();
    await page.goto(site.page('/above', storePage(api.url, 'home', '<header><h1>Store</h1></header><div data-dc-products=""></div><footer style="height:3000px">Store content</footer>')));
    await answered;
    await settled(page);
    await shiftsReported(page);
    const kept = await productsBox(page);
    expect(kept.height).toBeGreaterThan(100); // blank down to the window's bottom edge
    const past = kept.bottom + 200;
    await page.evaluate((y) => scrollTo(0, y), past);
    const footerThen = await footerTop(page);
    await expect.poll(async () => (await productsBox(page)).height).toBe(0);
    await shiftsReported(page);
    // Given back above the window: the page is shorter by it, and the view follows (scroll anchoring).
    expect(Math.abs((await page.evaluate(() => scrollY)) - (past - kept.height))).toBeLessThanOrEqual(1);
    expect(await footerTop(page)).toBe(footerThen);
    expect(await page.evaluate(() => window.shifts)).toEqual([]);

    // Below: the shopper has scrolled down to the box before its answer fails, then scrolls back to the top.
    answered = failed();
    await page.goto(site.page('/below', storePage(api.url, 'home', '<header style="height:1500px"><h1>Store</h1></header><div data-dc-products=""></div><footer style="height:3000px">Store content</footer>')));
    await page.evaluate((h) => scrollTo(0, 1500 - h / 2), viewport.height);
    await answered;
    await settled(page);
    await shiftsReported(page);
    expect((await productsBox(page)).bottom).toBeCloseTo(viewport.height, 0); // kept down to the window's bottom edge
    await page.evaluate(() => scrollTo(0, 0));
    await expect.poll(async () => (await productsBox(page)).height).toBe(0);
    await shiftsReported(page);
    expect(await page.evaluate(() => scrollY)).toBe(0);
    expect(await page.evaluate(() => window.shifts)).toEqual([]);
    expect(errors).toEqual([]);
  });
}

// An API that is down is retried for seconds (5 attempts); the boxes do not wait for the last one. The first failure
// gives back what is out of view, so a shopper who scrolls there meanwhile meets no blank; a retry's answer is drawn.
test('an answer that waits for a retry: a box below the window gives back its space at the first failure, and the retry\'s answer is drawn', async ({ page, site, api, errors }) => {
  await serveImages(page);
  await page.setViewportSize(VIEWPORTS.phone);
  // Busy, retry in 4 s (Retry-After wins over the backoff); then the answer.
  api.respond((req, i) =>
    req.json?.event?.type !== 'pageview' ? undefined : i === 0 ? { status: 503, body: { message: 'busy' }, headers: { 'Retry-After': '4' } } : { status: 200, body: answers.related },
  );
  await page.goto(site.page('/busy', storePage(api.url, 'home', '<header style="height:1500px"><h1>Store</h1></header><div data-dc-products="related"></div><footer style="height:3000px">Store content</footer>')));
  await api.waitFor(1);
  await expect.poll(async () => (await productsBox(page)).height).toBe(0);
  expect(api.received).toHaveLength(1);
  // The shopper scrolls down to where the box is: nothing blank, the footer right after the header.
  await page.evaluate(() => scrollTo(0, 1400));
  expect(await footerTop(page)).toBe(await page.evaluate(() => Math.round(document.querySelector('header')!.getBoundingClientRect().bottom)));
  await api.waitFor(2);
  await expect(page.locator('.dc-card')).toHaveCount(8);
  expect(errors).toEqual([]);
});

// Without scroll anchoring (Safari before 27; here CSS.supports says so), a box scrolled out above the window keeps its
// blank (giving it up would pull what the shopper sees up), and gives it up once below the window.
test('no scroll anchoring: a failed answer\'s blank is kept while the box is above the window, given back once it is below', async ({ page, site, api, errors }) => {
  await page.addInitScript(() => {
    const supports = CSS.supports.bind(CSS);
    CSS.supports = ((...args: [string, string?]) => (String(args[0]).startsWith('overflow-anchor') ? false : supports(...(args as [string, string])))) as typeof CSS.supports;
  });
  const { failed } = await refusingStore(page, api, VIEWPORTS.laptop);
  const answered = failed();
  await page.goto(site.page('/no-anchoring', storePage(api.url, 'home', '<header style="height:1500px"><h1>Store</h1></header><div data-dc-products=""></div><footer style="height:3000px">Store content</footer>')));
  await page.evaluate(() => scrollTo(0, 1100));
  await answered;
  await settled(page);
  const kept = (await productsBox(page)).height;
  expect(kept).toBeGreaterThan(100);
  // Scrolled past: above the window, still kept (two frames for the observer to have spoken).
  await page.evaluate(() => scrollTo(0, 1500 + innerHeight));
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.waitForTimeout(200);
  expect((await productsBox(page)).height).toBe(kept);
  // Back up past it (through it, as a shopper scrolls: the observer speaks when the box enters and leaves the window):
  // below the window, given back.
  await page.evaluate(() => scrollTo(0, 1100));
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.evaluate(() => scrollTo(0, 0));
  await expect.poll(async () => (await productsBox(page)).height).toBe(0);
  await shiftsReported(page);
  expect(await page.evaluate(() => window.shifts)).toEqual([]);
  expect(errors).toEqual([]);
});

// A shopper who scrolls while a remembered page's answer is on its way stays where they are, whatever the answer: the
// widgets measure what they drew without the page getting shorter than where the shopper has scrolled to.
/**
 * A remembered page: `body` is loaded once with `first` (its layout remembered, `cards` drawn), then again with the
 * API's `next` reply held back. Returns that held reply, to release.
 */
async function rememberedThenHeld(page: Page, site: Site, api: EventsApi, viewport: { width: number; height: number }, body: string, first: object, next: object, cards: number) {
  await serveImages(page);
  await page.setViewportSize(viewport);
  let second = false;
  api.respond((req) => (req.json?.event?.type === 'pageview' ? (second ? next : { status: 200, body: first }) : undefined));
  const home = (path: string) => site.page(path, storePage(api.url, 'home', body));
  await page.goto(home('/home-1'));
  await expect(page.locator('.dc-card')).toHaveCount(cards);
  second = true;
  const held = await holdAnswers(page, `${api.url}**`);
  await page.goto(home('/home-2'));
  await page.waitForLoadState('load');
  return held;
}

for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  for (const [what, first, next] of [
    ['fails', answers[''], { status: 400, body: { message: 'no' } }],
    ['has one section', answers[''], { status: 200, body: answers.related }],
    ['has three sections (remembered with one)', answers.related, { status: 200, body: answers[''] }],
  ] as const) for (const past of [false, true]) {
    // To the page's end, the held box's end in the window; or past the box (a long footer), the box above the window.
    test(`at ${name} size, scrolled ${past ? 'past the held box' : 'to the end'} of a remembered page whose late answer ${what}: the view stays where the shopper scrolled`, async ({ page, site, api, errors }) => {
      const body = `<header><h1>Store</h1></header><div data-dc-products=""></div><footer style="height:${past ? 3000 : 600}px">Store content</footer>`;
      const answers2 = await rememberedThenHeld(page, site, api, viewport, body, first, next, first === answers[''] ? 24 : 8);
      const bottom = await page.evaluate((past) => {
        const box = document.querySelector('[data-dc-products]')!.getBoundingClientRect();
        scrollTo(0, past ? scrollY + box.bottom + 400 : document.documentElement.scrollHeight);
        // A layout after the scroll (the page's own, as a store's images and scripts make): the browser picks its
        // scroll anchor then, before the answer, from the page as it is.
        document.body.appendChild(document.createElement('div')).style.height = '1px';
        void document.body.offsetHeight;
        return scrollY;
      }, past);
      expect(bottom).toBeGreaterThan(100);
      const boxNow = await productsBox(page);
      expect(boxNow.top).toBeLessThan(0);
      if (past) expect(boxNow.bottom).toBeLessThan(0);
      else expect(boxNow.bottom).toBeGreaterThan(0);
      const before = await footerTop(page);
      answers2.release();
      await api.waitFor(2);
      await settled(page);
      await painted(page);
      // What the shopper sees stays where it was (the page may scroll under it).
      expect(await footerTop(page)).toBe(before);
      expect(errors).toEqual([]);
    });
  }
}

// The same inside a store's <main>: what the shopper sees stays, whether the window shows the box's end and the footer
// after <main> (the browser must not anchor to <main> or the section holding the box, whose tops are above the window)
// or only the store's content after the box inside <main> (it anchors to that content).
for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  for (const past of [false, true]) {
    test(`at ${name} size, a box inside <main> scrolled ${past ? 'past' : 'to its end'} before a remembered page's taller answer: the view stays`, async ({ page, site, api, errors }) => {
      const body = `<header><h1>Store</h1></header><main><section><div data-dc-products=""></div></section>${past ? '<section id="after" style="height:3000px">More store content</section>' : ''}</main><footer style="height:600px">Store content</footer>`;
      const answer = await rememberedThenHeld(page, site, api, viewport, body, answers.related, { status: 200, body: answers[''] }, 8);
      const box = await page.evaluate((past) => {
        const el = document.querySelector('[data-dc-products]')!;
        scrollTo(0, past ? scrollY + el.getBoundingClientRect().bottom + 400 : document.documentElement.scrollHeight);
        return el.getBoundingClientRect().toJSON() as DOMRect;
      }, past);
      expect(box.top).toBeLessThan(0);
      if (past) expect(box.bottom).toBeLessThan(0);
      else expect(box.bottom).toBeGreaterThan(0);
      const after = () => page.evaluate((seen) => Math.round(document.querySelector(seen)!.getBoundingClientRect().top), past ? '#after' : 'footer');
      const before = await after();
      answer.release();
      await expect(page.locator('.dc-card')).toHaveCount(24);
      await settled(page);
      await painted(page);
      expect(await after()).toBe(before);
      expect(errors).toEqual([]);
    });
  }
}

// A placeholder's cards are the browser's scroll anchor like the rest of the page: a shopper reading a grid that fills
// the window does not see it jump when something above it grows (a store image without its size, loading late).
test('reading a grid that fills the window while an image above it loads without its size: the cards stay still', async ({ page, site, api, errors }) => {
  await serveImages(page);
  await page.setViewportSize(VIEWPORTS.phone);
  api.respond((req) => (req.json?.event?.type === 'pageview' ? { status: 200, body: { related_product_skus: [...products(1), ...products(9), ...products(17)] } } : undefined));
  let show = () => {};
  const shown = new Promise<void>((go) => (show = go));
  await page.route('**/late.svg', async (route) => {
    await shown;
    await route.fulfill({ contentType: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg" width="390" height="300"></svg>' });
  });
  await page.goto(site.page('/grid', storePage(api.url, 'home', '<header><h1>Store</h1></header><img src="/late.svg" alt=""><div data-dc-products="related" data-dc-layout="grid" data-dc-items="24"></div><footer>Store content</footer>')), { waitUntil: 'domcontentloaded' });
  await expect(page.locator('.dc-card')).toHaveCount(24);
  const card = page.locator('.dc-card').nth(12);
  // Down into the grid: the window shows cards only.
  await card.evaluate((el) => scrollTo(0, scrollY + el.getBoundingClientRect().top - 300));
  await painted(page);
  const before = await card.evaluate((el) => el.getBoundingClientRect().top);
  show();
  await expect.poll(() => page.evaluate(() => document.querySelector<HTMLImageElement>('img[src="/late.svg"]')!.getBoundingClientRect().height)).toBe(300);
  await painted(page);
  expect(await card.evaluate((el) => el.getBoundingClientRect().top)).toBe(before);
  expect(errors).toEqual([]);
});

// A first page whose answer decides how tall its box gets (every section of the page): the box holds a window's height,
// wherever it starts. A shopper who scrolls to the page's end before the answer sees the store's content after the box
// only once the box's top is above the window; the answer (three sections, taller than the box) grows the box above
// what the shopper looks at, so nothing in view moves.
for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  for (const start of ['in the window', 'below the window'] as const) {
    test(`first visit at ${name} size, a box starting ${start}, scrolled to the page's end before a taller answer: nothing in view moves`, async ({ page, site, api, errors }) => {
      await serveImages(page);
      await page.setViewportSize(viewport);
      await watchShifts(page);
      api.respond((req) => (req.json?.event?.type === 'pageview' ? { status: 200, body: answers[''] } : undefined));
      const answer = await holdAnswers(page, `${api.url}**`);
      // In the window, the box starts low enough that one held down to the window's bottom edge only (as before) would
      // show its top with the footer at the page's end.
      const before = `<section style="height:${start === 'below the window' ? 1500 : 400}px">Store content</section>`;
      await page.goto(site.page('/first-scrolled', storePage(api.url, 'home', `<header><h1>Store</h1></header>${before}<div data-dc-products=""></div><footer style="height:300px">Store content</footer>`)));
      await page.waitForLoadState('load');
      const box = await page.evaluate(() => {
        scrollTo(0, document.documentElement.scrollHeight);
        return document.querySelector('[data-dc-products]')!.getBoundingClientRect().toJSON() as DOMRect;
      });
      // The window shows the box's end and the footer; the box's top is above it.
      expect(box.top).toBeLessThan(0);
      expect(box.bottom).toBeGreaterThan(0);
      const footer = await footerTop(page);
      expect(footer).toBeLessThan(viewport.height);
      await shiftsReported(page);
      const shiftsBefore = await page.evaluate(() => window.shifts.length);
      answer.release();
      await expect(page.locator('.dc-card')).toHaveCount(24);
      await settled(page);
      await painted(page);
      // The sections came in above the footer: the box grew past what it held.
      expect(await page.evaluate(() => document.querySelector('[data-dc-products]')!.getBoundingClientRect().height)).toBeGreaterThan(box.height);
      expect(await footerTop(page)).toBe(footer);
      await shiftsReported(page);
      expect(await page.evaluate((n) => window.shifts.slice(n), shiftsBefore)).toEqual([]);
      expect(errors).toEqual([]);
    });
  }
}

// Two placeholders on a remembered page, the shopper at its end: the one above the window grows (the browser's scroll
// anchoring moves the view down with it) while the one in the window gets less than it held. The view stays.
for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  test(`at ${name} size, at the end of a remembered page: a box above the window grows while the one in it gets less, and the view stays`, async ({ page, site, api, errors }) => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `Room ${i}`, products: products(100 + 8 * i) }));
    const body = '<header><h1>Store</h1></header><div data-dc-products="categories"></div><section style="height:1200px">Store content</section><div data-dc-products="recent"></div><footer style="height:200px">Footer</footer>';
    const first = { related_categories: rows(1), recent_product_skus: products(1) };
    const answers2 = await rememberedThenHeld(page, site, api, viewport, body, first, { status: 200, body: { related_categories: rows(3), recent_product_skus: [] } }, 16);
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    const [a, b] = await page.evaluate(() => [...document.querySelectorAll('[data-dc-products]')].map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
    expect(a!.bottom).toBeLessThan(0);
    expect(b!.bottom).toBeGreaterThan(0);
    const before = await footerTop(page);
    answers2.release();
    await api.waitFor(2);
    await expect(page.locator('.dc-card')).toHaveCount(24);
    await settled(page);
    await painted(page);
    expect(await footerTop(page)).toBe(before);
    expect(errors).toEqual([]);
  });
}
