// What a placeholder element asks for, read from its data attributes. Pure: it gets an attribute reader.
import { expected, type Warn } from '../src/log.js';
import { isMoneyFormat, MONEY_FORMAT } from './money.js';
import { MAX_ITEMS, readCount, readLayout, sectionName, SECTION_NAMES, type Layout, type SectionName, type SectionSettings } from './settings.js';

export type { Layout };

export const PLACEHOLDER_SELECTOR = '[data-dc-banners],[data-dc-main-insert-banner],[data-dc-sub-insert-banner],[data-dc-products]';

export type WidgetSpec =
  | { kind: 'banners'; staticImage?: string; staticLink?: string }
  | { kind: 'slot'; which: 'main' | 'sub'; index: number }
  | { kind: 'products'; section: SectionName | ''; override: Partial<SectionSettings>; moneyFormat?: string }
  | { kind: 'invalid'; problem: string };

type Attr = (name: string) => string | null;

/**
 * Reads one placeholder. A value that leaves nothing to draw gives an `invalid` spec naming the attribute and what
 * it expects; an unusable override goes to `warn` and the dashboard's setting (or the default) is used.
 */
export function readSpec(attr: Attr, warn: Warn): WidgetSpec {
  if (attr('data-dc-banners') !== null) {
    const spec: WidgetSpec = { kind: 'banners' };
    const image = attr('data-dc-static-img');
    const link = attr('data-dc-static-link');
    if (image) spec.staticImage = image;
    if (link) spec.staticLink = link;
    return spec;
  }
  for (const which of ['main', 'sub'] as const) {
    const value = attr(`data-dc-${which}-insert-banner`);
    if (value === null) continue;
    const index = readCount(value, Infinity);
    return index
      ? { kind: 'slot', which, index }
      : { kind: 'invalid', problem: `data-dc-${which}-insert-banner: expected a number from 1, got "${value}"` };
  }
  const section = (attr('data-dc-products') ?? '').trim();
  const name = sectionName(section);
  if (section && !name) {
    return { kind: 'invalid', problem: `data-dc-products: expected "" or ${SECTION_NAMES.join(' | ')}, got "${section}"` };
  }
  const override: Partial<SectionSettings> = {};
  const spec: WidgetSpec = { kind: 'products', section: name ?? '', override };
  // Each attribute: absent or empty is no override; unusable is reported and ignored.
  const read = <T>(key: string, what: string, parse: (v: string) => T | undefined): T | undefined => {
    const v = attr(key);
    const out = v ? parse(v) : undefined;
    if (v && out === undefined) warn(expected(key, what, v, 'ignored'));
    return out;
  };
  const layout = read('data-dc-layout', '"grid" or "carousel"', readLayout);
  const items = read('data-dc-items', `a whole number from 1 to ${MAX_ITEMS}`, (v) => readCount(v, MAX_ITEMS));
  const money = read('data-dc-money-format', MONEY_FORMAT, (v) => (isMoneyFormat(v) ? v : undefined));
  const title = attr('data-dc-title')?.trim();
  if (layout) override.layout = layout;
  if (items) override.size = items;
  // A title names one section: on a placeholder showing every section it would name them all alike.
  if (title && name) override.title = title;
  if (money) spec.moneyFormat = money;
  return spec;
}
