// The demo store for browser journeys: `node demo-store/server.mjs` started as `npm start` runs it, on a free port,
// with its own data folder, once per worker; and what its local events API recorded, read back from its journal.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { countedContext } from './network';
import { ROOT } from './servers';

/** One request the local events API received, as its journal (data/events.jsonl) keeps it. */
export interface DemoRecord {
  seq: number;
  at: string;
  request: { method: string; path: string; headers: Record<string, string>; size: number; body?: any; body_text?: string };
  status: number;
  response: any;
  user_id?: string;
  anonymous_id?: string;
  type?: string;
  subtype?: string;
}

export interface DemoStore {
  url: string;
  dataDir: string;
  /** Every record so far, oldest first. */
  records(): DemoRecord[];
  stop(): Promise<number | null>;
}

/** Starts `node demo-store/server.mjs` with its own data folder; `env` adds variables (e.g. DEMO_CONSENT_BANNER). */
export async function startDemoStore(env: Record<string, string> = {}): Promise<DemoStore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'demo-store-'));
  const child: ChildProcess = spawn(process.execPath, [resolve(ROOT, 'demo-store/server.mjs')], {
    env: { ...process.env, PORT: '0', DEMO_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((done, fail) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk;
      const address = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (address) done(address[0]);
    });
    child.once('exit', (code) => fail(new Error(`demo store exited (${code}) before listening: ${out}`)));
  });
  const exited = new Promise<number | null>((done) => child.once('exit', done));
  return {
    url,
    dataDir,
    records: () =>
      // No journal yet: nothing has arrived.
      (existsSync(join(dataDir, 'events.jsonl')) ? readFileSync(join(dataDir, 'events.jsonl'), 'utf8') : '')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line)),
    async stop() {
      child.kill('SIGTERM');
      const code = await exited;
      rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}

/** The runtime's anonymous id in this browser context (its first-party cookie). */
export async function anonymousId(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find((c) => c.name === 'datacue_aid');
  if (!cookie) throw new Error('no datacue_aid cookie yet: load a store page first');
  return cookie.value;
}

/** Test fixtures: `demo` (one store per worker), and `visitor` = this test's anonymous id after a first page. */
export const test = base.extend<{ errors: Error[] }, { demo: DemoStore }>({
  context: countedContext,
  demo: [
    async ({}, use) => {
      const demo = await startDemoStore();
      await use(demo);
      expect(await demo.stop()).toBe(0); // SIGTERM ends it cleanly, open QA streams included
    },
    { scope: 'worker' },
  ],
  // Uncaught page errors: every journey asserts there were none.
  errors: async ({ page }, use) => {
    const errors: Error[] = [];
    page.on('pageerror', (e) => errors.push(e));
    await use(errors);
  },
});

/**
 * Waits until the records of visitor `anonymousId` that pass `wanted` number `count` (what the browser sends arrives
 * asynchronously), and returns them; `timeout` for an event that waits out the tracker's retry back-off first.
 */
export async function eventsOf(demo: DemoStore, anonymous: string, count: number, wanted: (r: DemoRecord) => boolean = () => true, timeout?: number) {
  let found: DemoRecord[] = [];
  await expect
    .poll(() => (found = demo.records().filter((r) => r.anonymous_id === anonymous && wanted(r))).length, {
      message: `events of ${anonymous}`,
      ...(timeout ? { timeout } : {}),
    })
    .toBeGreaterThanOrEqual(count);
  return found;
}

export const isEvent = (type: string, subtype?: string) => (r: DemoRecord) => r.type === type && (subtype === undefined || r.subtype === subtype);

/** Opens a store page and waits for the answer to its page event (so the widgets have what they render). */
export async function visit(page: Page, demo: DemoStore, path: string) {
  const answered = page.waitForResponse((r) => r.url() === `${demo.url}/api/events` && /^(pageview|search)$/.test(r.request().postDataJSON()?.event?.type));
  await page.goto(demo.url + path);
  return answered;
}

export { expect };
