// Holds the events API's answers back until the test lets them go, however the requests and the release interleave.
import type { Page } from '@playwright/test';

export async function holdAnswers(page: Page, url: string, { holding = true } = {}) {
  const waiting: (() => void)[] = [];
  await page.route(url, async (route) => {
    // Preflights pass: only the events wait.
    if (holding && route.request().method() === 'POST') await new Promise<void>((go) => waiting.push(go));
    // To a route registered before this one (one that answers the DataCue hosts), else to the server.
    await route.fallback();
  });
  return {
    hold: () => void (holding = true),
    release: () => {
      holding = false;
      waiting.splice(0).forEach((go) => go());
    },
  };
}

/** Answers the events API `ms` late (preflights too): the page is parsed, and its boxes held, before the answer. */
export const answerLate = (page: Page, url: string, ms: number) =>
  page.route(url, async (route) => {
    await new Promise((done) => setTimeout(done, ms));
    await route.fallback();
  });
