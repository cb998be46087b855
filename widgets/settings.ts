// The store's dashboard settings as the response carries them under `config` (DESIGN.md §7), read defensively:
// each unusable value gives one message naming its key and the default is used instead. Pure.
import { attempt } from '../src/attempt.js';
import { expected, type Warn } from '../src/log.js';
import { isObject } from '../src/normalize.js';
import { isMoneyFormat, MONEY_FORMAT } from './money.js';
import { languageTag, toAmount } from './format.js';

export type SectionName = 'related' | 'recent' | 'similar' | 'categories' | 'top';
/** Also the default order of an empty `data-dc-products`. */
export const SECTION_NAMES: readonly SectionName[] = ['top', 'related', 'similar', 'categories', 'recent'];

export type Layout = 'grid' | 'carousel';
export type Field = 'price' | 'full_price' | 'brand' | 'rating' | 'stock';
const FIELDS: readonly Field[] = ['price', 'full_price', 'brand', 'rating', 'stock'];

/** The most products a section shows, whatever the API sends or the settings ask. */
export const MAX_ITEMS = 48;

export interface PerPage {
  mobile: number;
  desktop: number;
}

/** How one section is drawn. */
export interface SectionSettings {
  layout: Layout;
  size: number;
  /**
   * Cards visible at once: a carousel's page, a grid's columns. Only when the dashboard or the placeholder sets
   * it: the stylesheet's default (2 / 4) otherwise, which the page's own `--dc-per-page-*` can change.
   */
  perPage?: PerPage;
  title?: string;
}

export interface ButtonSettings {
  /** Text of a link to the product. */
  caption?: string | undefined;
  /** Text of a button that puts the product in the cart (products with a `variant_id`). */
  buyCaption?: string | undefined;
  classes?: string | undefined;
}

export interface Settings {
  /** The sections to show, in order; undefined: every one, in the default order. */
  order?: SectionName[];
  sections: Partial<Record<SectionName, Partial<SectionSettings>>>;
  fields: Field[];
  hideOutOfStock: boolean;
  button?: ButtonSettings | undefined;
  moneyFormat?: string | undefined;
  locale?: string | undefined;
}

export const DEFAULT_SECTION: SectionSettings = { layout: 'carousel', size: MAX_ITEMS };
export const DEFAULT_FIELDS: Field[] = ['price', 'full_price'];

/** "grid", "slider" or "carousel"; anything else undefined. */
export const readLayout = (v: unknown): Layout | undefined => (v === 'grid' ? v : v === 'slider' || v === 'carousel' ? 'carousel' : undefined);

/** A whole number from 1; above `max` is cut to it. Numeric strings accepted (attributes are strings). */
export function readCount(v: unknown, max: number): number | undefined {
  const n = toAmount(v);
  return Number.isInteger(n) && n! > 0 ? Math.min(n!, max) : undefined;
}

export const sectionName = (v: unknown): SectionName | undefined => (SECTION_NAMES.includes(v as SectionName) ? (v as SectionName) : undefined);

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : undefined);
const whole = (max: number) => (v: unknown) => readCount(v, max);

/** Cards a row (a carousel's page) without the dashboard's setting, as the stylesheet draws them. */
export const DEFAULT_PER_PAGE: PerPage = { mobile: 2, desktop: 4 };

/** Per-section keys: response key, what is expected, parser, and the setting when it is named otherwise (a key named
 *  as its setting must be one). */
type Parse = (v: unknown) => unknown;
const SECTION_KEYS: ([key: keyof SectionSettings, what: string, parse: Parse] | [key: string, what: string, parse: Parse, setting: keyof SectionSettings])[] = [
  ['layout', 'grid | slider', readLayout],
  ['size', `1 to ${MAX_ITEMS}`, whole(MAX_ITEMS)],
  ['title', 'text', str],
  ['items_per_page', '{mobile, desktop} of 1 to 12', (v) => {
    const mobile = isObject(v) ? readCount(v['mobile'] ?? DEFAULT_PER_PAGE.mobile, 12) : undefined;
    const desktop = isObject(v) ? readCount(v['desktop'] ?? DEFAULT_PER_PAGE.desktop, 12) : undefined;
    return mobile && desktop ? { mobile, desktop } : undefined;
  }, 'perPage'],
];

/**
 * Reads `config`. `warn` gets one message per unusable value; the value's default is used. A missing `config`,
 * or a missing key, is not a problem: the defaults are the documented behaviour.
 */
export function readSettings(config: unknown, warn: Warn): Settings {
  const settings: Settings = { sections: {}, fields: DEFAULT_FIELDS, hideOutOfStock: true };
  // One key of an object: absent gives undefined; unusable gives one message and undefined.
  const read = <T>(from: unknown, path: string, what: string, parse: (v: unknown) => T | undefined): T | undefined => {
    const key = path.split('.').pop()!;
    const v = isObject(from) ? from[key] : undefined;
    const out = v === undefined ? undefined : parse(v);
    if (v !== undefined && out === undefined) warn(expected(path, what, v, 'default used'));
    return out;
  };
  // Not an object: every key below reads as missing.
  if (config != null && !isObject(config)) warn(expected('config', 'an object', config, 'defaults used'));

  const list = read(config, 'config.sections', 'a list', (v) => (Array.isArray(v) ? v : undefined));
  if (list) {
    settings.order = [];
    list.slice(0, 20).forEach((item: unknown, i) => {
      const path = `config.sections[${i}]`;
      const name = read(item, `${path}.name`, SECTION_NAMES.join(' | '), sectionName);
      if (!name) return;
      const section: Record<string, unknown> = {};
      for (const [key, what, parse, setting = key] of SECTION_KEYS) {
        const v = read(item, `${path}.${key}`, what, parse);
        if (v) section[setting] = v;
      }
      settings.order!.push(name);
      settings.sections[name] = section;
    });
  }
  settings.fields = read(config, 'config.show_fields', `a list of ${FIELDS.join(', ')}`, (v) =>
    Array.isArray(v) && v.every((f) => FIELDS.includes(f)) ? (v as Field[]) : undefined,
  ) ?? DEFAULT_FIELDS;
  settings.hideOutOfStock = read(config, 'config.hide_out_of_stock', 'true | false', (v) => (typeof v === 'boolean' ? v : undefined)) ?? true;
  const cta = read(config, 'config.cta_button', 'an object', (v) => (isObject(v) ? v : undefined));
  if (cta?.['show_button'] === true) {
    const text = (key: string) => read(cta, `config.cta_button.${key}`, 'text', str) || undefined;
    const button = { caption: text('caption'), buyCaption: text('buy_caption'), classes: text('classes') };
    if (button.caption || button.buyCaption) settings.button = button;
  }
  settings.moneyFormat = read(config, 'config.money_format', MONEY_FORMAT, (v) => (isMoneyFormat(v) ? v : undefined));
  // A tag that is not well formed throws.
  settings.locale = read(config, 'config.locale', 'a language tag', (v) => attempt(() => Intl.getCanonicalLocales(languageTag(v as string))[0]));
  return settings;
}

/** One section's settings: the defaults, then the dashboard's, then the placeholder's attributes. */
export const sectionSettings = (settings: Settings, name: SectionName, override: Partial<SectionSettings>): SectionSettings => ({
  ...DEFAULT_SECTION,
  ...settings.sections[name],
  ...override,
});
