// The demo store's local events API: what it accepts, what it refuses (with the field named), and that it keeps
// serving whatever it is sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { validateEnvelope, PAGE_SUBTYPES } from '../demo-store/server/validate.mjs';
import { answerBody, authorized, MAX_BODY_BYTES } from '../demo-store/server/events-api.mjs';
import { createModel } from '../demo-store/server/recommend.mjs';
import { createApp } from '../demo-store/server/app.mjs';
import { API_KEY } from '../demo-store/shared/settings.mjs';
import { pageEvents } from '../src/page-events';
import { snippet } from '../e2e/support/reference';

const user = { anonymous_id: 'anon-1' };
const line = { product_id: 'p1', variant_id: 'oak', quantity: 1, unit_price: 24, currency: 'USD' };
const ok = (event: object) => validateEnvelope({ user, event, timestamp: '2026-01-02T03:04:05.678Z' });
const fieldOf = (event: object) => ok(event)?.field;

describe('envelope and event validation', () => {
  it("accepts the reference's sample envelope (user with profile, no timestamp)", () => {
    expect(validateEnvelope(JSON.parse(snippet('Sending other events', 'json')))).toBeNull();
  });

  it('accepts every documented event, as the reference samples them', () => {
    const events = [
      { type: 'cart', subtype: 'update', cart: [line, { ...line, product_id: 'p2' }], cart_link: 'https://myshop.com/cart/123' },
      { type: 'wishlist', subtype: 'add', product_id: 'p1', variant_id: 'v2' },
      { type: 'wishlist', subtype: 'remove', product_id: 'p1' },
      // The reference's checkout sample names the variant `variant`.
      { type: 'checkout', subtype: 'started', cart: [{ product_id: 'p1', variant: 'v1', quantity: 1, unit_price: 24, currency: 'USD' }], cart_link: 'x' },
      { type: 'login' },
      { type: 'pageview', subtype: 'category', category_name: 'living-room' },
      { type: 'search', term: 'tables' },
      { type: 'click', subtype: 'banner', banner_id: 'b1', category_id: 'c1' },
      { type: 'click', subtype: 'product', product_id: 'p2' },
      { type: 'click', subtype: 'similar', product_id: 'p2' },
      { type: 'order', subtype: 'completed', order_id: 'O123', cart: [line], timestamp: '2018-04-04 23:29:04Z' },
    ];
    for (const event of events) expect(ok(event), JSON.stringify(event)).toBeNull();
  });

  it('accepts what the tracker sends for every page type', () => {
    const configs = [
      { page_type: 'home' },
      { page_type: 'product', product_id: 'p1', variant_id: 'v1', product_update: [{ variant_id: 'v1', name: 'Jeans', price: 99.5 }] },
      { page_type: 'category', category_id: 'jeans', category_update: { name: 'Jeans', link: '/category/jeans' } },
      { page_type: 'search', term: 'blue jeans' },
      { page_type: 'cart' },
      { page_type: '404' },
      { page_type: 'checkout' },
      { page_type: 'order confirmation', order_id: 'O123', order_details: { order_status: 'completed', cart: [line], timestamp: '2018-04-04 23:29:04Z' } },
    ] as const;
    const sent = configs.flatMap((c) => pageEvents(c as never, () => {}));
    expect(sent).toHaveLength(9); // order confirmation sends its pageview and the order
    for (const event of sent) expect(ok(event), JSON.stringify(event)).toBeNull();
    expect(PAGE_SUBTYPES).toEqual(expect.arrayContaining(['home', 'product', 'category', 'cart', '404', 'order confirmation', 'checkout']));
  });

  it('names the field of the first problem', () => {
    expect(validateEnvelope([])?.field).toBe('body');
    expect(validateEnvelope({ event: { type: 'login' } })?.field).toBe('user');
    expect(validateEnvelope({ user: {}, event: { type: 'login' } })?.field).toBe('user.anonymous_id');
    expect(validateEnvelope({ user: { user_id: 'u1' }, event: { type: 'login' } })).toBeNull(); // a known user needs no anonymous id
    expect(validateEnvelope({ user: { ...user, profile: 'gold' }, event: { type: 'login' } })?.field).toBe('user.profile');
    expect(validateEnvelope({ user })?.field).toBe('event');
    expect(validateEnvelope({ user, event: { type: 'login' }, timestamp: 'yesterday' })?.field).toBe('timestamp');
    expect(fieldOf({ type: 'teleport' })).toBe('event.type');
    expect(fieldOf({ type: 'pageview', subtype: 'about-us' })).toBe('event.subtype');
    expect(fieldOf({ type: 'pageview', subtype: 'product', product_id: 12 })).toBe('event.product_id');
    expect(fieldOf({ type: 'pageview', subtype: 'product', product_id: 'p1', product_update: {} })).toBe('event.product_update');
    expect(fieldOf({ type: 'pageview', subtype: 'category' })).toBe('event.category_id');
    expect(fieldOf({ type: 'search', term: '  ' })).toBe('event.term');
    expect(fieldOf({ type: 'cart', subtype: 'update', cart: 'p1', cart_link: 'x' })).toBe('event.cart');
    expect(fieldOf({ type: 'cart', subtype: 'update', cart: [line] })).toBe('event.cart_link');
    expect(fieldOf({ type: 'cart', subtype: 'update', cart: [line, { ...line, quantity: 1.5 }], cart_link: 'x' })).toBe('event.cart[1].quantity');
    expect(fieldOf({ type: 'checkout', subtype: 'started', cart: [{ ...line, unit_price: '24' }], cart_link: 'x' })).toBe('event.cart[0].unit_price');
    expect(fieldOf({ type: 'wishlist', subtype: 'toggle', product_id: 'p1' })).toBe('event.subtype');
    expect(fieldOf({ type: 'click', subtype: 'banner' })).toBe('event.banner_id');
    expect(fieldOf({ type: 'order', subtype: 'completed', cart: [line] })).toBe('event.order_id');
  });

  it('says what was expected and what came, briefly', () => {
    expect(ok({ type: 'search' })?.message).toBe('event.term: expected a non-empty string, got nothing');
    expect(ok({ type: 'pageview', subtype: 'product', product_id: 'x'.repeat(201) })?.message).toMatch(/^event\.product_id: expected .*, got "x{36}\.\.\.$/);
  });
});

describe('authorization', () => {
  const basic = (s: string) => `Basic ${Buffer.from(s).toString('base64')}`;
  it('takes Basic base64("<demo key>:") and nothing else', () => {
    expect(authorized(basic(`${API_KEY}:`), API_KEY)).toBe(true);
    expect(authorized(basic(`${API_KEY}:secret`), API_KEY)).toBe(true);
    expect(authorized(basic('other-key:'), API_KEY)).toBe(false);
    expect(authorized(basic(API_KEY), API_KEY)).toBe(false);
    expect(authorized(`Bearer ${API_KEY}`, API_KEY)).toBe(false);
    expect(authorized(undefined, API_KEY)).toBe(false);
    expect(authorized('Basic !!!', API_KEY)).toBe(false);
  });
});

describe('answerBody', () => {
  it('answers malformed JSON with 400 naming the body, and teaches the model nothing', () => {
    const model = createModel();
    const reply = answerBody('{"user":', model);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ field: 'body', message: expect.stringMatching(/^body: malformed JSON/) });
  });

  it('answers page events and searches with recommendations, other events with 204', () => {
    const model = createModel();
    const send = (event: object) => answerBody(JSON.stringify({ user, event }), model);
    expect(send({ type: 'pageview', subtype: 'home' })).toMatchObject({ status: 200, body: { main_banners: expect.any(Array) } });
    expect(send({ type: 'search', term: 'sofa' })).toMatchObject({ status: 200, body: { recent_product_skus: [] } });
    expect(send({ type: 'login' })).toMatchObject({ status: 204, body: null });
  });
});

describe('the events API over HTTP', () => {
  let server: Server;
  let url: string;
  let dataDir: string;
  const auth = `Basic ${Buffer.from(`${API_KEY}:`).toString('base64')}`;
  const good = JSON.stringify({ user, event: { type: 'pageview', subtype: 'home' }, timestamp: new Date().toISOString() });
  const post = (body: string | Buffer, headers: Record<string, string> = { authorization: auth }) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'demo-api-'));
    const app = await createApp({ dataDir });
    server = createServer((req, res) => void app.handle(req, res));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/events`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('401 without the demo key, with a message naming Authorization', async () => {
    for (const headers of [{}, { authorization: `Basic ${Buffer.from('someone-else:').toString('base64')}` }]) {
      const res = await post(good, headers);
      expect(res.status).toBe(401);
      expect((await res.json()).message).toMatch(/^Authorization: /);
    }
  });

  it('400 naming the field, for malformed JSON, wrong types and unknown event types', async () => {
    const cases: [string, string][] = [
      ['{"user": {', 'body'],
      ['"just a string"', 'body'],
      [JSON.stringify({ user: { anonymous_id: 7 }, event: { type: 'login' } }), 'user.anonymous_id'],
      [JSON.stringify({ user, event: { type: 'unknown' } }), 'event.type'],
      [JSON.stringify({ user, event: { type: 'wishlist', subtype: 'add', product_id: ['p1'] } }), 'event.product_id'],
    ];
    for (const [body, field] of cases) {
      const res = await post(body);
      expect(res.status, body).toBe(400);
      const answer = await res.json();
      expect(answer.field).toBe(field);
      expect(answer.message.startsWith(`${field}: `)).toBe(true);
    }
  });

  it('413 for a body over the limit, declared or streamed', async () => {
    const huge = JSON.stringify({ user, event: { type: 'search', term: 'x'.repeat(MAX_BODY_BYTES) } });
    const declared = await post(huge);
    expect(declared.status).toBe(413);
    // Without a length up front (chunked), the limit applies while reading.
    const chunks = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(huge));
        c.close();
      },
    });
    const streamed = await fetch(url, { method: 'POST', headers: { authorization: auth }, body: chunks, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
    expect((await streamed.json()).message).toBe(`body: at most ${MAX_BODY_BYTES} bytes`);
  });

  it('405 for other methods', async () => {
    const res = await fetch(url);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
  });

  it('keeps serving after a flood of bad and good requests', async () => {
    const junk = [
      () => post('\u0000\u0001garbage'),
      () => post('{}', {}),
      () => post(Buffer.alloc(MAX_BODY_BYTES + 1, 'a')),
      () => post(JSON.stringify({ user, event: { type: 'click', subtype: 'banner', banner_id: null } })),
      () => post(good),
    ];
    const statuses = await Promise.all(Array.from({ length: 300 }, (_, i) => junk[i % junk.length]!().then((r) => r.status)));
    expect(new Set(statuses)).toEqual(new Set([400, 401, 413, 200]));
    const after = await post(good);
    expect(after.status).toBe(200);
    expect(await after.json()).toHaveProperty('related_product_skus');
  }, 30_000); // 300 requests, 60 of them 64 KiB: slow on a busy machine
});
