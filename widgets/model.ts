// The API's response turned into what the widgets draw. Pure and defensive: the response is data from the network,
// so every field is checked, and long arrays are cut before any work is done on them.
import { attempt } from '../src/attempt.js';
import type { PageType } from '../src/types.js';
import { expected, type Warn } from '../src/log.js';
import { isObject } from '../src/normalize.js';
import { safeUrl } from './url.js';
import { toAmount } from './format.js';
import { MAX_ITEMS, SECTION_NAMES, sectionSettings, type SectionName, type SectionSettings, type Settings } from './settings.js';

export { MAX_ITEMS, SECTION_NAMES, type SectionName };

/** The page types the widgets draw for: the tracker's, and the dashboard's preview of them. */
export type WidgetPageType = PageType | 'editor preview';

/** Response key of a product section (`related_product_skus`...); `categories` is a list of categories, each with its
 *  products. */
const responseKey = (name: SectionName): string => (name === 'categories' ? 'related_categories' : `${name}_product_skus`);

/** Where a product click was shown, as the reference's click subtypes name it. */
export const clickSubtype = (name: string | null | undefined): 'related' | 'similar' | 'recent' =>
  name === 'similar' || name === 'recent' ? name : 'related';

/** At most this many category rows, however many the API sends. */
const MAX_CATEGORY_ROWS = 5;
/** At most this many entries of a list are looked at, so filtering a huge list never walks it. */
const MAX_SCAN = 500;
/** At most this many `extra` keys become card attributes. */
const MAX_EXTRA = 16;

export interface ProductModel {
  id: string;
  name: string;
  link?: string | undefined;
  image?: string | undefined;
  price?: number | undefined;
  fullPrice?: number | undefined;
  variantId?: string | undefined;
  brand?: string | undefined;
  /** Whole stars out of 5. */
  stars?: number | undefined;
  stock?: number | undefined;
  soldOut: boolean;
  /** `extra.discount`, shown as a badge. */
  badge?: string | undefined;
  /** Every scalar of `extra`, as `data-dc-extra-<key>` attributes. */
  extra: Record<string, string>;
}

export interface BannerModel {
  id: string;
  name: string;
  link?: string;
  image: string;
}

export interface SectionModel {
  /** Stable per placeholder: used for ids and keys. */
  key: string;
  name: SectionName;
  /** The dashboard's or the placeholder's title; without it the default title of the page language. */
  title?: string | undefined;
  /** A category row's name. */
  category?: string | undefined;
  layout: SectionSettings['layout'];
  /** Cards visible at once on narrow and wide screens (CSS `--dc-per-page-mobile` / `--dc-per-page-desktop`). */
  perPage?: SectionSettings['perPage'];
  products: ProductModel[];
}

type Data = Record<string, unknown>;
const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

/** The first `limit` usable entries of a list; non-arrays are empty. */
function firstOf<T>(list: unknown, limit: number, read: (item: Data) => T | undefined): T[] {
  const out: T[] = [];
  if (!Array.isArray(list)) return out;
  for (let i = 0; i < list.length && i < MAX_SCAN && out.length < limit; i++) {
    const item = list[i];
    const model = isObject(item) ? read(item) : undefined;
    if (model) out.push(model);
  }
  return out;
}

/** A product needs an id and a name; every other field is shown only when valid. */
export function product(item: Data, warn: Warn): ProductModel | undefined {
  const id = text(item['product_id']);
  const name = text(item['name']);
  if (!id || !name) return undefined;
  const extra = isObject(item['extra']) ? item['extra'] : {};
  const rating = item['rating'];
  const r = toAmount(rating);
  const stock = toAmount(item['stock']);
  // 0-100 as whole stars: 58 is 2.9 stars, shown as 3.
  const stars = r !== undefined && r >= 0 && r <= 100 ? Math.round(r / 20) : undefined;
  if (rating != null && stars === undefined) warn(expected(`rating of product "${id}"`, 'a number from 0 to 100', rating, 'not shown'));
  const model: ProductModel = {
    id,
    name,
    link: safeUrl(item['link']),
    image: safeUrl(item['photo_url']),
    price: toAmount(item['price']),
    fullPrice: toAmount(item['full_price']),
    variantId: text(item['variant_id']) || undefined,
    brand: text(item['brand']) || undefined,
    stars,
    stock: stock !== undefined && stock >= 0 ? stock : undefined,
    soldOut: item['available'] === false || stock === 0,
    badge: text(extra['discount']) || undefined,
    extra: {},
  };
  for (const key of Object.keys(extra).slice(0, MAX_EXTRA)) {
    const value = extra[key];
    const attr = key.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
    if (attr && ['string', 'number', 'boolean'].includes(typeof value)) model.extra[`data-dc-extra-${attr}`] = String(value);
  }
  return model;
}

/**
 * The first `limit` products of a list that `keep` accepts (at most MAX_ITEMS); `warn` hears about bad fields.
 */
export const products = (list: unknown, limit: number, warn: Warn, keep: (p: ProductModel) => boolean = () => true): ProductModel[] =>
  firstOf(list, Math.min(limit, MAX_ITEMS), (item) => {
    const p = product(item, warn);
    return p && keep(p) ? p : undefined;
  });

/** A name for a banner the API left unnamed (the samples send ""): the last words of its link, e.g. "racks". */
export function nameFromLink(link: string | undefined): string {
  const last = link?.split(/[?#]/)[0]?.split('/').filter(Boolean).pop() ?? '';
  return attempt(() => decodeURIComponent(last).replace(/[-_]+/g, ' ')) ?? ''; // '': a malformed %-escape
}

/** A banner needs an id and a safe image URL; unnamed, it is named from its link. Also the store's static banner. */
export function banner(id: string, photo: unknown, href: unknown, name = ''): BannerModel | undefined {
  const image = safeUrl(photo);
  if (!id || !image) return undefined;
  const link = safeUrl(href);
  const model: BannerModel = { id, name: name || nameFromLink(link), image };
  if (link) model.link = link;
  return model;
}

export const banners = (list: unknown): BannerModel[] =>
  firstOf(list, MAX_ITEMS, (item) => banner(text(item['banner_id']), item['photo_url'], item['link'], text(item['name'])));

/** Sections an empty `data-dc-products` may show on a page type (DESIGN.md §7). The preview shows every one. */
const onPage = (name: SectionName, page: WidgetPageType): boolean =>
  name === 'top' ? page === 'category' || page === 'editor preview' : name === 'similar' ? page === 'product' || page === 'editor preview' : true;

/** What a products placeholder asks for: a section ("" = every one) and the settings its attributes override. */
export interface ProductsRequest {
  section: SectionName | '';
  override: Partial<SectionSettings>;
}

/**
 * The sections a placeholder shows, in order. `seen` holds the products earlier sections of the page showed: they
 * are left out here, and this placeholder's are added to it (each product once on a page). Sections the settings
 * leave out, and sections left empty (null, missing, every product filtered out), are not returned at all.
 */
export function sections(response: unknown, page: WidgetPageType, want: ProductsRequest, settings: Settings, seen: Set<string>, warn: Warn): SectionModel[] {
  if (!isObject(response)) return [];
  const order = settings.order ?? SECTION_NAMES;
  const names = want.section ? order.filter((n) => n === want.section) : order.filter((n) => onPage(n, page));
  // Marked as it is taken, so that a product listed twice in one list is shown once too (one card, one key).
  const keep = (p: ProductModel) => !seen.has(p.id) && !(p.soldOut && settings.hideOutOfStock) && !!seen.add(p.id);
  const out: SectionModel[] = [];
  const add = (name: SectionName, list: unknown, key: string, category?: string) => {
    const config = sectionSettings(settings, name, want.override);
    const shown = products(list, config.size, warn, keep);
    if (!shown.length) return;
    out.push({ key, name, title: config.title, category, layout: config.layout, perPage: config.perPage, products: shown });
  };
  for (const name of names) {
    const value = response[responseKey(name)];
    if (name === 'categories') {
      firstOf(value, MAX_CATEGORY_ROWS, (row) => (text(row['name']) ? row : undefined)).forEach((row, i) =>
        add(name, row['products'], `categories-${i}`, text(row['name'])),
      );
    } else add(name, value, name);
  }
  return out;
}

export interface BannerRow {
  left: BannerModel | undefined;
  wide: BannerModel | undefined;
  right: BannerModel | undefined;
}

/**
 * The standard layout: one row, narrow | wide | narrow, so the box held before the answer is the box it keeps. The
 * wide box shows the first main banner, else the static banner (when the store set one); the first two sub banners
 * fill the sides. Further banners are for the custom slots. Nothing to show: undefined.
 */
export function bannerRow([main]: BannerModel[], [left, right]: BannerModel[], still: BannerModel | undefined): BannerRow | undefined {
  const wide = main ?? still;
  return left || wide ? { left, wide, right } : undefined;
}
