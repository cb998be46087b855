// The API's response turned into what the widgets draw. Pure and defensive: the response is data from the network,
// so every field is checked, and long arrays are cut before any work is done on them.
import type { PageType } from '../src/types.js';
import { safeUrl } from './url.js';
import { toAmount } from './format.js';

export type SectionName = 'related' | 'recent' | 'similar' | 'categories' | 'top';
export const SECTION_NAMES: readonly SectionName[] = ['related', 'recent', 'similar', 'categories', 'top'];

/** What an empty `data-dc-products` shows on each page type, in order. */
export const PAGE_SECTIONS: Record<PageType, SectionName[]> = {
  home: ['related', 'categories', 'recent'],
  product: ['related', 'similar', 'recent'],
  category: ['top', 'recent'],
  search: ['related', 'recent'],
  cart: ['related', 'recent'],
  '404': ['related', 'recent'],
  'order confirmation': ['related', 'recent'],
  checkout: ['related', 'recent'],
};

/** Response keys of the product sections; `categories` is a list of categories, each with its products. */
const SECTION_KEYS: Record<SectionName, string> = {
  related: 'related_product_skus',
  recent: 'recent_product_skus',
  similar: 'similar_product_skus',
  top: 'top_product_skus',
  categories: 'related_categories',
};

export const MAX_ITEMS = 48;
/** At most this many category rows, however many the API sends. */
const MAX_CATEGORY_ROWS = 5;

export interface ProductModel {
  id: string;
  name: string;
  link?: string;
  image?: string;
  price?: number;
  fullPrice?: number;
}

export interface BannerModel {
  id: string;
  name: string;
  link?: string;
  image?: string;
}

export interface SectionModel {
  /** Stable per placeholder: used for ids and keys. */
  key: string;
  name: SectionName;
  /** A category row's name; other sections take their title from the placeholder or the defaults. */
  category?: string;
  products: ProductModel[];
}

type Data = Record<string, unknown>;
const isData = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

/** The first `limit` usable entries of a list; non-arrays are empty. */
function firstOf<T>(list: unknown, limit: number, read: (item: Data) => T | undefined): T[] {
  const out: T[] = [];
  if (!Array.isArray(list)) return out;
  for (let i = 0; i < list.length && out.length < limit; i++) {
    const item = list[i];
    const model = isData(item) ? read(item) : undefined;
    if (model) out.push(model);
  }
  return out;
}

/** A product needs an id and a name; price, link and image are shown only when valid. */
function product(item: Data): ProductModel | undefined {
  const id = text(item['product_id']);
  const name = text(item['name']);
  if (!id || !name) return undefined;
  const model: ProductModel = { id, name };
  const link = safeUrl(item['link']);
  const image = safeUrl(item['photo_url']);
  const price = toAmount(item['price']);
  const fullPrice = toAmount(item['full_price']);
  if (link) model.link = link;
  if (image) model.image = image;
  if (price !== undefined) model.price = price;
  if (fullPrice !== undefined) model.fullPrice = fullPrice;
  return model;
}

export const products = (list: unknown, limit: number): ProductModel[] => firstOf(list, Math.min(limit, MAX_ITEMS), product);

/** A name for a banner the API left unnamed (the samples send ""): the last words of its link, e.g. "racks". */
export function nameFromLink(link: string | undefined): string {
  const last = link?.split(/[?#]/)[0]?.split('/').filter(Boolean).pop() ?? '';
  try {
    return decodeURIComponent(last).replace(/[-_]+/g, ' ');
  } catch {
    return ''; // a malformed %-escape
  }
}

function banner(item: Data): BannerModel | undefined {
  const id = text(item['banner_id']);
  const image = safeUrl(item['photo_url']);
  if (!id || !image) return undefined;
  const link = safeUrl(item['link']);
  const model: BannerModel = { id, name: text(item['name']) || nameFromLink(link), image };
  if (link) model.link = link;
  return model;
}

export const banners = (list: unknown): BannerModel[] => firstOf(list, MAX_ITEMS, banner);

/**
 * The sections a placeholder shows: `wanted` is its `data-dc-products` value ("" = every section of the page
 * type). Empty, null or missing sections are left out entirely.
 */
export function sections(response: unknown, pageType: PageType, wanted: string, limit: number): SectionModel[] {
  if (!isData(response)) return [];
  const names = wanted ? SECTION_NAMES.filter((n) => n === wanted) : PAGE_SECTIONS[pageType] ?? [];
  const out: SectionModel[] = [];
  for (const name of names) {
    const value = response[SECTION_KEYS[name]];
    if (name === 'categories') {
      firstOf(value, MAX_CATEGORY_ROWS, (row) => {
        const list = products(row['products'], limit);
        const category = text(row['name']);
        return list.length && category ? { key: `categories-${out.length}`, name, category, products: list } : undefined;
      }).forEach((row) => out.push(row));
    } else {
      const list = products(value, limit);
      if (list.length) out.push({ key: name, name, products: list });
    }
  }
  return out;
}

export interface BannerRow {
  left?: BannerModel;
  wide?: BannerModel | 'static';
  right?: BannerModel;
}

/**
 * The standard layout: rows of narrow | wide | narrow. The static banner (when the store set one) is the first
 * wide box, then the main banners; sub banners fill the sides two per row.
 */
export function bannerRows(main: BannerModel[], sub: BannerModel[], hasStatic: boolean): BannerRow[] {
  const wides: (BannerModel | 'static')[] = hasStatic ? ['static', ...main] : [...main];
  const rows: BannerRow[] = [];
  for (let i = 0; i < Math.max(wides.length, Math.ceil(sub.length / 2)); i++) {
    const row: BannerRow = {};
    const left = sub[2 * i];
    const wide = wides[i];
    const right = sub[2 * i + 1];
    if (left) row.left = left;
    if (wide) row.wide = wide;
    if (right) row.right = right;
    rows.push(row);
  }
  return rows;
}
