import { describe, expect, it } from 'vitest';
import { bannerRow, banners, nameFromLink, products, sections, MAX_ITEMS } from '../widgets/model';
import { safeUrl } from '../widgets/url';
import { discountPercent, priceFormatter, toAmount } from '../widgets/format';
import { readSpec } from '../widgets/placeholders';
import { readSettings } from '../widgets/settings';

const noWarn = () => {
  throw new Error('no message expected');
};
import { texts } from '../widgets/titles';

describe('safeUrl', () => {
  it('keeps http(s), protocol-relative and relative URLs', () => {
    expect(['https://a.co/x', 'http://a.co', '//cdn.a.co/i.jpg', '/p/1', 'p/1', '../p', '?q=1', ' /p/2 '].map(safeUrl)).toEqual([
      'https://a.co/x', 'http://a.co', '//cdn.a.co/i.jpg', '/p/1', 'p/1', '../p', '?q=1', '/p/2',
    ]);
  });
  it('refuses other schemes, however disguised, and non-strings', () => {
    expect(['javascript:alert(1)', ' JAVASCRIPT:x', 'java\tscript:x', '\u0001javascript:x', 'data:text/html,x', 'vbscript:x', '', 5, null, {}].map(safeUrl)).toEqual(
      Array(10).fill(undefined),
    );
  });
});

describe('prices', () => {
  it('reads numbers and numeric strings only', () => {
    expect([1299, '1299.00', ' 9.5 ', 'free', '', NaN, null, [], Infinity].map(toAmount)).toEqual([1299, 1299, 9.5, undefined, undefined, undefined, undefined, undefined, undefined]);
  });
  it('formats for the locale and currency, plainly when the currency is bad', () => {
    expect(priceFormatter('en-US', 'USD')(1299)).toBe('$1,299.00');
    expect(priceFormatter('es-CL', 'CLP')(12990)).toBe('$12.990');
    expect(priceFormatter('en-US', 'not a currency')(5)).toBe((5).toLocaleString());
  });
  it('writes US dollars on an English page as Intl does, without building an Intl.NumberFormat', () => {
    const intl = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
    // Prices: whole cents from 0 (a sub-cent amount rounds as toFixed does, and a negative one reads "$-5.00", as with
    // a money format).
    const amounts = [0, 0.5, 1, 9.99, 19.9, 120, 999.99, 1000, 1234.5, 1e6, 123456789.12];
    // Counts the formatters built (a spy would not pass `new` on).
    const Real = Intl.NumberFormat;
    let built = 0;
    Intl.NumberFormat = new Proxy(Real, { construct: (target, args: Parameters<typeof Real>) => (built++, new target(...args)) });
    try {
      for (const locale of ['en', 'en-US', 'EN-us', 'en_US']) expect(amounts.map(priceFormatter(locale, 'USD'))).toEqual(amounts.map((a) => intl.format(a)));
      expect(built).toBe(0);
      // Another English locale, or another currency: Intl's text ("US$5.00", "£5.00").
      expect(priceFormatter('en-GB', 'USD')(5)).toBe(new Real('en-GB', { style: 'currency', currency: 'USD' }).format(5));
      expect(priceFormatter('en', 'GBP')(5)).toBe('£5.00');
      expect(priceFormatter('es', 'USD')(5)).toBe(new Real('es', { style: 'currency', currency: 'USD' }).format(5));
      expect(built).toBe(3);
    } finally {
      Intl.NumberFormat = Real;
    }
  });
  it('reads a POSIX locale (en_US), and keeps the currency with a locale Intl refuses', () => {
    expect(priceFormatter('en_US', 'USD')(1299)).toBe('$1,299.00');
    expect(priceFormatter('en_US.UTF-8', 'USD')(1299)).toBe('$1,299.00');
    expect(priceFormatter('de_DE', 'EUR')(1299)).toBe(new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).format(1299));
    expect(priceFormatter('not a locale!', 'EUR')(5)).toBe(new Intl.NumberFormat(undefined, { style: 'currency', currency: 'EUR' }).format(5));
  });
  it('marks a discount only when the full price is higher', () => {
    expect(discountPercent(80, 100)).toBe(20);
    expect(discountPercent(100, 100)).toBeUndefined();
    expect(discountPercent(100, 80)).toBeUndefined();
    expect(discountPercent(undefined, 80)).toBeUndefined();
  });
});

describe('models', () => {
  it('products need an id and a name; unsafe links and images are dropped, not the product', () => {
    expect(products([
      { product_id: 18, name: ' Bed ', price: '1299.00', full_price: 1500, link: '/p/18', photo_url: 'javascript:x' },
      { product_id: 'p2' }, { name: 'no id' }, null, 'x', [],
    ], 8, noWarn)).toStrictEqual([{
      id: '18', name: 'Bed', price: 1299, fullPrice: 1500, link: '/p/18', image: undefined, variantId: undefined, brand: undefined,
      stars: undefined, stock: undefined, soldOut: false, badge: undefined, extra: {},
    }]);
  });
  it('cuts huge lists without walking them', () => {
    const huge = new Proxy([] as unknown[], {
      get: (t, k) => (k === 'length' ? 1e9 : typeof k === 'string' && /^\d+$/.test(k) ? { product_id: k, name: k } : Reflect.get(t, k)),
    });
    expect(Array.isArray(huge)).toBe(true);
    expect(products(huge, 1000, noWarn)).toHaveLength(MAX_ITEMS);
    // A filter that refuses everything stops after a bounded number of entries, not a billion.
    expect(products(huge, 10, noWarn, () => false)).toEqual([]);
  });
  it('banners need an id and a safe image; an unnamed banner is named after its link', () => {
    expect(banners([
      { banner_id: 'B6', link: '/category/bathroom/organizer', name: '', photo_url: '/b6.jpg' },
      { banner_id: 'B7', link: 'javascript:x', name: 'Racks', photo_url: '/b7.jpg' },
      { banner_id: 'B8', photo_url: 'javascript:x' },
    ])).toEqual([
      { id: 'B6', name: 'organizer', image: '/b6.jpg', link: '/category/bathroom/organizer' },
      { id: 'B7', name: 'Racks', image: '/b7.jpg' },
    ]);
    expect(nameFromLink('/category/living-room?x=1')).toBe('living room');
    expect(nameFromLink('/%E0%A4%A')).toBe('');
  });
  it('standard layout: one row, narrow | wide | narrow; the first main banner, else the static one, in the wide box', () => {
    const b = (id: string) => ({ id, name: id, image: `/${id}` });
    const still = b('static');
    // Further main and sub banners are for the custom slots: the row never grows.
    expect(bannerRow([b('M1'), b('M2')], [b('S1'), b('S2'), b('S3')], still)).toEqual({ left: b('S1'), wide: b('M1'), right: b('S2') });
    expect(bannerRow([], [b('S1'), b('S2'), b('S3')], still)).toEqual({ left: b('S1'), wide: still, right: b('S2') });
    expect(bannerRow([], [], still)).toEqual({ wide: still });
    expect(bannerRow([b('M1')], [], undefined)).toEqual({ wide: b('M1') });
    expect(bannerRow([], [b('S1')], undefined)).toEqual({ left: b('S1') });
    expect(bannerRow([], [], undefined)).toBeUndefined();
  });
});

describe('sections', () => {
  const p = (id: string) => ({ product_id: id, name: `n${id}` });
  const response = {
    related_product_skus: [p('1'), p('2')],
    recent_product_skus: [p('3')],
    similar_product_skus: [p('6')],
    top_product_skus: [p('4')],
    related_categories: [{ name: 'Sofas', products: [p('5')] }, { name: 'Empty', products: [] }],
  };
  const all = { section: '' as const, override: {} };
  const draw = (r: unknown, page: Parameters<typeof sections>[1], want = all, config?: unknown) =>
    sections(r, page, want, readSettings(config, noWarn), new Set(), noWarn);
  const names = (list: ReturnType<typeof sections>) => list.map((s) => s.category ?? s.name);
  it('an empty placeholder shows every section the response carries for the page type', () => {
    expect(names(draw(response, 'home'))).toEqual(['related', 'Sofas', 'recent']);
    expect(names(draw(response, 'product'))).toEqual(['related', 'similar', 'Sofas', 'recent']);
    expect(names(draw(response, 'category'))).toEqual(['top', 'related', 'Sofas', 'recent']);
    expect(names(draw(response, 'search'))).toEqual(['related', 'Sofas', 'recent']);
    expect(names(draw(response, 'cart'))).toEqual(['related', 'Sofas', 'recent']);
    expect(names(draw(response, 'editor preview'))).toEqual(['top', 'related', 'similar', 'Sofas', 'recent']);
  });
  it('a named placeholder shows that section only', () => {
    expect(draw(response, 'home', { section: 'related', override: { size: 1 } }).map((s) => s.products.length)).toEqual([1]);
    expect(names(draw(response, 'home', { section: 'similar', override: {} }))).toEqual(['similar']);
    expect(draw({ ...response, similar_product_skus: null }, 'home', { section: 'similar', override: {} })).toEqual([]);
    expect(draw(null, 'home')).toEqual([]);
    expect(draw('junk', 'home')).toEqual([]);
  });
}

);

describe('placeholders', () => {
  const spec = (attrs: Record<string, string>) => readSpec((n) => attrs[n] ?? null, noWarn);
  it('reads each kind with its options; a products placeholder without attributes overrides nothing', () => {
    expect(spec({ 'data-dc-banners': '', 'data-dc-static-img': '/s.jpg', 'data-dc-static-link': '/c' })).toEqual({ kind: 'banners', staticImage: '/s.jpg', staticLink: '/c' });
    expect(spec({ 'data-dc-sub-insert-banner': '2' })).toEqual({ kind: 'slot', which: 'sub', index: 2 });
    expect(spec({ 'data-dc-products': '' })).toStrictEqual({ kind: 'products', section: '', override: {} });
  });
  it('names the attribute and what it expects when nothing can be drawn', () => {
    expect(spec({ 'data-dc-main-insert-banner': 'first' })).toEqual({ kind: 'invalid', problem: 'data-dc-main-insert-banner: expected a number from 1, got "first"' });
    expect(spec({ 'data-dc-products': 'popular' })).toEqual({ kind: 'invalid', problem: 'data-dc-products: expected "" or top | related | similar | categories | recent, got "popular"' });
  });
  it('titles follow the page language', () => {
    expect(texts('es-CL').recent).toBe('Productos que viste hace poco');
    expect(texts('fr').recent).toBe('Recently viewed');
    expect(texts(undefined).related).toBe('Recommended for you');
  });
});
