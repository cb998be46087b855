// The QA view lists what the store sent, live, with filters and each event's full request and response.
import { test, expect, anonymousId, visit } from './support/demo-store';

test('the QA view lists what was sent, updates without reloading, filters, and shows requests, responses and refusals', async ({ page, context, demo, errors }) => {
  await visit(page, demo, '/');
  const visitor = await anonymousId(context);

  const qa = await context.newPage();
  await qa.goto(`${demo.url}/qa?visitor=${visitor}`);
  await expect(qa.locator('[data-connection]')).toHaveText('live');
  await qa.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  const rows = qa.locator('[data-rows] tr');
  // The status cell itself: a row's time (11:59:38.400) may hold the same digits.
  const STATUS = 'td.status';
  const status = (row: typeof rows) => row.locator(STATUS);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('pageview/home');
  await expect(status(rows.first())).toHaveText('200');
  await expect(rows.first()).toContainText(visitor);
  await expect(rows.first()).toContainText(/main_banners 1 · sub_banners 2 · related 8 · recent 0/);

  // The shopper goes on; the rows arrive in the open QA view, newest first.
  await visit(page, demo, '/search?q=lamp');
  await page.getByRole('link', { name: 'Arc Floor Lamp' }).first().click();
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('pageview/product');
  await expect(rows.nth(1)).toContainText('search');

  // A refused request shows with its reason.
  const refused = await qa.request.post(`${demo.url}/api/events`, {
    headers: { authorization: `Basic ${Buffer.from('datacue-demo-key:').toString('base64')}` },
    data: { user: { anonymous_id: visitor }, event: { type: 'wishlist', subtype: 'add' } },
  });
  expect(refused.status()).toBe(400);
  await expect(rows).toHaveCount(4);
  await expect(status(rows.nth(0))).toHaveText('400');
  await expect(rows.nth(0)).toContainText('event.product_id: expected a non-empty string');

  // Filters: by event type, and by status.
  await qa.locator('select[name=type]').selectOption('search');
  await expect(rows).toHaveCount(1);
  await expect(qa).toHaveURL(/type=search/);
  await qa.locator('select[name=type]').selectOption('');
  await qa.locator('select[name=status]').selectOption('rejected');
  await expect(rows).toHaveCount(1);
  await qa.getByRole('button', { name: 'Clear filters' }).click();
  await expect(qa.locator('[data-shown]')).toContainText(/^\d+ of \d+ events$/);

  // The detail: full request (headers, body) and response; for the refusal, the reason on top.
  await qa.getByLabel('Visitor').fill(visitor);
  await rows.filter({ hasText: 'search' }).getByRole('button').click();
  const detail = qa.locator('[data-detail]');
  await expect(detail).toContainText('Request: POST /api/events');
  await expect(detail).toContainText('"term": "lamp"');
  await expect(detail).toContainText(`"anonymous_id": "${visitor}"`);
  await expect(detail).toContainText('Response: 200');
  await expect(detail).toContainText('"recent_product_skus"');
  await rows.filter({ has: qa.locator(STATUS, { hasText: /^400$/ }) }).getByRole('button').click();
  await expect(detail.locator('.reason')).toHaveText(/^Rejected: event\.product_id: expected a non-empty string/);
  await expect(detail).toContainText('"subtype":"add"');

  expect(await qa.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  expect(errors).toEqual([]);
});

test('the QA view shows names and bodies as text, whatever was posted', async ({ page, demo }) => {
  const marker = `x<img src=x onerror="window.hacked=1">`;
  await page.request.post(`${demo.url}/api/events`, {
    headers: { authorization: `Basic ${Buffer.from('datacue-demo-key:').toString('base64')}` },
    data: { user: { anonymous_id: marker }, event: { type: marker } },
  });
  await page.goto(`${demo.url}/qa?visitor=${encodeURIComponent(marker)}`);
  await expect(page.locator('[data-rows] tr')).toHaveCount(1);
  await page.locator('[data-rows] tr button').click();
  await expect(page.locator('[data-detail]')).toContainText(marker);
  expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
  expect(await page.locator('[data-rows] img, [data-detail] img').count()).toBe(0);
});
