// Shopper journeys over the running demo store: what an anonymous visitor browses comes back in the widgets, and a
// click on a recommendation is recorded once, on the next page. Also the README's screenshots.
import { resolve } from 'node:path';
import { test, expect, anonymousId, eventsOf, isEvent, visit } from './support/demo-store';
import { ROOT } from './support/servers';
import { imagesDecoded } from './support/images';
import { settled } from './support/network';

// Many page loads each: the machine these run on may be busy.
test.describe.configure({ timeout: 90_000 });

const SOFAS = ['soft-three-seat-sofa', 'contemporary-sofa', 'wicker-outdoor-sofa'];

test('an anonymous visitor views three sofas and sees them in "Recently viewed", sofas recommended', async ({ page, demo, errors }) => {
  for (const slug of SOFAS) await visit(page, demo, `/product/${slug}`);
  await visit(page, demo, '/');
  // Each viewed sofa shows once: in "Recently viewed", unless a section above it already shows it (one product once).
  await expect(page.locator('[data-dc-products] .dc-section--recent .dc-card')).not.toHaveCount(0);
  const shown = await page.locator('[data-dc-products] .dc-card__name').allTextContents();
  for (const name of ['Wicker Outdoor Sofa', 'Contemporary Sofa', 'Soft Three-Seat Sofa']) expect(shown.filter((n) => n === name)).toHaveLength(1);
  // The anonymous visitor's history drives the rest too: sofas among the recommendations for them.
  await expect(page.locator('[data-dc-products] .dc-section--related .dc-card__name').filter({ hasText: /Sofa|Loveseat|Armchair/ }).first()).toBeVisible();
  const visitor = await anonymousId(page.context());
  const views = await eventsOf(demo, visitor, 3, isEvent('pageview', 'product'));
  expect(views.every((r) => r.user_id === undefined)).toBe(true);
  expect(errors).toEqual([]);
});

test('a click on a recommendation is recorded once, on the next page', async ({ page, demo, errors }) => {
  await visit(page, demo, '/product/round-coffee-table');
  await visit(page, demo, '/');
  const visitor = await anonymousId(page.context());
  const card = page.locator('[data-dc-products] .dc-section--related .dc-card__link').first();
  const productId = await card.getAttribute('data-dc-product');
  const href = await card.getAttribute('href');
  const clicks = () => demo.records().filter((r) => r.anonymous_id === visitor && r.type === 'click');
  expect(clicks()).toEqual([]);

  const next = page.waitForResponse((r) => r.url() === `${demo.url}/api/events` && r.request().postDataJSON()?.event?.type === 'pageview');
  await card.click();
  await next;
  await expect(page).toHaveURL(demo.url + href);
  const [click] = await eventsOf(demo, visitor, 1, isEvent('click', 'related'));
  expect(click!.request.body.event).toEqual({ type: 'click', subtype: 'related', product_id: productId });
  // Recorded after the click's page was left: the next page's own pageview went first.
  const nextView = demo.records().filter((r) => r.anonymous_id === visitor && r.type === 'pageview').at(-1)!;
  expect(click!.seq).toBeGreaterThan(nextView.seq);

  await visit(page, demo, '/cart');
  await settled(page);
  expect(clicks()).toHaveLength(1);
  expect(errors).toEqual([]);
});

test('screenshots of the home page, a product page and the QA view', async ({ page, demo }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const slug of SOFAS) await visit(page, demo, `/product/${slug}`);
  const shoot = async (name: string) => {
    await settled(page);
    await imagesDecoded(page);
    await page.screenshot({ path: resolve(ROOT, `docs/screenshots/${name}.png`) });
  };
  await visit(page, demo, '/');
  await shoot('demo-home');
  await visit(page, demo, '/product/soft-three-seat-sofa');
  await shoot('demo-product');
  await page.goto(`${demo.url}/qa`);
  const row = page.locator('tbody[data-rows] tr').first();
  await expect(row).toBeVisible();
  await row.click(); // its full request and response beside the list
  await shoot('demo-qa');
});
