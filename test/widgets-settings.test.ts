// The dashboard's settings (`config` in the response), the placeholder attributes that override them, the money
// formats and the full product card model: every setting, its default, its override and its bad values.
import { describe, expect, it } from 'vitest';
import { readSettings, sectionSettings, DEFAULT_SECTION } from '../widgets/settings';
import { readSpec } from '../widgets/placeholders';
import { clickSubtype, product, sections, type ProductsRequest } from '../widgets/model';
import { formatMoney, isMoneyFormat } from '../widgets/money';
import { priceFormatter } from '../widgets/format';

/** Reads with a warn that collects, so a test says exactly which messages a value gives. */
function collect<T>(read: (warn: (m: string) => void) => T): [T, string[]] {
  const messages: string[] = [];
  return [read((m) => messages.push(m)), messages];
}
const settingsOf = (config: unknown) => collect((warn) => readSettings(config, warn));

describe('settings: defaults when config is absent', () => {
  it('every section in the default order, slider, all products sent (max 48), 2/4 per page, price and full price, out of stock hidden, no button', () => {
    for (const config of [undefined, null, {}]) {
      const [settings, messages] = settingsOf(config);
      expect(messages).toEqual([]);
      expect(settings).toEqual({ sections: {}, fields: ['price', 'full_price'], hideOutOfStock: true });
      expect(settings.order).toBeUndefined();
      expect(sectionSettings(settings, 'related', {})).toEqual({ layout: 'carousel', size: 48 });
    }
  });
});

describe('settings: each key', () => {
  it('sections: order, layout, size, items per page, title', () => {
    const [settings, messages] = settingsOf({
      sections: [
        { name: 'recent', layout: 'grid', size: 6, items_per_page: { mobile: 1, desktop: 3 }, title: ' Seen lately ' },
        { name: 'related', layout: 'slider', size: 100 },
        { name: 'categories', items_per_page: { desktop: 6 } },
      ],
    });
    expect(messages).toEqual([]);
    expect(settings.order).toEqual(['recent', 'related', 'categories']);
    expect(sectionSettings(settings, 'recent', {})).toEqual({ layout: 'grid', size: 6, perPage: { mobile: 1, desktop: 3 }, title: 'Seen lately' });
    // Above 48 is cut to 48; a missing half of items_per_page keeps its default.
    expect(sectionSettings(settings, 'related', {})).toEqual({ ...DEFAULT_SECTION, layout: 'carousel', size: 48 });
    expect(sectionSettings(settings, 'categories', {})).toEqual({ ...DEFAULT_SECTION, perPage: { mobile: 2, desktop: 6 } });
  });
  it('show_fields, hide_out_of_stock, cta_button, money_format, locale', () => {
    const [settings, messages] = settingsOf({
      show_fields: ['price', 'brand', 'rating', 'stock'],
      hide_out_of_stock: false,
      cta_button: { show_button: true, caption: 'View', buy_caption: 'Add to cart', classes: 'btn btn-primary' },
      money_format: '${{amount}} USD',
      locale: 'es-cl',
    });
    expect(messages).toEqual([]);
    expect(settings).toMatchObject({
      fields: ['price', 'brand', 'rating', 'stock'],
      hideOutOfStock: false,
      button: { caption: 'View', buyCaption: 'Add to cart', classes: 'btn btn-primary' },
      moneyFormat: '${{amount}} USD',
      locale: 'es-CL',
    });
  });
  it('a locale written the POSIX way (en_US, es_CL.UTF-8) is read as its language tag', () => {
    expect(settingsOf({ locale: 'en_US' })).toEqual([expect.objectContaining({ locale: 'en-US' }), []]);
    expect(settingsOf({ locale: 'es_CL.UTF-8' })).toEqual([expect.objectContaining({ locale: 'es-CL' }), []]);
  });
  it('a button is shown only with show_button true and a caption', () => {
    expect(settingsOf({ cta_button: { show_button: false, caption: 'View' } })[0].button).toBeUndefined();
    expect(settingsOf({ cta_button: { caption: 'View' } })[0].button).toBeUndefined();
    expect(settingsOf({ cta_button: { show_button: true } })[0].button).toBeUndefined();
    expect(settingsOf({ cta_button: { show_button: true, buy_caption: 'Buy' } })[0].button).toEqual({ caption: undefined, buyCaption: 'Buy', classes: undefined });
  });
});

describe('settings: each bad value gives one message naming its key, and the default', () => {
  const cases: [string, unknown, string][] = [
    ['config', 'grid', 'config: expected an object, got "grid"; defaults used'],
    ['sections', { sections: 'all' }, 'config.sections: expected a list, got "all"; default used'],
    ['section name', { sections: [{ name: 'popular' }] }, 'config.sections[0].name: expected top | related | similar | categories | recent, got "popular"; default used'],
    ['size -3', { sections: [{ name: 'related', size: -3 }] }, 'config.sections[0].size: expected 1 to 48, got -3; default used'],
    ['size 2.5', { sections: [{ name: 'related', size: 2.5 }] }, 'config.sections[0].size: expected 1 to 48, got 2.5; default used'],
    ['layout banana', { sections: [{ name: 'related', layout: 'banana' }] }, 'config.sections[0].layout: expected grid | slider, got "banana"; default used'],
    ['items_per_page', { sections: [{ name: 'related', items_per_page: { mobile: 0, desktop: 4 } }] }, 'config.sections[0].items_per_page: expected {mobile, desktop} of 1 to 12, got {"mobile":0,"desktop":4}; default used'],
    ['title', { sections: [{ name: 'related', title: 5 }] }, 'config.sections[0].title: expected text, got 5; default used'],
    ['show_fields not a list', { show_fields: 'price' }, 'config.show_fields: expected a list of price, full_price, brand, rating, stock, got "price"; default used'],
    ['show_fields unknown', { show_fields: ['price', 'colour'] }, 'config.show_fields: expected a list of price, full_price, brand, rating, stock, got ["price","colour"]; default used'],
    ['hide_out_of_stock', { hide_out_of_stock: 'yes' }, 'config.hide_out_of_stock: expected true | false, got "yes"; default used'],
    ['cta_button', { cta_button: true }, 'config.cta_button: expected an object, got true; default used'],
    ['money_format without a placeholder', { money_format: '$ amount' }, 'config.money_format: expected text with {{amount}} or another amount placeholder and no markup, got "$ amount"; default used'],
    ['money_format with markup', { money_format: '<b>${{amount}}</b>' }, 'config.money_format: expected text with {{amount}} or another amount placeholder and no markup, got "<b>${{amount}}</b>"; default used'],
    ['locale', { locale: 'not a locale!' }, 'config.locale: expected a language tag, got "not a locale!"; default used'],
  ];
  for (const [name, config, message] of cases) {
    it(name, () => {
      const [settings, messages] = settingsOf(config);
      expect(messages).toEqual([message]);
      const [defaults] = settingsOf(undefined);
      // Whatever was bad is as if absent.
      expect(sectionSettings(settings, 'related', {})).toEqual(sectionSettings(defaults, 'related', {}));
      expect({ ...settings, order: undefined, sections: {} }).toEqual({ ...defaults, order: undefined });
    });
  }
  it('a bad section is left out of the order, the good ones stay', () => {
    const [settings] = settingsOf({ sections: [null, { name: 'popular' }, { name: 'recent' }] });
    expect(settings.order).toEqual(['recent']);
  });
});

describe('placeholder attributes override the settings', () => {
  const spec = (attrs: Record<string, string>) => collect((warn) => readSpec((n) => attrs[n] ?? null, warn));
  const [dashboard] = settingsOf({ sections: [{ name: 'related', layout: 'grid', size: 4, items_per_page: { mobile: 1, desktop: 2 }, title: 'From the dashboard' }] });
  const effective = (attrs: Record<string, string>) => {
    const [s] = spec({ 'data-dc-products': 'related', ...attrs });
    return s.kind === 'products' ? sectionSettings(dashboard, 'related', s.override) : undefined;
  };
  it('data-dc-layout (carousel, slider or grid), data-dc-items, data-dc-title', () => {
    expect(effective({})).toEqual({ layout: 'grid', size: 4, perPage: { mobile: 1, desktop: 2 }, title: 'From the dashboard' });
    expect(effective({ 'data-dc-layout': 'carousel', 'data-dc-items': '12', 'data-dc-title': 'Picked' })).toEqual({
      layout: 'carousel', size: 12, perPage: { mobile: 1, desktop: 2 }, title: 'Picked',
    });
    expect(effective({ 'data-dc-layout': 'slider' })).toMatchObject({ layout: 'carousel' });
    expect(sectionSettings(readSettings({ sections: [{ name: 'related', layout: 'slider' }] }, () => {}), 'related', { layout: 'grid' }).layout).toBe('grid');
  });
  it('data-dc-money-format', () => {
    expect(spec({ 'data-dc-products': '', 'data-dc-money-format': '{{amount_with_comma_separator}} €' })[0]).toMatchObject({ moneyFormat: '{{amount_with_comma_separator}} €' });
  });
  it('a title names one section: ignored on a placeholder of every section', () => {
    expect(spec({ 'data-dc-products': '', 'data-dc-title': 'Mine' })[0]).toStrictEqual({ kind: 'products', section: '', override: {} });
  });
  it('each bad attribute: one message naming it, ignored', () => {
    expect(spec({ 'data-dc-products': '', 'data-dc-layout': 'banana' })).toEqual([
      { kind: 'products', section: '', override: {} },
      ['data-dc-layout: expected "grid" or "carousel", got "banana"; ignored'],
    ]);
    expect(spec({ 'data-dc-products': '', 'data-dc-items': '-3' })[1]).toEqual(['data-dc-items: expected a whole number from 1 to 48, got "-3"; ignored']);
    expect(spec({ 'data-dc-products': '', 'data-dc-items': 'x' })[1]).toEqual(['data-dc-items: expected a whole number from 1 to 48, got "x"; ignored']);
    expect(spec({ 'data-dc-products': '', 'data-dc-money-format': '<i>{{amount}}</i>' })).toEqual([
      { kind: 'products', section: '', override: {} },
      ['data-dc-money-format: expected text with {{amount}} or another amount placeholder and no markup, got "<i>{{amount}}</i>"; ignored'],
    ]);
  });
});

describe('money formats', () => {
  it('the four Shopify placeholders, with or without spaces inside the braces', () => {
    expect(formatMoney('${{amount}}', 1134.65)).toBe('$1,134.65');
    expect(formatMoney('${{ amount_no_decimals }}', 1134.65)).toBe('$1,135');
    expect(formatMoney('{{amount_with_comma_separator}} €', 1134.65)).toBe('1.134,65 €');
    expect(formatMoney('{{amount_no_decimals_with_comma_separator}} kr', 1234567.5)).toBe('1.234.568 kr');
    expect(formatMoney('{{amount}}', 5)).toBe('5.00');
    expect(formatMoney('{{amount}}', 999.999)).toBe('1,000.00');
    expect(formatMoney('-{{amount}}/{{amount}}', -1000)).toBe('--1,000.00/-1,000.00');
  });
  it('usable: text naming a placeholder, no markup', () => {
    expect(['${{amount}}', '{{ amount_no_decimals }} CLP', 'Rs. {{amount_with_comma_separator}}'].every(isMoneyFormat)).toBe(true);
    expect(['$', '{{price}}', '<span>{{amount}}</span>', '{{amount}}>', 5, null, undefined].some(isMoneyFormat)).toBe(false);
  });
  it('priceFormatter: the money format wins, else Intl for the locale and currency', () => {
    expect(priceFormatter('en-US', 'USD', '{{amount_with_comma_separator}} €')(1299)).toBe('1.299,00 €');
    expect(priceFormatter('en-US', 'EUR')(1299)).toBe('€1,299.00');
    expect(priceFormatter('de-DE', 'EUR')(1299)).toMatch(/^1\.299,00\s€$/);
  });
});

describe('product cards', () => {
  const read = (item: Record<string, unknown>) => collect((warn) => product({ product_id: 'p1', name: 'Chair', ...item }, warn));
  it('brand, variant, stock, extra.discount as badge, every scalar of extra as a sanitised data attribute', () => {
    const [p, messages] = read({
      brand: ' Acme ', variant_id: 7, stock: 3, rating: 90,
      extra: { discount: '20%', Extra_Feature: 'details', 'on sale!': true, count: 2, nested: { a: 1 }, list: [1], none: null, '***': 'x' },
    });
    expect(messages).toEqual([]);
    expect(p).toMatchObject({ brand: 'Acme', variantId: '7', stock: 3, stars: 5, soldOut: false, badge: '20%' });
    expect(p!.extra).toEqual({
      'data-dc-extra-discount': '20%', 'data-dc-extra-extra-feature': 'details', 'data-dc-extra-on-sale': 'true', 'data-dc-extra-count': '2',
    });
  });
  it('rating 0-100 as whole stars, rounded (58 shows 3)', () => {
    expect([0, 9, 10, 29, 30, 58, 70, 89, 90, 100, '58'].map((rating) => read({ rating })[0]!.stars)).toEqual([0, 0, 1, 1, 2, 3, 4, 4, 5, 5, 3]);
    expect(read({})[0]!.stars).toBeUndefined();
  });
  it('a bad rating: one message naming the product, no stars', () => {
    for (const rating of [250, -1, 'x', true, {}]) {
      const [p, messages] = read({ rating });
      expect(p!.stars).toBeUndefined();
      expect(messages).toEqual([`rating of product "p1": expected a number from 0 to 100, got ${JSON.stringify(rating)}; not shown`]);
    }
  });
  it('sold out when available is false or stock is 0', () => {
    expect([{}, { available: true }, { stock: 4 }, { available: false }, { stock: 0 }, { stock: '0' }].map((i) => read(i)[0]!.soldOut)).toEqual([false, false, false, true, true, true]);
    expect(read({ stock: -2 })[0]!.stock).toBeUndefined();
  });
});

describe('sections of a page: settings, out of stock, one product once', () => {
  const p = (id: string, more: Record<string, unknown> = {}) => ({ product_id: id, name: `n${id}`, ...more });
  const ids = (list: ReturnType<typeof sections>) => list.map((s) => `${s.category ?? s.name}:${s.products.map((x) => x.id).join(',')}`);
  const all: ProductsRequest = { section: '', override: {} };
  const draw = (response: unknown, config: unknown, seen = new Set<string>(), want = all, page: Parameters<typeof sections>[1] = 'product') =>
    sections(response, page, want, readSettings(config, () => {}), seen, () => {});

  it('config.sections gives the order, and a section it leaves out is hidden, also from a placeholder naming it', () => {
    const response = { related_product_skus: [p('1')], similar_product_skus: [p('2')], recent_product_skus: [p('3')] };
    const config = { sections: [{ name: 'recent' }, { name: 'similar' }] };
    expect(ids(draw(response, config))).toEqual(['recent:3', 'similar:2']);
    expect(draw(response, config, new Set(), { section: 'related', override: {} })).toEqual([]);
  });
  it('size cuts each section; by default all the products sent, at most 48', () => {
    const many = Array.from({ length: 60 }, (_, i) => p(`x${i}`));
    expect(draw({ related_product_skus: many }, undefined)[0]!.products).toHaveLength(48);
    expect(draw({ related_product_skus: many }, { sections: [{ name: 'related', size: 5 }] })[0]!.products).toHaveLength(5);
    expect(draw({ related_product_skus: many }, { sections: [{ name: 'related', size: 5 }] }, new Set(), { section: '', override: { size: 7 } })[0]!.products).toHaveLength(7);
  });
  it('layout and items per page are on the section model for the carousel and grid', () => {
    const [s] = draw({ related_product_skus: [p('1')] }, { sections: [{ name: 'related', layout: 'grid', items_per_page: { mobile: 1, desktop: 5 } }] });
    expect(s).toMatchObject({ name: 'related', layout: 'grid', perPage: { mobile: 1, desktop: 5 } });
    expect(draw({ related_product_skus: [p('1')] }, undefined)[0]).toMatchObject({ layout: 'carousel', perPage: undefined });
  });
  it('out-of-stock products are left out unless hide_out_of_stock is false; a section left empty is not drawn', () => {
    const response = { related_product_skus: [p('1', { available: false }), p('2', { stock: 0 }), p('3')], recent_product_skus: [p('4', { stock: 0 })] };
    expect(ids(draw(response, undefined))).toEqual(['related:3']);
    expect(ids(draw(response, { hide_out_of_stock: false }))).toEqual(['related:1,2,3', 'recent:4']);
  });
  it('a product shown in an earlier section or placeholder is left out of later ones; the size counts what is shown', () => {
    const response = {
      related_product_skus: [p('1'), p('2'), p('3'), p('4')],
      similar_product_skus: [p('2'), p('3'), p('5'), p('6')],
      related_categories: [{ name: 'Sofas', products: [p('1'), p('7')] }, { name: 'Beds', products: [p('7')] }],
      recent_product_skus: [p('1'), p('5'), p('8')],
    };
    const seen = new Set<string>(['4']); // an earlier placeholder showed product 4
    expect(ids(draw(response, { sections: [{ name: 'related' }, { name: 'similar', size: 2 }, { name: 'categories' }, { name: 'recent' }] }, seen))).toEqual([
      'related:1,2,3', 'similar:5,6', 'Sofas:7', 'recent:8',
    ]);
    // A later placeholder of the same page sees them all as shown.
    expect(draw(response, undefined, seen, { section: 'recent', override: {} })).toEqual([]);
  });
  it('a product listed twice in one list is shown once (the size counts it once)', () => {
    const response = { related_product_skus: [p('1'), p('2'), p('1', { variant_id: 'v2' }), p('3')] };
    expect(ids(draw(response, { sections: [{ name: 'related', size: 3 }] }))).toEqual(['related:1,2,3']);
  });
  it('click subtypes: related, similar, recent; top and category rows send related', () => {
    expect(['related', 'similar', 'recent', 'top', 'categories', null].map(clickSubtype)).toEqual(['related', 'similar', 'recent', 'related', 'related', 'related']);
  });
});
