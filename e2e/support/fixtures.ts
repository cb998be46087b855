// Playwright fixtures: a site and an events API per test, and the CDN and events host answered by them locally.
import { test as base, type Page, type Route } from '@playwright/test';
import { countedContext } from './network';
import { startEventsApi, startSite, type EventsApi, type Site } from './servers';

export const CDN = 'https://cdn.datacue.co/js/';
export const EVENTS = 'https://events.datacue.co/';

/**
 * Lets a page keep the reference's tags unchanged: the CDN scripts are served from this repository's dist/, and
 * requests to https://events.datacue.co/ are forwarded to the local stand-in (the request reaches a real server).
 */
export async function routeDatacueHosts(page: Page, site: Site, api: EventsApi): Promise<void> {
  const forward = (to: (url: string) => string) => async (route: Route) => {
    try {
      await route.fulfill({ response: await route.fetch({ url: to(route.request().url()) }) });
    } catch {
      // The test ended (page closed) while a request was in flight: nothing is waiting for the answer.
    }
  };
  await page.context().route(`${CDN}*`, forward((url) => `${site.url}/dist/${new URL(url).pathname.split('/').pop()}`));
  await page.context().route(`${EVENTS}**`, forward(() => api.url));
}

export const test = base.extend<{ site: Site; api: EventsApi; errors: Error[]; consoleLines: string[] }>({
  context: countedContext,
  site: async ({}, use) => {
    const site = await startSite();
    await use(site);
    await site.close();
  },
  api: async ({}, use) => {
    const api = await startEventsApi();
    await use(api);
    await api.close();
  },
  // Uncaught page errors: every test can assert there were none.
  errors: async ({ page }, use) => {
    const errors: Error[] = [];
    page.on('pageerror', (e) => errors.push(e));
    await use(errors);
  },
  consoleLines: async ({ page }, use) => {
    const lines: string[] = [];
    page.on('console', (m) => lines.push(`${m.type()}: ${m.text()}`));
    await use(lines);
  },
});

export { expect } from '@playwright/test';
