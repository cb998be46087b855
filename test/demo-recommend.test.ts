// The local events API's recommendations: learnt from the events it records, in the reference's response shapes.
import { describe, expect, it } from 'vitest';
import { createModel, productObject } from '../demo-store/server/recommend.mjs';
import { DEFAULT_DASHBOARD, DEFAULT_SIZE as SECTION_SIZE } from '../demo-store/server/dashboard.mjs';
import { BANNERS, PRODUCTS, productById } from '../demo-store/shared/catalog.mjs';

type Envelope = { user: { anonymous_id?: string; user_id?: string }; event: Record<string, unknown> };

const anon = (id: string) => ({ anonymous_id: id });
const view = (productId: string) => ({ type: 'pageview', subtype: 'product', product_id: productId });
const HOME = { type: 'pageview', subtype: 'home' };

/** The dashboard with one section only: each ranking rule seen without the other sections taking products first. */
const only = (name: string) => ({ ...DEFAULT_DASHBOARD, sections: DEFAULT_DASHBOARD.sections.filter((s) => s.name === name) });

/** Records an event and returns the answer, as the API does. */
function send(model: ReturnType<typeof createModel>, user: Envelope['user'], event: Envelope['event'], dashboard = DEFAULT_DASHBOARD) {
  model.record({ user, event });
  return model.answer({ user, event }, dashboard);
}
const ids = (list: { product_id: string }[] | undefined) => (list ?? []).map((p) => p.product_id);
const SOFAS = PRODUCTS.filter((p) => p.kind === 'sofa' && p.category_id === 'living-room').map((p) => p.product_id);

describe('recommendations', () => {
  it('product objects carry the fields the reference and the widgets use', () => {
    const sofa = productById('p10');
    expect(productObject(sofa)).toEqual({
      product_id: 'p10',
      variant_id: 'grey',
      name: 'Soft Three-Seat Sofa',
      price: 899,
      full_price: 1099,
      photo_url: '/img/product/p10/grey.svg',
      link: '/product/soft-three-seat-sofa',
      category_1: 'living-room',
      brand: 'Nordhus',
      rating: 88,
      available: true,
      stock: 2,
      extra: { discount: '18%' },
    });
  });

  it('a new visitor gets banners and popular products, and no recently viewed', () => {
    const home = send(createModel(), anon('new'), HOME);
    expect(home).toMatchObject({ main_banners: [expect.any(Object)], sub_banners: [expect.any(Object), expect.any(Object)] });
    expect(home.related_product_skus).toHaveLength(SECTION_SIZE);
    expect(home.recent_product_skus).toEqual([]);
  });

  it('an anonymous visitor who views three sofas sees sofas come back: recently viewed, living-room banners, related', () => {
    const model = createModel();
    for (const id of SOFAS.slice(0, 3)) send(model, anon('a'), view(id));
    const home = send(model, anon('a'), HOME);
    expect(ids(home.recent_product_skus)).toEqual(SOFAS.slice(0, 3).reverse()); // newest first
    expect(home.main_banners).toEqual([BANNERS['living-room'].main]);
    expect(home.sub_banners).toEqual(BANNERS['living-room'].subs);
    // Related: not what they already saw, and their favourite room first.
    expect(ids(home.related_product_skus)).not.toContain(SOFAS[0]);
    expect(home.related_product_skus[0].category_1).toBe('living-room');
    // Another visitor's history is theirs alone.
    expect(send(model, anon('b'), HOME).recent_product_skus).toEqual([]);
  });

  it('recently viewed keeps one entry per product, the newest first, without the product being viewed', () => {
    const model = createModel();
    for (const id of ['p1', 'p2', 'p1', 'p3']) send(model, anon('a'), view(id));
    expect(ids(send(model, anon('a'), view('p2'), only('recent')).recent_product_skus)).toEqual(['p3', 'p1']);
    expect(ids(send(model, anon('a'), HOME).recent_product_skus)).toEqual(['p2', 'p3', 'p1']);
  });

  it('recently viewed remembers the variant viewed', () => {
    const model = createModel();
    send(model, anon('a'), { ...view('p1'), variant_id: 'walnut' });
    expect(send(model, anon('a'), HOME).recent_product_skus[0]).toMatchObject({ variant_id: 'walnut', photo_url: '/img/product/p1/walnut.svg' });
  });

  it('similar = same category or brand, the category first; never the product itself nor one out of stock', () => {
    const answer = send(createModel(), anon('a'), view('p10'));
    const similar = ids(answer.similar_product_skus).map(productById);
    expect(similar).toHaveLength(SECTION_SIZE);
    expect(similar).not.toContain(productById('p10'));
    for (const p of similar) expect(p.available && (p.category_id === 'living-room' || p.brand === 'Nordhus')).toBe(true);
    const sameRoom = similar.map((p) => p.category_id === 'living-room');
    expect(sameRoom).toEqual([...sameRoom].sort((a, b) => Number(b) - Number(a))); // the same room first
  });

  it('related = viewed together by other visitors, strongest first, then popular', () => {
    const model = createModel();
    // Two visitors view the bed then the rug; one views the bed then the lamp.
    for (const who of ['x', 'y']) for (const id of ['p1', 'p8']) send(model, anon(who), view(id));
    for (const id of ['p1', 'p6']) send(model, anon('z'), view(id));
    const related = ids(send(model, anon('new'), view('p1'), only('related')).related_product_skus);
    expect(related.slice(0, 2)).toEqual(['p8', 'p6']);
    expect(related).toHaveLength(SECTION_SIZE);
    expect(related).not.toContain('p1');
  });

  it('bought together weighs more than viewed together, and orders make products popular', () => {
    const model = createModel();
    for (const id of ['p19', 'p22']) send(model, anon('v'), view(id));
    const cart = [
      { product_id: 'p19', variant_id: 'oak', quantity: 1, unit_price: 799 },
      { product_id: 'p20', variant_id: 'oak', quantity: 4, unit_price: 119 },
    ];
    send(model, anon('buyer'), { type: 'order', subtype: 'completed', order_id: 'O1', cart });
    expect(ids(send(model, anon('new'), view('p19'), only('related')).related_product_skus).slice(0, 2)).toEqual(['p20', 'p22']);
    // Related categories: a room's products most bought and viewed first.
    const rows = send(model, anon('new'), HOME, only('categories')).related_categories;
    expect(rows.map((r: { name: string }) => r.name)).toContain('Kitchen');
    expect(ids(rows.find((r: { name: string }) => r.name === 'Kitchen').products)[0]).toBe('p20');
  });

  it('a category page gets that category first in its banners', () => {
    const model = createModel();
    for (const id of SOFAS) send(model, anon('a'), view(id));
    const answer = send(model, anon('a'), { type: 'pageview', subtype: 'category', category_id: 'bathroom' });
    expect(answer.main_banners).toEqual([BANNERS.bathroom.main, BANNERS['living-room'].main]);
    expect(answer.sub_banners).toEqual(BANNERS.bathroom.subs);
  });

  it('after log in, the anonymous history becomes the user\'s', () => {
    const model = createModel();
    send(model, anon('a'), view('p10'));
    send(model, { anonymous_id: 'a', user_id: 'u1' }, { type: 'login' });
    expect(ids(send(model, { anonymous_id: 'a', user_id: 'u1' }, HOME).recent_product_skus)).toEqual(['p10']);
    // The same user on another device (another anonymous id) sees it too.
    expect(ids(send(model, { anonymous_id: 'other-device', user_id: 'u1' }, HOME).recent_product_skus)).toEqual(['p10']);
  });

  it('answers search, cart, 404, checkout and order confirmation pages with related, recent and related categories; other events with nothing', () => {
    const model = createModel();
    for (const event of [
      { type: 'search', term: 'sofa' },
      { type: 'pageview', subtype: 'cart' },
      { type: 'pageview', subtype: '404' },
      { type: 'pageview', subtype: 'checkout' },
      { type: 'pageview', subtype: 'order confirmation', order_id: 'O1' },
    ]) {
      expect(Object.keys(send(model, anon('a'), event)!)).toEqual(['related_product_skus', 'recent_product_skus', 'related_categories']);
    }
    for (const event of [{ type: 'login' }, { type: 'wishlist', subtype: 'add', product_id: 'p1' }, { type: 'click', subtype: 'product', product_id: 'p1' }]) {
      expect(send(model, anon('a'), event)).toBeNull();
    }
  });

  it('unknown products and categories are answered without failing', () => {
    const model = createModel();
    expect(send(model, anon('a'), view('nope'))).toMatchObject({ similar_product_skus: [], recent_product_skus: [] });
    expect(send(model, anon('a'), { type: 'pageview', subtype: 'category', category_id: 'attic' })).toMatchObject({ top_product_skus: [] });
  });
});
