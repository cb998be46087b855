import { test, expect, routeDatacueHosts } from './support/fixtures';
import { snippet } from './support/reference';

test('home snippet sends a pageview', async ({ page, site, api, errors }) => {
  await routeDatacueHosts(page, site, api);
  await page.goto(site.page('/', `<!doctype html><html><head>${snippet('Home page')}</head><body>home</body></html>`));
  const [req] = await api.waitFor(1);
  expect(req!.json.event).toEqual({ type: 'pageview', subtype: 'home' });
  expect(errors).toEqual([]);
});
