// Waiting for a page's requests to end. Playwright's own 'networkidle' can hang for good (microsoft/playwright#42598,
// unfixed in 1.65): after it has fired, a request that opens and closes before the next load event leaves no timer to
// fire it again. CI met that three times. This counts the requests from Playwright's request events instead.
import type { BrowserContext, Page, Request } from '@playwright/test';

const QUIET_MS = 500;
const GIVE_UP_MS = 20_000;

interface Traffic {
  open: Set<Request>;
  changedAt: number;
}
const traffic = new WeakMap<Page, Traffic>();

function watch(page: Page): void {
  const t: Traffic = { open: new Set(), changedAt: Date.now() };
  traffic.set(page, t);
  const opened = (r: Request) => {
    // A stream stays open while the page lives (the QA view's): as for Playwright's own, it is not waited for.
    if (r.resourceType() === 'eventsource') return;
    t.open.add(r);
    t.changedAt = Date.now();
  };
  const ended = (r: Request) => {
    t.open.delete(r);
    t.changedAt = Date.now();
  };
  page.on('request', opened);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
}

/** The `context` fixture of this project's tests: the requests of every page it opens are counted for `settled`. */
export async function countedContext({ context }: { context: BrowserContext }, use: (c: BrowserContext) => Promise<void>) {
  context.on('page', watch);
  await use(context);
}

/** Resolves once the page has loaded and none of its requests has been open for 500 ms (what 'networkidle' means). */
export async function settled(page: Page): Promise<void> {
  const t = traffic.get(page);
  if (!t) throw new Error("settled(): this page's requests are not counted: its context is not the tests' `context` fixture");
  await page.waitForLoadState('load');
  const giveUpAt = Date.now() + GIVE_UP_MS;
  for (;;) {
    const quietFor = Date.now() - t.changedAt;
    if (t.open.size === 0 && quietFor >= QUIET_MS) return;
    // Bounded, so that a request that never ends is named rather than waited on after the test is over.
    if (page.isClosed()) throw new Error('settled(): the page was closed');
    if (Date.now() > giveUpAt) {
      const open = [...t.open].map((r) => `${r.method()} ${r.url()}`).join(', ');
      throw new Error(`settled(): the page's requests did not end within ${GIVE_UP_MS} ms; open: ${open || 'none, but new ones kept starting'}`);
    }
    await new Promise((wake) => setTimeout(wake, t.open.size ? 50 : QUIET_MS - quietFor));
  }
}
