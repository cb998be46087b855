import { describe, expect, it, vi } from 'vitest';
import { pageEvents, PAGE_TYPES } from '../src/page-events';
import { normalize } from '../src/normalize';
import type { DatacueConfig } from '../src/types';

/** As the tracker sends them: every event goes through track()'s normalize. */
const run = (config: Record<string, unknown>) => {
  const warn = vi.fn();
  const events = pageEvents(config as DatacueConfig, warn).map((e) => normalize(e, warn));
  return { events, messages: warn.mock.calls.map((c) => c[0] as string) };
};

describe('pageEvents', () => {
  it.each([
    ['home', { type: 'pageview', subtype: 'home' }],
    ['cart', { type: 'pageview', subtype: 'cart' }],
    ['404', { type: 'pageview', subtype: '404' }],
    ['checkout', { type: 'pageview', subtype: 'checkout' }],
  ])('%s sends a plain pageview', (page_type, event) => {
    expect(run({ page_type })).toEqual({ events: [event], messages: [] });
  });

  it('product sends product_id and product_update as given', () => {
    const product_update = [{ variant_id: 'v1', name: 'Jeans', price: 99.5, full_price: 120, category_ids: ['jeans'] }];
    expect(run({ page_type: 'product', product_id: 'p1', product_update }).events).toEqual([
      { type: 'pageview', subtype: 'product', product_id: 'p1', product_update },
    ]);
  });

  it('product accepts the older single-object product_update with variant_id', () => {
    const { events, messages } = run({ page_type: 'product', product_id: 'p1', variant_id: 'v9', product_update: { name: 'Jeans', price: 10 } });
    expect(events).toEqual([
      { type: 'pageview', subtype: 'product', product_id: 'p1', variant_id: 'v9', product_update: [{ variant_id: 'v9', name: 'Jeans', price: 10 }] },
    ]);
    expect(messages).toEqual([]);
  });

  it("a variant without variant_id gets the reference's 'no-variants'; a null variant_id is never forwarded", () => {
    expect(run({ page_type: 'product', product_id: 'p1', variant_id: null, product_update: { name: 'Lamp', price: 10 } })).toEqual({
      events: [{ type: 'pageview', subtype: 'product', product_id: 'p1', product_update: [{ variant_id: 'no-variants', name: 'Lamp', price: 10 }] }],
      messages: [],
    });
    expect(run({ page_type: 'product', product_id: 'p1', product_update: [{ variant_id: null, name: 'Lamp' }, { variant_id: 'v2' }] }).events).toEqual([
      { type: 'pageview', subtype: 'product', product_id: 'p1', product_update: [{ variant_id: 'no-variants', name: 'Lamp' }, { variant_id: 'v2' }] },
    ]);
    expect(run({ page_type: 'product', product_id: 'p1', variant_id: null }).events).toEqual([{ type: 'pageview', subtype: 'product', product_id: 'p1' }]);
  });

  it('product_update neither object nor array is left out with one message', () => {
    const { events, messages } = run({ page_type: 'product', product_id: 'p1', product_update: 'oops' });
    expect(events).toEqual([{ type: 'pageview', subtype: 'product', product_id: 'p1' }]);
    expect(messages).toEqual(['product_update: expected an array, got "oops"; left out']);
  });

  it('product without product_id sends nothing and names the key', () => {
    const { events, messages } = run({ page_type: 'product' });
    expect(events).toEqual([]);
    expect(messages).toEqual(['product_id: expected a non-empty string, got undefined; nothing sent']);
  });

  it('numeric ids become strings and string prices numbers, each reported', () => {
    const { events, messages } = run({ page_type: 'product', product_id: 12, product_update: [{ variant_id: 3, price: '9.90', stock: 'many' }] });
    expect(events).toEqual([
      { type: 'pageview', subtype: 'product', product_id: '12', product_update: [{ variant_id: '3', price: 9.9 }] },
    ]);
    expect(messages).toEqual([
      'product_id: expected a string, got 12; sent as one',
      'product_update[0].variant_id: expected a string, got 3; sent as one',
      'product_update[0].price: expected a number, got "9.90"; sent as one',
      'product_update[0].stock: expected a number, got "many"; left out',
    ]);
  });

  it('category sends category_id, category_update, and category_name from category_update.name', () => {
    const category_update = { name: 'Jeans', link: '/category/jeans' };
    expect(run({ page_type: 'category', category_id: 'jeans', category_update })).toEqual({
      events: [{ type: 'pageview', subtype: 'category', category_id: 'jeans', category_name: 'Jeans', category_update }],
      messages: [],
    });
    // A category_name given wins over the update's name.
    expect(run({ page_type: 'category', category_id: 'jeans', category_name: 'Denim', category_update }).events[0]).toMatchObject({ category_name: 'Denim' });
    expect(run({ page_type: 'category', category_id: 'jeans', category_update: { link: '/c' } }).events[0]?.['category_name' as never]).toBeUndefined();
  });

  it('category accepts the older category_name instead of category_id', () => {
    expect(run({ page_type: 'category', category_name: 'Jeans' })).toEqual({
      events: [{ type: 'pageview', subtype: 'category', category_id: 'Jeans', category_name: 'Jeans' }],
      messages: [],
    });
  });

  it('search sends the term', () => {
    expect(run({ page_type: 'search', term: 'blue jeans' }).events).toEqual([{ type: 'search', term: 'blue jeans' }]);
    expect(run({ page_type: 'search', term: '' }).messages).toEqual(['term: expected a non-empty string, got ""; nothing sent']);
  });

  it('order confirmation with order_details also sends the order', () => {
    const cart = [{ product_id: 'p1', variant_id: 'v1', quantity: 1, unit_price: 24, currency: 'USD' }];
    const { events, messages } = run({
      page_type: 'order confirmation',
      order_id: 'O123',
      order_details: { order_status: 'completed', cart, timestamp: '2018-04-04 23:29:04Z' },
    });
    expect(messages).toEqual([]);
    expect(events).toEqual([
      { type: 'pageview', subtype: 'order confirmation', order_id: 'O123' },
      { type: 'order', subtype: 'completed', order_id: 'O123', cart, timestamp: '2018-04-04 23:29:04Z' },
    ]);
  });

  it('order status defaults to completed; a cart that is not an array sends only the pageview', () => {
    expect(run({ page_type: 'order confirmation', order_id: 'O1', order_details: { cart: [] } }).events[1]).toEqual({
      type: 'order', subtype: 'completed', order_id: 'O1', cart: [],
    });
    const { events, messages } = run({ page_type: 'order confirmation', order_id: 'O1', order_details: { cart: 'x' } });
    expect(events).toEqual([{ type: 'pageview', subtype: 'order confirmation', order_id: 'O1' }]);
    expect(messages).toEqual(['order_details.cart: expected an array of line items, got "x"; order not sent']);
  });

  it("order_status 'cancelled' is not sent from the browser, with one message; the pageview still is", () => {
    const cart = [{ product_id: 'p1', quantity: 1, unit_price: 24 }];
    const { events, messages } = run({ page_type: 'order confirmation', order_id: 'O1', order_details: { order_status: 'cancelled', cart } });
    expect(events).toEqual([{ type: 'pageview', subtype: 'order confirmation', order_id: 'O1' }]);
    expect(messages).toEqual([
      `order_details.order_status: expected 'completed', got "cancelled"; order not sent`,
    ]);
  });

  it('editor preview (the dashboard preview of the widgets) sends nothing, silently', () => {
    expect(run({ page_type: 'editor preview' })).toEqual({ events: [], messages: [] });
  });

  it('order confirmation without order_details (backend orders) sends only the pageview', () => {
    expect(run({ page_type: 'order confirmation' })).toEqual({ events: [{ type: 'pageview', subtype: 'order confirmation' }], messages: [] });
  });

  it('an unknown page_type sends nothing and lists the accepted values', () => {
    const { events, messages } = run({ page_type: 'blog' });
    expect(events).toEqual([]);
    expect(messages).toEqual([`page_type: expected ${PAGE_TYPES.join(' | ')}, got "blog"; nothing sent`]);
  });
});
