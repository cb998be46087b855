// What a shopper and a store owner notice beyond the content: CSP, accessibility, keyboard, layout shift, looks.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test, expect } from './support/fixtures';
import { EVERY_PLACEHOLDER, openStore, serveImages, SAMPLES } from './support/widgets-page';
import { imagesDecoded } from './support/images';
import { ROOT, type EventsApi, type Site } from './support/servers';
import type { Locator, Page } from '@playwright/test';
import { VIEWPORTS } from './support/viewports';
import { settled } from './support/network';

/** Twelve products, enough to make a carousel scroll. */
const MANY = {
  ...SAMPLES.home,
  related_product_skus: Array.from({ length: 12 }, (_, i) => ({
    product_id: `p${i + 1}`, name: `Walnut Chair ${i + 1}`, price: 100 + i, full_price: i % 3 ? undefined : 150 + i,
    photo_url: `/products/chair-${i + 1}.svg`, link: `/product/chair-${i + 1}`,
  })),
};

const violations = (page: Page) => page.evaluate(() => (window as unknown as { violations: string[] }).violations);

async function strictPage(page: Page, site: Site, api: EventsApi, head: string, csp: string) {
  await page.addInitScript(() => {
    const list: string[] = [];
    (window as unknown as { violations: string[] }).violations = list;
    document.addEventListener('securitypolicyviolation', (e) => list.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  api.respond((req) => (req.json?.event?.type === 'pageview' ? { status: 200, body: MANY } : undefined));
  await page.goto(site.page('/csp', `<!doctype html><html lang="en"><head><title>csp</title>${head}</head><body>${EVERY_PLACEHOLDER.replace('data-dc-products="related" data-dc-layout="carousel"', 'data-dc-products="related" data-dc-layout="carousel" data-dc-items="12"')}</body></html>`, { 'content-security-policy': csp }));
  await expect(page.locator('.dc-section--related .dc-carousel .dc-card')).toHaveCount(12);
}

const config = (api: EventsApi, nonce = '') =>
  `<script${nonce ? ` nonce="${nonce}"` : ''}>window.datacueConfig = { api_key: 'k', user_id: null, page_type: 'home', options: { events_url: '${api.url}' } };</script>`;

test('strict CSP with a nonce (no inline script or style without it, no eval): no violation, styles applied', async ({ page, site, api, errors }) => {
  await serveImages(page);
  const csp = `default-src 'self'; script-src 'nonce-r4nd0m'; style-src 'nonce-r4nd0m'; img-src 'self'; connect-src ${api.url}`;
  await strictPage(page, site, api, `${config(api, 'r4nd0m')}<script nonce="r4nd0m" src="/dist/datacue.js"></script><script nonce="r4nd0m" src="/dist/datacue-storefront.js"></script>`, csp);
  expect(await violations(page)).toEqual([]);
  expect(await page.locator('.dc-carousel__track').first().evaluate((e) => getComputedStyle(e).scrollSnapType)).toBe('x mandatory');
  expect(errors).toEqual([]);
});

test('strict CSP without inline styles at all: the shipped CSS file, no violation', async ({ page, site, api }) => {
  await serveImages(page);
  const csp = `default-src 'self'; script-src 'self' 'sha256-${await sha256(config(api).slice(8, -9))}'; style-src 'self'; img-src 'self'; connect-src ${api.url}`;
  await strictPage(page, site, api, `<link rel="stylesheet" href="/dist/datacue-storefront.css">${config(api)}<script src="/dist/datacue.js"></script><script src="/dist/datacue-storefront.js"></script>`, csp);
  expect(await violations(page)).toEqual([]);
  await expect(page.locator('style#dc-styles')).toHaveCount(0);
  expect(await page.locator('.dc-carousel__track').first().evaluate((e) => getComputedStyle(e).scrollSnapType)).toBe('x mandatory');
});

async function sha256(text: string) {
  const { createHash } = await import('node:crypto');
  return createHash('sha256').update(text).digest('base64');
}

test('axe-core: no violations on a page holding every widget', async ({ page, site, api }) => {
  await serveImages(page);
  await openStore(page, site, api, 'Home page', MANY, EVERY_PLACEHOLDER.replace('data-dc-products="similar"', 'data-dc-products="recent" data-dc-layout="carousel"'));
  await expect(page.locator('.dc-carousel')).toHaveCount(2);
  await page.addScriptTag({ content: readFileSync(resolve(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8') });
  const result = await page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run: (c: unknown) => Promise<{ violations: { id: string; nodes: { html: string }[] }[] }> } }).axe.run(document);
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
  });
  expect(result).toEqual([]);
});

test('carousel by keyboard (WAI-ARIA carousel): Tab order as seen, Enter pages and wraps with focus kept, arrows move, ring not clipped', async ({ page, site, api }) => {
  await serveImages(page);
  await page.emulateMedia({ reducedMotion: 'reduce' }); // instant scrolling: each step is done when the key is
  await page.setViewportSize({ width: 700, height: 900 });
  await openStore(page, site, api, 'Home page', MANY, '<main><h1>Shop</h1><a href="#top">start</a><div data-dc-products="related" data-dc-layout="carousel" data-dc-items="12"></div><a href="#end">end</a></main>');
  const prev = page.getByRole('button', { name: 'Previous products' });
  const next = page.getByRole('button', { name: 'Next products' });
  const track = page.locator('.dc-carousel__track');
  await expect(page.getByRole('group', { name: 'Recommended for you' })).toHaveAttribute('aria-roledescription', 'carousel');
  await expect(next).toHaveAttribute('aria-controls', (await track.getAttribute('id')) as string);

  // Tab order is the visual order: previous, every card, next, then the page goes on.
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent?.match(/Walnut Chair \d+|end/)?.[0] ?? '');
  const x = async (name: string) => (await page.getByRole('button', { name }).boundingBox())!.x;
  expect(await x('Previous products')).toBeLessThan((await track.boundingBox())!.x);
  expect(await x('Next products')).toBeGreaterThan((await track.boundingBox())!.x);
  await page.locator('a[href="#top"]').focus();
  const seen: string[] = [];
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press('Tab');
    seen.push(await focused());
  }
  expect(seen).toEqual(['Previous products', ...Array.from({ length: 12 }, (_, i) => `Walnut Chair ${i + 1}`), 'Next products', 'end']);

  // Enter on "next" pages until the end, then wraps to the start: the focus stays on the button all the way.
  await track.evaluate((t) => t.scrollTo({ left: 0 }));
  await next.focus();
  const left = () => track.evaluate((t) => Math.round(t.scrollLeft));
  const end = await track.evaluate((t) => t.scrollWidth - t.clientWidth);
  const positions: number[] = [];
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Enter');
    positions.push(await left());
    await expect(next).toBeFocused();
  }
  expect(positions).toContain(end);
  expect(positions.indexOf(0)).toBe(positions.indexOf(end) + 1);
  // "previous" at the start goes to the end, focus kept.
  await track.evaluate((t) => t.scrollTo({ left: 0 }));
  await prev.focus();
  await page.keyboard.press('Enter');
  expect(await left()).toBe(end);
  await expect(prev).toBeFocused();

  // Arrow keys move between cards, and the track scrolls to show the focused one.
  await page.locator('.dc-card__link').first().focus();
  for (let i = 0; i < 11; i++) await page.keyboard.press('ArrowRight');
  await expect(page.locator('.dc-card__link').last()).toBeFocused();
  expect(await left()).toBe(end);
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('.dc-card__link').nth(10)).toBeFocused();

  // The focus ring (3 px at 2 px offset) of a focused card lies inside the scroll box, so it is not clipped.
  const ring = await page.locator('.dc-card__link').nth(10).evaluate((a) => {
    const t = a.closest('.dc-carousel__track')!.getBoundingClientRect();
    const r = a.getBoundingClientRect();
    const s = getComputedStyle(a);
    const out = parseFloat(s.outlineWidth) + parseFloat(s.outlineOffset);
    return { top: r.top - out - t.top, bottom: t.bottom - (r.bottom + out) };
  });
  expect(ring.top).toBeGreaterThanOrEqual(0);
  expect(ring.bottom).toBeGreaterThanOrEqual(0);
});

// A right-to-left store (Arabic, Hebrew): the cards run from the right, "previous" is on the right and "next" on the
// left, and the track's scrollLeft goes from 0 down to minus its end. Read as left to right, the buttons did nothing.
for (const width of [390, 1280]) {
  test(`right to left (${width} px): the buttons page toward the end and wrap, the arrow keys follow the reading direction`, async ({ page, site, api }) => {
    await serveImages(page);
    await page.emulateMedia({ reducedMotion: 'reduce' }); // instant scrolling: each step is done when the click is
    await page.setViewportSize({ width, height: 900 });
    await openStore(page, site, api, 'Home page', MANY, '<main dir="rtl"><div data-dc-products="related" data-dc-layout="carousel" data-dc-items="12"></div></main>');
    await expect(page.locator('.dc-carousel .dc-card')).toHaveCount(12);
    const prev = page.getByRole('button', { name: 'Previous products' });
    const next = page.getByRole('button', { name: 'Next products' });
    const track = page.locator('.dc-carousel__track');
    // Previous at the right end, next at the left (also on a phone, where they lie over the track), the first card at
    // the right.
    const box = (selector: string) => page.locator(selector).evaluateAll((els) => els.slice(0, 2).map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    const [[carousel], [prevBox, nextBox], [first, second]] = await Promise.all(['.dc-carousel', '.dc-carousel__button', '.dc-card'].map(box));
    expect([prevBox!.right, nextBox!.left]).toEqual([carousel!.right, carousel!.left]);
    expect(first!.left).toBeGreaterThan(second!.left);
    const left = () => track.evaluate((t) => Math.round(t.scrollLeft));
    const end = await track.evaluate((t) => t.scrollWidth - t.clientWidth);
    expect(end).toBeGreaterThan(0);
    const positions: number[] = [];
    for (let i = 0; i < 7; i++) {
      await next.click();
      positions.push(await left());
    }
    expect(positions[0]).toBeLessThan(0);
    expect(positions).toContain(-end);
    expect(positions.indexOf(0)).toBe(positions.indexOf(-end) + 1);
    // "Previous" at the start goes to the end.
    await track.evaluate((t) => t.scrollTo({ left: 0 }));
    await prev.click();
    expect(await left()).toBe(-end);
    // ArrowLeft goes on to the next card, ArrowRight back.
    await page.locator('.dc-card__link').first().focus();
    await page.keyboard.press('ArrowLeft');
    await expect(page.locator('.dc-card__link').nth(1)).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('.dc-card__link').first()).toBeFocused();
  });
}

/** Where a carousel's track comes to rest (two reads 200 ms apart agree, the first after the scroll had frames to
 *  start), in the reading direction (`sign` -1 right to left). */
async function restingPlace(track: Locator, sign: number) {
  await track.page().waitForTimeout(150);
  let last = NaN;
  for (;;) {
    const now = await track.evaluate((t) => t.scrollLeft);
    if (Math.abs(now - last) < 0.5) return Math.round(now * sign);
    last = now;
    await track.page().waitForTimeout(200);
  }
}

// A shopper who clicks or presses faster than the smooth scroll: each press pages on from where the last one goes, not
// from where the scroll happens to be (which landed a page and a half on, or did not wrap). Every press count, gap and
// direction mix ends on the page that many presses show: the same answer for any timing, since a press either finds
// the scroll at rest or still on its way. Seven cards make a last page that is not full: previous from it shows the
// page next showed before it. A box of a fractional width makes pages that a rounded width would drift from.
for (const [width, dir, cards, box] of [[390, 'ltr', 12, ''], [1280, 'ltr', 12, ''], [390, 'rtl', 12, ''], [390, 'ltr', 7, ''], [390, 'ltr', 12, '358.4px']] as const) {
  test(`presses faster than the smooth scroll move one page each and wrap (${width} px, ${dir}, ${cards} cards${box && `, a ${box} box`})`, async ({ page, site, api }) => {
    test.slow(); // 18 sequences, each waited for until the track is at rest
    await serveImages(page);
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await page.setViewportSize({ width, height: 900 });
    await openStore(page, site, api, 'Home page', MANY, `<main dir="${dir}"><div style="width:${box || 'auto'}" data-dc-products="related" data-dc-layout="carousel" data-dc-items="${cards}"></div></main>`);
    await expect(page.locator('.dc-carousel .dc-card')).toHaveCount(cards);
    const track = page.locator('.dc-carousel__track');
    // The window's exact width: a box of a fractional width has its pages a fraction of a pixel wider than clientWidth.
    const { end, window: w } = await track.evaluate((t) => ({ end: t.scrollWidth - t.clientWidth, window: t.getBoundingClientRect().width }));
    const resting = () => restingPlace(track, dir === 'rtl' ? -1 : 1);
    // The pages the buttons show: one window apart from the start, then the end (a last page that is not full). A press
    // shows the next or the previous one; next at the end goes to the start, previous at the start to the end.
    const pages = [...Array(Math.ceil(end / w)).keys()].map((k) => k * w).filter((x) => x < end - 1).concat(end);
    const step = (at: number, by: number) => pages[(pages.indexOf(at) + by + pages.length) % pages.length]!;
    const press = { next: (at: number) => step(at, 1), prev: (at: number) => step(at, -1) };
    const buttons = { next: page.getByRole('button', { name: 'Next products' }), prev: page.getByRole('button', { name: 'Previous products' }) };
    const centre = async (name: 'next' | 'prev') => {
      const b = (await buttons[name].boundingBox())!;
      return [b.x + b.width / 2, b.y + b.height / 2] as const;
    };
    const points = { next: await centre('next'), prev: await centre('prev') };
    const runs: [string, number][] = [];
    for (const gap of [0, 40, 120]) {
      for (const presses of [['next', 'next'], ['next', 'next', 'next'], ['next', 'next', 'next', 'next', 'next', 'next', 'next'], ['next', 'next', 'prev'], ['prev', 'prev', 'prev', 'prev', 'next'], ['prev', 'prev', 'prev', 'next']] as const) {
        await track.evaluate((t) => t.scrollTo({ left: 0, behavior: 'instant' }));
        await resting();
        let at = 0;
        for (const name of presses) {
          await page.mouse.click(...points[name]);
          if (gap) await page.waitForTimeout(gap);
          at = press[name](at);
        }
        runs.push([`${presses.join(',')} ${gap} ms apart`, (await resting()) - at]);
      }
    }
    // Off by at most a pixel (a fractional scroll position), in every run.
    expect(runs.filter(([, off]) => Math.abs(off) > 1)).toEqual([]);
  });
}

// The browser tells of a scroll's end (scrollend) up to a frame after the track stops: a press made in that frame
// starts a scroll of its own, and the late event comes right after it. It must not cancel the press's target, or the
// next press pages on from where the track is and one press is lost (seen in about 3% of bursts of real clicks 35-75
// ms apart). The event is sent here in exactly that place, in both directions.
for (const dir of ['ltr', 'rtl'] as const) {
  test(`a scrollend that comes after the next press has begun loses no press (${dir})`, async ({ page, site, api }) => {
    await serveImages(page);
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await page.setViewportSize({ width: 390, height: 900 });
    await openStore(page, site, api, 'Home page', MANY, `<main dir="${dir}"><div data-dc-products="related" data-dc-layout="carousel" data-dc-items="12"></div></main>`);
    await expect(page.locator('.dc-carousel .dc-card')).toHaveCount(12);
    const track = page.locator('.dc-carousel__track');
    const w = await track.evaluate((t) => t.clientWidth);
    const sign = dir === 'rtl' ? -1 : 1;
    await track.evaluate((t) => {
      const next = t.parentElement!.querySelector<HTMLElement>('.dc-carousel__button--next')!;
      next.click();
      t.dispatchEvent(new Event('scrollend'));
      next.click();
    });
    expect(await restingPlace(track, sign)).toBe(2 * w);
    // A scroll that takes over from a press's and ends somewhere else (a swipe, which takes longer than a frame) ends
    // the run of presses: the next press pages on from where the track is, not from where that press was going.
    await track.evaluate(async (t, left) => {
      t.parentElement!.querySelector<HTMLElement>('.dc-carousel__button--next')!.click();
      await new Promise((done) => setTimeout(done, 200));
      t.scrollTo({ left, behavior: 'instant' });
    }, sign * w);
    expect(await restingPlace(track, sign)).toBe(w);
    await page.getByRole('button', { name: 'Next products' }).click();
    expect(await restingPlace(track, sign)).toBe(2 * w);
  });
}

// Tab scrolls the page just enough to show the focused element's box: without a margin, a card coming up from below
// the window stops with its edge on the window's, and its focus ring (outside the box) is cut off.
test('Tab into a carousel below the window on a phone: the focused card\'s whole focus ring is in the window', async ({ page, site, api }) => {
  await serveImages(page);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.setViewportSize(VIEWPORTS.phone);
  await openStore(page, site, api, 'Home page', MANY, '<main><h1>Shop</h1><a href="#top">start</a><div style="height:1600px"></div><div data-dc-products="related" data-dc-layout="carousel" data-dc-items="12"></div><a href="#end">end</a></main>');
  // The carousel's top part in the window (its previous button too), its cards' bottom edges below it.
  await page.locator('.dc-carousel__track').evaluate((t) => scrollTo(0, scrollY + t.getBoundingClientRect().top - innerHeight + 160));
  await page.locator('a[href="#top"]').evaluate((a) => a.focus({ preventScroll: true }));
  await page.keyboard.press('Tab'); // previous, in view
  await page.keyboard.press('Tab'); // the first card, partly below the window
  const ring = await page.evaluate(() => {
    const a = document.activeElement!;
    const r = a.getBoundingClientRect();
    const s = getComputedStyle(a);
    const out = parseFloat(s.outlineWidth) + parseFloat(s.outlineOffset);
    return { card: a.classList.contains('dc-card__link'), top: r.top - out, bottom: r.bottom + out, window: innerHeight };
  });
  expect(ring.card).toBe(true);
  expect(ring.top).toBeGreaterThanOrEqual(0);
  expect(ring.bottom).toBeLessThanOrEqual(ring.window);
});

test('a new answer without the focused card (a single-page route): focus stays in its carousel, not on the page', async ({ page, site, api }) => {
  await serveImages(page);
  await openStore(page, site, api, 'Home page', MANY, '<aside><div data-dc-products="related" data-dc-layout="carousel"></div></aside><main id="view"></main>');
  await expect(page.locator('.dc-card')).toHaveCount(12);
  await page.locator('.dc-card__link').nth(2).focus();
  // The next route's answer has other products: the focused card is gone.
  const others = { ...MANY, related_product_skus: MANY.related_product_skus.map((p) => ({ ...p, product_id: `n-${p.product_id}`, link: `/product/n-${p.product_id}` })) };
  api.respond((req) => (req.json?.event?.type === 'pageview' ? { status: 200, body: others } : undefined));
  await page.evaluate(() => window.datacue.page({ page_type: 'home' }));
  await expect(page.locator('[data-dc-product="n-p1"]')).toHaveCount(1);
  expect(await page.evaluate(() => document.activeElement?.closest('[data-dc-products]') ? document.activeElement.getAttribute('data-dc-product') : document.activeElement?.tagName)).toBe('n-p1');
});

for (const width of [390, 1280]) {
  test(`standard banners at ${width} px: Tab goes through them in the order they are seen`, async ({ page, site, api }) => {
    await serveImages(page);
    await page.setViewportSize({ width, height: 900 });
    await openStore(page, site, api, 'Home page', SAMPLES.home, '<main><a href="#top">start</a><div data-dc-banners data-dc-static-img="/banners/static-banner.svg" data-dc-static-link="/sale"></div></main>');
    const banners = page.locator('[data-dc-banners] a');
    await expect(banners).toHaveCount(3);
    await page.locator('a[href="#top"]').focus();
    const seen: { top: number; left: number }[] = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      seen.push(await page.evaluate(() => {
        const r = document.activeElement!.getBoundingClientRect();
        return { top: Math.round(r.top), left: Math.round(r.left) };
      }));
    }
    // Row by row, left to right (on a phone the wide banner is above the two narrow ones).
    const asSeen = [...seen].sort((a, b) => a.top - b.top || a.left - b.left);
    expect(seen).toEqual(asSeen);
    expect(new Set(seen.map((p) => `${p.top},${p.left}`)).size).toBe(3);
  });
}

// Two cards fit on a carousel's first page at any width (2 on a phone, 4 wider): no paging, so its buttons are hidden
// in their place (the cards keep the width their box was held for). Three need paging on a phone, so they keep them
// at every width: a window resized or a phone turned never strands a card without its buttons.
for (const width of [390, 1280]) {
  test(`a carousel that fits its first page at any width hides its buttons in place (${width} px)`, async ({ page, site, api }) => {
    await serveImages(page);
    await page.setViewportSize({ width, height: 900 });
    const answer = (n: number) => ({ ...SAMPLES.home, related_product_skus: MANY.related_product_skus.slice(0, n) });
    const buttons = page.getByRole('button', { name: /(Previous|Next) products/ });
    await openStore(page, site, api, 'Home page', answer(2), '<main><div data-dc-products="related" data-dc-layout="carousel"></div></main>');
    await expect(page.locator('.dc-carousel .dc-card')).toHaveCount(2);
    await expect(buttons).toHaveCount(0);
    await expect(page.locator('.dc-carousel__button')).toHaveCount(2);
    const [carousel, track] = [await page.locator('.dc-carousel').boundingBox(), await page.locator('.dc-carousel__track').boundingBox()];
    expect(track!.x - carousel!.x).toBe(width > 640 ? 40 : 0); // on a phone the buttons lie over the track
    // Resized past the phone breakpoint either way, two cards still fit: nothing to page to.
    await page.setViewportSize({ width: width > 640 ? 390 : 1280, height: 900 });
    expect(await page.locator('.dc-carousel__track').evaluate((t) => t.scrollWidth > t.clientWidth)).toBe(false);
    await openStore(page, site, api, 'Home page', answer(3), '<main><div data-dc-products="related" data-dc-layout="carousel"></div></main>');
    await expect(page.locator('.dc-carousel .dc-card')).toHaveCount(3);
    await expect(buttons).toHaveCount(2);
  });
}

/** Twelve discounted products: every card carries a visually hidden "Was" label; the first has a long word for a name
 *  and five-digit prices. The section's title (the dashboard's) is one word wider than a phone. */
const DISCOUNTED = {
  ...SAMPLES.home,
  related_product_skus: MANY.related_product_skus.map((p, i) =>
    i ? { ...p, full_price: p.price + 50 } : { ...p, name: 'Kitchenorganizerset Deluxe', price: 12345.5, full_price: 15999 },
  ),
  config: { sections: [{ name: 'related', title: 'Wohnzimmereinrichtungsempfehlungen-Schlafzimmermoebelauswahl' }] },
};

for (const width of [320, 360, 390, 768, 1280]) {
  test(`nothing overflows the page at ${width} px: carousel of discounted products, grid two cards a row at least`, async ({ page, site, api }) => {
    await serveImages(page);
    await page.setViewportSize({ width, height: 800 });
    await openStore(page, site, api, 'Home page', DISCOUNTED, '<main><div data-dc-products="related" data-dc-layout="carousel" data-dc-items="12"></div><div data-dc-products="related" data-dc-layout="grid" data-dc-items="4"></div></main>');
    await expect(page.locator('.dc-carousel .dc-card')).toHaveCount(12);
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
    // In a 16 px margin (the body's 8 and 8 more), no card's name or price is cut at its side: it wraps instead.
    await page.locator('main').evaluate((m) => (m.style.margin = '0 8px'));
    const cut = await page.locator('.dc-card__name, .dc-card__price > *').evaluateAll((els) =>
      els.filter((e) => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > e.closest('.dc-card')!.getBoundingClientRect().right + 1).map((e) => e.textContent),
    );
    expect(cut).toEqual([]);
    // Items per page: 2 on a phone, 4 on a wider screen (the section's --dc-per-page-* when the dashboard sets them).
    const perPage = await page.locator('.dc-carousel__track').evaluate((t) => {
      const card = t.querySelector('.dc-card')!.getBoundingClientRect().width;
      return Math.round((t.clientWidth + 16) / (card + 16));
    });
    expect(perPage).toBe(width > 640 ? 4 : 2);
    // On a phone the buttons lie over the track's ends, so its cards get the whole width (beside it, two cards were
    // 86 px at 320 px, and names broke inside words); wider, they sit beside it.
    const [carousel, prev, track, next] = await page.locator('.dc-carousel, .dc-carousel__track, .dc-carousel__button').evaluateAll((els) => els.slice(0, 4).map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    expect(track!.width).toBe(width > 640 ? carousel!.width - 80 : carousel!.width);
    expect([prev!.left, next!.right]).toEqual([carousel!.left, carousel!.right]);
    expect(await page.locator('.dc-section__title').first().textContent()).toMatch(/^Wohnzimmer/);
    const tops = await page.locator('.dc-grid .dc-card').evaluateAll((cards) => cards.map((c) => Math.round(c.getBoundingClientRect().top)));
    expect(tops[0]).toBe(tops[1]);
    if (width <= 640) {
      // A page's own setting wins: three per page.
      await page.locator('[data-dc-products][data-dc-layout="carousel"]').evaluate((e) => e.style.setProperty('--dc-per-page-mobile', '3'));
      expect(await page.locator('.dc-carousel__track').evaluate((t) => Math.round((t.clientWidth + 16) / (t.querySelector('.dc-card')!.getBoundingClientRect().width + 16)))).toBe(3);
    }
  });
}

test('images: above the fold the banners load at once with high priority, the carousel its first page (the rest as it comes near); below the fold everything waits', async ({ page, site, api }) => {
  await serveImages(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  const requested: string[] = [];
  page.on('request', (r) => void (/\.svg$/.test(r.url()) && requested.push(new URL(r.url()).pathname)));
  // 24 products: the last is many pages of the carousel away, beyond any distance the browser fetches ahead.
  const products = Array.from({ length: 24 }, (_, i) => ({ product_id: `p${i + 1}`, name: `Walnut Chair ${i + 1}`, price: 100 + i, photo_url: `/products/chair-${i + 1}.svg`, link: `/product/chair-${i + 1}` }));
  await openStore(page, site, api, 'Home page', { ...MANY, related_product_skus: products }, `<div data-dc-banners data-dc-static-img="/banners/static-banner.svg"></div>
<div data-dc-products="related" data-dc-layout="carousel" data-dc-items="24"></div>
<div style="height:3000px"></div><div data-dc-products="recent" data-dc-layout="grid"></div><div data-dc-main-insert-banner="1"></div>`);
  await expect(page.locator('.dc-section--related .dc-card')).toHaveCount(24);
  const images = (selector: string) => page.locator(selector).evaluateAll((list) => list.map((i) => `${i.getAttribute('loading')} ${i.getAttribute('fetchpriority')}`));
  const banners = await images('[data-dc-banners] img');
  expect(banners.length).toBeGreaterThan(0);
  expect(banners).toEqual(banners.map(() => 'eager high'));
  expect(await images('[data-dc-products="related"] img')).toEqual([...Array(4).fill('eager null'), ...Array(20).fill('lazy null')]);
  expect(await images('[data-dc-main-insert-banner] img')).toEqual(['lazy null']);
  await settled(page);
  // The first page at once; later pages as they come near (Chromium fetches the next few cards of a scroller early).
  const chairs = requested.filter((p) => p.startsWith('/products/chair-'));
  expect(chairs).toEqual(expect.arrayContaining([1, 2, 3, 4].map((n) => `/products/chair-${n}.svg`)));
  expect(chairs).not.toContain('/products/chair-24.svg');
});

test('no smooth scrolling under prefers-reduced-motion', async ({ page, site, api }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openStore(page, site, api, 'Home page', MANY, '<div data-dc-products="related" data-dc-layout="carousel"></div>');
  expect(await page.locator('.dc-carousel__track').evaluate((e) => getComputedStyle(e).scrollBehavior)).toBe('auto');
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  expect(await page.locator('.dc-carousel__track').evaluate((e) => getComputedStyle(e).scrollBehavior)).toBe('smooth');
});

test('layout shift while the widgets load: boxes hold their size before images arrive (CLS reported)', async ({ page, site, api }) => {
  await serveImages(page, 1500);
  await page.addInitScript(() => {
    const w = window as unknown as { cls: number };
    w.cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) w.cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  // A store page as stores lay them out: header, banners, products, then the store's own content below.
  await openStore(page, site, api, 'Home page', MANY, `<header style="height:80px">Store</header>${EVERY_PLACEHOLDER}<footer style="height:400px">footer</footer>`);
  await expect(page.locator('.dc-card')).not.toHaveCount(0);
  const boxes = await page.locator('.dc-banner--wide, .dc-banner--narrow, .dc-card__media').evaluateAll((els) =>
    els.map((e) => ({ h: e.getBoundingClientRect().height, loaded: (e.querySelector('img') as HTMLImageElement | null)?.complete ?? false })),
  );
  // Images still on their way, yet every box already has its final height.
  expect(boxes.filter((b) => !b.loaded).length).toBeGreaterThan(0);
  expect(boxes.filter((b) => b.h < 50)).toEqual([]);
  const before = await page.locator('main').evaluate((e) => e.getBoundingClientRect().height);
  await settled(page);
  expect(await page.locator('main').evaluate((e) => e.getBoundingClientRect().height)).toBe(before);
  const cls = await page.evaluate(() => (window as unknown as { cls: number }).cls);
  test.info().annotations.push({ type: 'CLS', description: cls.toFixed(4) });
  console.log(`CLS while widgets load: ${cls.toFixed(4)}`);
});

for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['mobile', { width: 390, height: 844 }]] as const) {
  test(`screenshot: every widget at ${name} width`, async ({ page, site, api }) => {
    await serveImages(page);
    await page.setViewportSize(viewport);
    await openStore(page, site, api, 'Home page', MANY, `<style>body{font-family:system-ui,sans-serif;margin:0 auto;max-width:1200px;padding:0 16px}.custom-banners{display:flex;gap:16px}.custom-banners>div{flex:2}.custom-banners>[data-dc-main-insert-banner]{flex:5}.custom-banners>:empty{display:none}</style>${EVERY_PLACEHOLDER}`);
    await expect(page.locator('.dc-card')).not.toHaveCount(0);
    // Lazy images load as the shopper scrolls: scroll through, as a shopper would, before the full-page shot.
    for (let y = 0; y < 6000; y += 500) await page.mouse.wheel(0, 500);
    await settled(page);
    await imagesDecoded(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: resolve(ROOT, `docs/screenshots/widgets-${name}.png`), fullPage: true });
  });
}
