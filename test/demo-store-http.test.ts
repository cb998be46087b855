// The demo store over HTTP: /qa/settings (read, save, refuse), the config in every recommendations answer following
// the latest save, the cookie banner's config, the pages without tags and the login marker.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createApp } from '../demo-store/server/app.mjs';
import { DEFAULT_SETTINGS } from '../demo-store/server/dashboard.mjs';
import { API_KEY } from '../demo-store/shared/settings.mjs';

// Real servers and many requests each: the machine these run on may be busy.
vi.setConfig({ testTimeout: 30_000 });

const servers: Server[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((done) => s.close(done));
  }
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

async function start(env: Record<string, string> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'demo-http-'));
  dirs.push(dataDir);
  const app = await createApp({ dataDir, env });
  const server = createServer((req, res) => void app.handle(req, res));
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    dataDir,
    event: (event: object) =>
      fetch(`${base}/api/events`, {
        method: 'POST',
        headers: { authorization: `Basic ${Buffer.from(`${API_KEY}:`).toString('base64')}` },
        body: JSON.stringify({ user: { anonymous_id: 'visitor-1' }, event }),
      }),
    saveSettings: (body: unknown) =>
      fetch(`${base}/qa/settings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) }),
    page: (path: string, cookie = '') => fetch(base + path, { headers: { cookie }, redirect: 'manual' }),
  };
}

/** The `datacueConfig` a page sets, or null when it sets none. */
const configOf = (html: string) => {
  const m = /window\.datacueConfig = ([\s\S]*?);\n<\/script>/.exec(html);
  return m ? JSON.parse(m[1]!) : null;
};
const withSize = (size: number) => {
  const s = structuredClone(DEFAULT_SETTINGS) as any;
  s.dashboard.sections.forEach((x: { size: number }) => (x.size = size));
  return s;
};

describe('the dashboard settings over HTTP', () => {
  it('GET gives the saved settings; a valid POST saves them to the file and the next answer follows', async () => {
    const store = await start();
    expect(await (await store.page('/qa/settings')).json()).toEqual({ ...DEFAULT_SETTINGS, consent_banner_env: false });
    const home = await (await store.event({ type: 'pageview', subtype: 'home' })).json();
    expect(home.config.sections.map((s: { size: number }) => s.size)).toEqual([8, 8, 8, 8, 8]);
    expect(home.related_product_skus).toHaveLength(8);

    const res = await store.saveSettings(withSize(3));
    expect(res.status).toBe(200);
    expect((await res.json()).dashboard.sections[0].size).toBe(3);
    expect(JSON.parse(readFileSync(join(store.dataDir, 'settings.json'), 'utf8'))).toEqual(withSize(3));
    const after = await (await store.event({ type: 'pageview', subtype: 'home' })).json();
    expect(after.config.sections.map((s: { size: number }) => s.size)).toEqual([3, 3, 3, 3, 3]);
    expect(after.related_product_skus).toHaveLength(3);
  });

  it('every recommendations answer carries the config; an answer without recommendations (204) has no body', async () => {
    const store = await start();
    for (const event of [
      { type: 'pageview', subtype: 'home' },
      { type: 'pageview', subtype: 'product', product_id: 'p10' },
      { type: 'pageview', subtype: 'category', category_id: 'kitchen' },
      { type: 'pageview', subtype: 'cart' },
      { type: 'pageview', subtype: '404' },
      { type: 'search', term: 'oak' },
    ]) {
      const res = await store.event(event);
      expect(res.status).toBe(200);
      expect((await res.json()).config, JSON.stringify(event)).toMatchObject({ sections: expect.any(Array), show_fields: ['price', 'full_price'], locale: 'en-US' });
    }
    const login = await store.event({ type: 'login' });
    expect(login.status).toBe(204);
    expect(await login.text()).toBe('');
  });

  it('refuses bad settings with 400 naming each field, and malformed JSON, saving nothing', async () => {
    const store = await start();
    const bad = withSize(0);
    bad.dashboard.money_format = '<b>';
    const res = await store.saveSettings(bad);
    expect(res.status).toBe(400);
    const { errors } = await res.json();
    expect(errors.map((e: { field: string }) => e.field)).toEqual([
      ...[0, 1, 2, 3, 4].map((i) => `dashboard.sections[${i}].size`),
      'dashboard.money_format',
    ]);
    // Only JSON: a form another site posts (text/plain, no preflight) is refused.
    const form = await fetch(`${store.base}/qa/settings`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(withSize(2)) });
    expect(form.status).toBe(415);
    const broken = await store.saveSettings('{"dashboard":');
    expect(broken.status).toBe(400);
    expect((await broken.json()).errors[0].message).toMatch(/^settings: malformed JSON/);
    expect(JSON.parse(readFileSync(join(store.dataDir, 'settings.json'), 'utf8'))).toEqual(DEFAULT_SETTINGS);
  });
});

describe('the cookie banner', () => {
  it('off by default: no banner, no consent option', async () => {
    const store = await start();
    const html = await (await store.page('/')).text();
    expect(html).not.toContain('data-consent-banner');
    expect(configOf(html).options).toEqual({ events_url: '/api/events' });
  });

  it('on from DEMO_CONSENT_BANNER=1: pending until the shopper answers, then their answer', async () => {
    const store = await start({ DEMO_CONSENT_BANNER: '1' });
    expect((await (await store.page('/qa/settings')).json()).consent_banner_env).toBe(true);
    for (const path of ['/', '/product/compact-loveseat', '/category/kitchen', '/search?q=oak', '/cart', '/nope']) {
      const html = await (await store.page(path)).text();
      expect(configOf(html).options, path).toEqual({ events_url: '/api/events', consent: 'pending' });
      expect(html, path).toMatch(/<section class="consent-banner" aria-label="Cookie consent" data-consent-banner >/);
    }
    for (const choice of ['granted', 'denied']) {
      const html = await (await store.page('/', `demo_consent=${choice}`)).text();
      expect(configOf(html).options.consent).toBe(choice);
      expect(html).toMatch(/data-consent-banner hidden>/); // there to reopen from "Cookie settings"
    }
    expect(configOf(await (await store.page('/', 'demo_consent=yes')).text()).options.consent).toBe('pending');
    expect(await (await store.page('/spa', 'demo_consent=granted')).text()).toContain('<meta name="demo-consent" content="granted">');
  });

  it('on from the settings saved in /qa', async () => {
    const store = await start();
    expect((await store.saveSettings({ ...DEFAULT_SETTINGS, consent_banner: true })).status).toBe(200);
    expect(configOf(await (await store.page('/')).text()).options.consent).toBe('pending');
  });
});

describe('pages where sensitive data is typed, and log in', () => {
  const CART = `demo_cart=${encodeURIComponent(JSON.stringify([{ product_id: 'p20', variant_id: 'oak', quantity: 1 }]))}`;

  it('the checkout details and log-in pages carry no DataCue tag and no script; the confirmation keeps its tags', async () => {
    const store = await start({ DEMO_CONSENT_BANNER: '1' });
    for (const [path, cookie] of [['/checkout', CART], ['/login', ''], ['/login?next=/checkout', CART]] as const) {
      const html = await (await store.page(path, cookie)).text();
      expect(html, path).toContain('<form method="post"');
      expect(html, path).not.toMatch(/<script|datacueConfig|datacue\.js|datacue-storefront|data-dc-/);
    }
    // A refused checkout form is shown again, still without tags.
    const refused = await fetch(`${store.base}/checkout`, { method: 'POST', headers: { cookie: CART, 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=x' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).not.toMatch(/<script|datacueConfig/);
    const placed = await fetch(`${store.base}/checkout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: CART, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=a%40b.c&name=A&address=1+Street',
    });
    const confirmation = await (await store.page(placed.headers.get('location')!)).text();
    expect(configOf(confirmation)).toMatchObject({ page_type: 'order confirmation', order_details: { order_status: 'completed' } });
    expect(confirmation).toContain('<script src="/dist/datacue.js"></script>');
  });

  it('a log in marks the next page with tags to send login, once; the checkout, without tags, leaves the mark', async () => {
    const store = await start();
    const res = await fetch(`${store.base}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'user_id=alice&password=x&next=/checkout',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/checkout');
    expect(res.headers.getSetCookie()).toEqual([expect.stringMatching(/^demo_user=alice;/), expect.stringMatching(/^demo_login=1;.*Max-Age=86400; HttpOnly$/)]);
    const cookies = `demo_user=alice; demo_login=1; ${CART}`;
    const checkout = await store.page('/checkout', cookies);
    expect(await checkout.text()).not.toContain('demo-login');
    expect(checkout.headers.getSetCookie()).toEqual([]);
    const next = await store.page('/product/compact-loveseat', cookies);
    const html = await next.text();
    expect(html).toContain('<meta name="demo-login" content="1">');
    expect(configOf(html).user_id).toBe('alice');
    expect(next.headers.getSetCookie()).toEqual([expect.stringMatching(/^demo_login=; .*Max-Age=0/)]);
    expect(await (await store.page('/', 'demo_user=alice')).text()).not.toContain('demo-login');
    // The single-page store counts as the landing page too.
    const spa = await store.page('/spa', cookies);
    expect(await spa.text()).toContain('<meta name="demo-login" content="1">');
    expect(spa.headers.getSetCookie()).toEqual([expect.stringMatching(/^demo_login=; /)]);
  });
});
