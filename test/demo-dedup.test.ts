// One product once per page (DESIGN.md §7): the demo API never sends, for one page, a product in two sections, the
// product being viewed, what is in the cart on the cart page, or the category's own grid on its page; and it fills
// the sections in the dashboard's order, each with its size, leaving out sold-out products when they are hidden.
import { describe, expect, it } from 'vitest';
import { createModel } from '../demo-store/server/recommend.mjs';
import { DEFAULT_DASHBOARD, SECTION_NAMES } from '../demo-store/server/dashboard.mjs';
import { CATEGORIES, PRODUCTS, productById, productsIn, search } from '../demo-store/shared/catalog.mjs';

type Product = { product_id: string; available: boolean };
type Answer = Record<string, unknown> & { related_categories?: { name: string; products: Product[] }[] };
type Dashboard = typeof DEFAULT_DASHBOARD;

const line = (product_id: string, variant_id: string) => ({ product_id, variant_id, quantity: 1, unit_price: 1, currency: 'USD' });

/** Every product list of an answer, by section key (each related-categories row on its own). */
function lists(answer: Answer): [string, Product[]][] {
  const out: [string, Product[]][] = [];
  for (const [key, value] of Object.entries(answer)) {
    if (key === 'related_categories') (value as Answer['related_categories'])!.forEach((row) => out.push([`categories:${row.name}`, row.products]));
    else if (key.endsWith('_product_skus')) out.push([key, value as Product[]]);
  }
  return out;
}
const allIds = (answer: Answer) => lists(answer).flatMap(([, l]) => l.map((p) => p.product_id));

/** A model that has seen a busy store: many visitors viewing, carting and buying, so every ranking has links. */
function busyModel() {
  const model = createModel();
  let seed = 7;
  const next = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
  for (let visitor = 0; visitor < 40; visitor++) {
    const user = { anonymous_id: `v${visitor}` };
    for (let i = 0; i < 6; i++) {
      const p = PRODUCTS[next(PRODUCTS.length)]!;
      model.record({ user, event: { type: 'pageview', subtype: 'product', product_id: p.product_id } });
    }
    const bought = [PRODUCTS[next(PRODUCTS.length)]!, PRODUCTS[next(PRODUCTS.length)]!];
    model.record({ user, event: { type: 'order', subtype: 'completed', order_id: `O${visitor}`, cart: bought.map((p) => line(p.product_id, p.variants[0]!.variant_id)) } });
  }
  return model;
}

/** Every page event of the store, with what the page itself shows. */
function pages(cart: string[]) {
  return [
    ...PRODUCTS.filter((_, i) => i % 5 === 0).map((p) => ({ event: { type: 'pageview', subtype: 'product', product_id: p.product_id }, own: [p.product_id] })),
    ...CATEGORIES.map((c) => ({ event: { type: 'pageview', subtype: 'category', category_id: c.id }, own: productsIn(c.id).map((p: { product_id: string }) => p.product_id) })),
    { event: { type: 'pageview', subtype: 'cart' }, own: cart },
    { event: { type: 'pageview', subtype: 'home' }, own: [] },
    { event: { type: 'search', term: 'oak' }, own: search('oak').map((p: { product_id: string }) => p.product_id) },
    { event: { type: 'pageview', subtype: '404' }, own: [] },
  ];
}

/** Every order of the sections (120), and several sizes: each must keep every rule. */
function* dashboards(): Generator<Dashboard> {
  const orders = (names: string[]): string[][] => (names.length <= 1 ? [names] : names.flatMap((n) => orders(names.filter((x) => x !== n)).map((rest) => [n, ...rest])));
  let i = 0;
  for (const order of orders(SECTION_NAMES)) {
    const size = [1, 4, 8, 20, 48][i++ % 5]!;
    yield { ...DEFAULT_DASHBOARD, sections: order.map((name) => ({ ...DEFAULT_DASHBOARD.sections[0]!, name, size })) };
  }
}

describe('one product once per page', () => {
  it('for every page, every order of the sections and several sizes: no product twice, none the page shows itself', () => {
    const model = busyModel();
    const user = { anonymous_id: 'shopper' };
    for (const id of ['p10', 'p11', 'p19', 'p1', 'p30']) model.record({ user, event: { type: 'pageview', subtype: 'product', product_id: id } });
    const cart = ['p20', 'p12'];
    model.record({ user, event: { type: 'cart', subtype: 'update', cart: [line('p20', 'oak'), line('p12', 'sage')], cart_link: '/cart' } });
    const problems: string[] = [];
    let checked = 0;
    for (const dashboard of dashboards()) {
      for (const { event, own } of pages(cart)) {
        const answer = model.answer({ user, event }, dashboard) as Answer;
        const ids = allIds(answer);
        const where = `${JSON.stringify(event)} with ${dashboard.sections.map((s) => s.name)}`;
        if (new Set(ids).size !== ids.length) problems.push(`${where}: a product twice`);
        for (const id of own) if (ids.includes(id)) problems.push(`${where}: repeats ${id}, which the page shows`);
        for (const [key, list] of lists(answer)) if (list.length > dashboard.sections[0]!.size) problems.push(`${where}: ${key} over its size`);
        if (ids.length === 0) problems.push(`${where}: nothing recommended`);
        checked++;
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBe(120 * pages(cart).length);
  }, 60_000);

  it('the earlier section keeps the product: the order of the dashboard decides', () => {
    const model = busyModel();
    const user = { anonymous_id: 'a' };
    model.record({ user, event: { type: 'pageview', subtype: 'product', product_id: 'p1' } });
    const event = { type: 'pageview', subtype: 'product', product_id: 'p10' };
    const similarFirst = model.answer({ user, event }, DEFAULT_DASHBOARD) as Answer;
    const similarAlone = model.answer({ user, event }, { ...DEFAULT_DASHBOARD, sections: DEFAULT_DASHBOARD.sections.filter((s) => s.name === 'similar') }) as Answer;
    // Similar comes first by default: it is the same as when it is alone.
    expect(similarFirst.similar_product_skus).toEqual(similarAlone.similar_product_skus);
    const order = ['recent', 'related', 'similar'];
    const recentFirst = model.answer({ user, event }, { ...DEFAULT_DASHBOARD, sections: order.map((name) => ({ ...DEFAULT_DASHBOARD.sections[0]!, name })) }) as Answer;
    expect((recentFirst.recent_product_skus as Product[]).map((p) => p.product_id)).toEqual(['p1']);
    expect(Object.keys(recentFirst)).toEqual(['recent_product_skus', 'related_product_skus', 'similar_product_skus']);
  });

  it('the cart page leaves out what is in the cart; after the order, the cart is empty again', () => {
    const model = createModel();
    const user = { anonymous_id: 'a' };
    const cartPage = { type: 'pageview', subtype: 'cart' };
    const before = allIds(model.answer({ user, event: cartPage }) as Answer);
    const inCart = before.slice(0, 3);
    model.record({ user, event: { type: 'cart', subtype: 'update', cart: inCart.map((id) => line(id, productById(id).variants[0].variant_id)), cart_link: '/cart' } });
    const after = allIds(model.answer({ user, event: cartPage }) as Answer);
    for (const id of inCart) expect(after).not.toContain(id);
    // Other pages may still recommend them.
    expect(allIds(model.answer({ user, event: { type: 'pageview', subtype: 'home' } }) as Answer)).toEqual(expect.arrayContaining(inCart));
    model.record({ user, event: { type: 'order', subtype: 'completed', order_id: 'O1', cart: [line(inCart[0]!, productById(inCart[0]).variants[0].variant_id)] } });
    expect(allIds(model.answer({ user, event: cartPage }) as Answer)).toContain(inCart[1]);
  });

  it("a category page's top products are not its own grid, and its related categories are other rooms", () => {
    const answer = busyModel().answer({ user: { anonymous_id: 'a' }, event: { type: 'pageview', subtype: 'category', category_id: 'kitchen' } }) as Answer;
    const top = answer.top_product_skus as Product[];
    expect(top).toHaveLength(8);
    for (const p of top) expect(productById(p.product_id).category_id).not.toBe('kitchen');
    expect(answer.related_categories!.map((r) => r.name)).not.toContain('Kitchen');
  });

  it('sold-out products only when the dashboard shows them; a section the dashboard leaves out is not sent', () => {
    const model = createModel();
    const user = { anonymous_id: 'a' };
    const soldOut = PRODUCTS.filter((p) => !p.available).map((p) => p.product_id);
    const event = { type: 'pageview', subtype: 'home' };
    const everything = (hide: boolean) => ({ ...DEFAULT_DASHBOARD, hide_out_of_stock: hide, sections: DEFAULT_DASHBOARD.sections.map((s) => ({ ...s, size: 48 })) });
    const hidden = lists(model.answer({ user, event }, everything(true)) as Answer).flatMap(([, l]) => l);
    expect(hidden.every((p) => p.available)).toBe(true);
    const shown = allIds(model.answer({ user, event }, everything(false)) as Answer);
    expect(shown).toEqual(expect.arrayContaining(soldOut));
    const noRecent = { ...DEFAULT_DASHBOARD, sections: DEFAULT_DASHBOARD.sections.filter((s) => s.name !== 'recent' && s.name !== 'categories') };
    expect(Object.keys(model.answer({ user, event }, noRecent) as Answer)).toEqual(['main_banners', 'sub_banners', 'related_product_skus']);
  });
});
