// The single-page store: the npm ESM build through an import map, client-side routes, one page event per route,
// and widgets that re-render from each route's response.
import { test, expect, anonymousId, eventsOf } from './support/demo-store';
import { holdAnswers } from './support/hold-answers';
import { painted, watchShifts } from './support/shifts';

const pageEvents = (r: { type?: string }) => r.type === 'pageview' || r.type === 'search';

test("the SPA's route changes send page events and re-render the widgets, without reloading", async ({ page, demo, errors }) => {
  const scripts: string[] = [];
  page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
  const answered = page.waitForResponse(`${demo.url}/api/events`);
  await page.goto(`${demo.url}/spa`);
  await answered;
  const visitor = await anonymousId(page.context());

  // The npm build, not the script-tag build.
  expect(scripts).toEqual(expect.arrayContaining(['/dist/esm/index.js', '/dist/esm/widgets.js']));
  expect(scripts).not.toContain('/dist/datacue.js');
  expect(scripts).not.toContain('/dist/datacue-storefront.js');
  expect(await page.evaluate(() => 'datacue' in window)).toBe(false);
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

  // Home → a room → a product → another product through a recommendation → back.
  const sections = page.locator('[data-dc-products] .dc-section');
  await expect(sections.first()).toBeVisible();
  await page.getByRole('navigation', { name: 'Rooms' }).getByRole('link', { name: 'Living room' }).click();
  await expect(page).toHaveURL(`${demo.url}/spa/category/living-room`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Living room');
  // The widgets re-rendered from the category's response: its "top" section, once.
  await expect(page.locator('[data-dc-products] .dc-section--top')).toHaveCount(1);
  await page.getByRole('link', { name: 'Soft Three-Seat Sofa' }).first().click();
  await expect(page).toHaveURL(`${demo.url}/spa/product/soft-three-seat-sofa`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Soft Three-Seat Sofa');
  await expect(page.locator('[data-dc-products] .dc-section--similar')).toHaveCount(1);
  await expect(page.locator('[data-dc-products] .dc-section--top')).toHaveCount(0);
  await page.getByRole('link', { name: 'Navy' }).click();
  await expect(page).toHaveURL(`${demo.url}/spa/product/soft-three-seat-sofa?variant=navy`);
  await page.goBack();
  await expect(page).toHaveURL(`${demo.url}/spa/product/soft-three-seat-sofa`);
  await page.getByRole('searchbox', { name: 'Search the store' }).fill('lamp');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(`${demo.url}/spa/search?q=lamp`);

  const sent = (await eventsOf(demo, visitor, 6, pageEvents)).map((r) => r.request.body.event);
  expect(sent).toEqual([
    { type: 'pageview', subtype: 'home' },
    expect.objectContaining({ type: 'pageview', subtype: 'category', category_id: 'living-room', category_update: { name: 'Living room', link: '/category/living-room' } }),
    expect.objectContaining({ type: 'pageview', subtype: 'product', product_id: 'p10', product_update: expect.any(Array) }),
    expect.objectContaining({ type: 'pageview', subtype: 'product', product_id: 'p10', variant_id: 'navy' }),
    expect.objectContaining({ type: 'pageview', subtype: 'product', product_id: 'p10' }),
    { type: 'search', term: 'lamp' },
  ]);
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  expect(errors).toEqual([]);
});

test('a new route of the SPA: its placeholders hold their boxes and show the static banner while its answer is on its way; nothing shifts when it comes', async ({ page, demo, errors }) => {
  await watchShifts(page);
  const answers = await holdAnswers(page, `${demo.url}/api/events`);
  const shifts = () => page.evaluate(() => window.shifts.filter((s) => !s.recentInput).reduce((sum, s) => sum + s.value, 0));
  const banners = page.locator('[data-dc-banners]');
  const slot = page.locator('[data-dc-main-insert-banner="1"]');

  await page.goto(`${demo.url}/spa`);
  // Home before its answer: the static banner, in the box the banners will fill.
  await expect(banners.locator('img')).toHaveCount(1);
  expect(await banners.locator('img').getAttribute('src')).toMatch(/static/);
  expect((await banners.boundingBox())!.height).toBeGreaterThan(100);
  answers.release();
  await expect(page.locator('[data-dc-products] .dc-card').first()).toBeVisible();

  // A room before its answer: the insert-banner slot and the recommendations already hold their boxes.
  answers.hold();
  await page.getByRole('navigation', { name: 'Rooms' }).getByRole('link', { name: 'Living room' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Living room');
  await expect.poll(async () => (await slot.boundingBox())?.height ?? 0).toBeGreaterThan(100);
  const products = await page.locator('[data-dc-products]').evaluate((el) => el.getBoundingClientRect().height);
  expect(products).toBeGreaterThan(100);
  // Past the 500 ms after the click in which a shift does not count: the answer's shift, if any, would count.
  await page.waitForTimeout(600);
  const before = await shifts();
  answers.release();
  await expect(slot.locator('img')).toHaveCount(1);
  await expect(page.locator('[data-dc-products] .dc-section--top .dc-card').first()).toBeVisible();
  await painted(page);
  expect(await shifts()).toBe(before);
  expect(errors).toEqual([]);
});
