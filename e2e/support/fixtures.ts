// Playwright fixtures: a site and an events API per test, and the CDN and events host answered by them locally.
import { test as base, type Page } from '@playwright/test';
import { startEventsApi, startSite, type EventsApi, type Site } from './servers';

export const CDN = 'https://cdn.datacue.co/js/';
export const EVENTS = 'https://events.datacue.co/';

/**
 * Lets a page keep the reference's tags unchanged: the CDN scripts are served from this repository's dist/, and
 * requests to https://events.datacue.co/ are forwarded to the local stand-in (the request reaches a real server).
 */
export async function routeDatacueHosts(page: Page, site: Site, api: EventsApi): Promise<void> {
  await page.context().route(`${CDN}*`, async (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    const response = await route.fetch({ url: `${site.url}/dist/${name}` });
    await route.fulfill({ response });
  });
  await page.context().route(`${EVENTS}**`, async (route) => {
    const response = await route.fetch({ url: api.url });
    await route.fulfill({ response });
  });
}

export const test = base.extend<{ site: Site; api: EventsApi; errors: Error[]; consoleLines: string[] }>({
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
