// The demo store's own logic: the cart it keeps in a cookie, the journal that survives a restart, the catalog.
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { addToCart, cartTotal, itemCount, MAX_LINES, parseCart, removeFromCart, setQuantity } from '../demo-store/shared/cart.mjs';
import { BANNERS, CATEGORIES, PRODUCTS, search } from '../demo-store/shared/catalog.mjs';
import { createApp } from '../demo-store/server/app.mjs';
import { imageFor } from '../demo-store/server/images.mjs';
import { API_KEY } from '../demo-store/shared/settings.mjs';

describe('catalog', () => {
  it('has at least 40 products in at least 5 rooms, with variants, brands, discounts, stock and sold-out items', () => {
    expect(PRODUCTS.length).toBeGreaterThanOrEqual(40);
    expect(CATEGORIES.map((c) => c.id)).toEqual(['bedroom', 'living-room', 'kitchen', 'bathroom', 'outdoors']);
    expect(PRODUCTS.some((p) => p.variants.length > 1)).toBe(true);
    expect(PRODUCTS.some((p) => p.variants[0].variant_id === 'no-variants')).toBe(true);
    expect(new Set(PRODUCTS.map((p) => p.brand)).size).toBeGreaterThan(4);
    expect(PRODUCTS.some((p) => p.full_price > p.price)).toBe(true);
    expect(PRODUCTS.some((p) => !p.available)).toBe(true);
    expect(new Set(PRODUCTS.map((p) => p.slug)).size).toBe(PRODUCTS.length);
  });

  it('every product variant and banner has its picture', () => {
    const paths = [
      ...PRODUCTS.flatMap((p) => p.variants.map((v) => `/img/product/${p.product_id}/${v.variant_id}.svg`)),
      ...CATEGORIES.flatMap((c) => [BANNERS[c.id].main, ...BANNERS[c.id].subs].map((b) => b.photo_url)),
      '/img/banner/static.svg',
    ];
    for (const path of paths) expect(imageFor(path), path).toMatch(/^<svg /);
    expect(imageFor('/img/product/p1/velvet.svg')).toBeUndefined();
    expect(imageFor('/img/banner/B-attic.svg')).toBeUndefined();
  });

  it('search matches every word in name, brand, room, kind or colour', () => {
    expect(search('sofas').map((p) => p.name)).toEqual(expect.arrayContaining(['Soft Three-Seat Sofa', 'Wicker Outdoor Sofa']));
    expect(search('outdoor sofa').map((p) => p.name)).toEqual(['Wicker Outdoor Sofa']);
    expect(search('   ')).toEqual([]);
  });
});

describe('cart', () => {
  it('adds, merges, changes and removes lines in the reference shape, at catalog prices', () => {
    let cart = addToCart([], 'p1', 'oak', 1);
    cart = addToCart(cart, 'p1', 'oak', 2);
    cart = addToCart(cart, 'p20', 'black', 1);
    expect(cart).toEqual([
      { product_id: 'p1', variant_id: 'oak', quantity: 3, unit_price: 1299, currency: 'USD' },
      { product_id: 'p20', variant_id: 'black', quantity: 1, unit_price: 119, currency: 'USD' },
    ]);
    expect(itemCount(cart)).toBe(4);
    expect(cartTotal(cart)).toBe(3 * 1299 + 119);
    expect(setQuantity(cart, 'p20', 'black', 0)).toEqual([cart[0]]);
    expect(removeFromCart(cart, 'p1', 'oak')).toEqual([cart[1]]);
  });

  it('never holds more than the stock, a sold-out or unknown product, or more lines than a cookie can carry', () => {
    expect(addToCart([], 'p1', 'oak', 50)[0].quantity).toBe(4); // 4 in stock
    expect(addToCart([], 'p7', 'no-variants', 1)).toEqual([]); // sold out
    expect(addToCart([], 'p999', 'x', 1)).toEqual([]);
    const lines = PRODUCTS.filter((p) => p.available).map((p) => ({ product_id: p.product_id, variant_id: p.variants[0].variant_id, quantity: 1 }));
    expect(lines.length).toBeGreaterThan(MAX_LINES);
    const full = parseCart(JSON.stringify(lines));
    expect(full).toHaveLength(MAX_LINES);
    const last = lines[MAX_LINES]!;
    expect(addToCart(full, last.product_id, last.variant_id, 1)).toBe(full);
  });

  it('reads a stored cart trusting only the catalog', () => {
    const stored = JSON.stringify([{ product_id: 'p1', variant_id: 'oak', quantity: 2, unit_price: 0.01 }, { product_id: 'p1', variant_id: 'gold', quantity: 1 }, 'junk']);
    expect(parseCart(stored)).toEqual([{ product_id: 'p1', variant_id: 'oak', quantity: 2, unit_price: 1299, currency: 'USD' }]);
    expect(parseCart('{not json')).toEqual([]);
    expect(parseCart('{"a":1}')).toEqual([]);
  });
});

describe('the data folder', () => {
  let server: Server | undefined;
  const dirs: string[] = [];
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((done) => (server ? server.close(done) : done(null)));
    dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
  });

  async function start(dataDir: string) {
    const app = await createApp({ dataDir });
    server = createServer((req, res) => void app.handle(req, res));
    await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const send = (event: object) =>
      fetch(`${base}/api/events`, {
        method: 'POST',
        headers: { authorization: `Basic ${Buffer.from(`${API_KEY}:`).toString('base64')}` },
        body: JSON.stringify({ user: { anonymous_id: 'visitor-1' }, event }),
      });
    return { base, send, stop: () => new Promise((done) => { server!.closeAllConnections(); server!.close(done); server = undefined; }) };
  }

  it('is created when missing, keeps every request, and is reloaded on restart (a damaged line skipped)', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'demo-data-'));
    dirs.push(parent);
    const dataDir = join(parent, 'nested', 'data');
    const first = await start(dataDir);
    expect((await first.send({ type: 'pageview', subtype: 'product', product_id: 'p10' })).status).toBe(200);
    expect((await first.send({ type: 'pageview', subtype: 'product', product_id: 12 })).status).toBe(400);
    await first.stop();

    const journal = readFileSync(join(dataDir, 'events.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(journal.map((r) => [r.seq, r.status])).toEqual([[1, 200], [2, 400]]);
    appendFileSync(join(dataDir, 'events.jsonl'), '{"seq": 3, "cut short by a cra');

    const second = await start(dataDir);
    const home = await (await second.send({ type: 'pageview', subtype: 'home' })).json();
    expect(home.recent_product_skus.map((p: { product_id: string }) => p.product_id)).toEqual(['p10']);
    const kept = await (await fetch(`${second.base}/qa/records/2`)).json();
    expect(kept).toMatchObject({ status: 400, response: { field: 'event.product_id' } });
    const lines = readFileSync(join(dataDir, 'events.jsonl'), 'utf8').trim().split('\n');
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ seq: 3, type: 'pageview', subtype: 'home', status: 200 });
  });
});
