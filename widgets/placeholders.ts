// What a placeholder element asks for, read from its data attributes. Pure: it gets an attribute reader.
import { SECTION_NAMES, type SectionName } from './model.js';

export const PLACEHOLDER_SELECTOR = '[data-dc-banners],[data-dc-main-insert-banner],[data-dc-sub-insert-banner],[data-dc-products]';

export type Layout = 'grid' | 'carousel';

export type WidgetSpec =
  | { kind: 'banners'; staticImage?: string; staticLink?: string }
  | { kind: 'slot'; which: 'main' | 'sub'; index: number }
  | { kind: 'products'; section: SectionName | ''; layout: Layout; items: number; title?: string }
  | { kind: 'invalid'; problem: string };

export const DEFAULT_ITEMS = 8;

type Attr = (name: string) => string | null;

/** Reads one placeholder; a value it cannot use gives an `invalid` spec naming the attribute and what it expects. */
export function readSpec(attr: Attr): WidgetSpec {
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
    const index = Number(value);
    return Number.isInteger(index) && index >= 1
      ? { kind: 'slot', which, index }
      : { kind: 'invalid', problem: `data-dc-${which}-insert-banner: expected a number from 1, got "${value}"` };
  }
  const section = (attr('data-dc-products') ?? '').trim();
  if (section && !SECTION_NAMES.includes(section as SectionName)) {
    return { kind: 'invalid', problem: `data-dc-products: expected "" or ${SECTION_NAMES.join(' | ')}, got "${section}"` };
  }
  const items = Number(attr('data-dc-items') ?? DEFAULT_ITEMS);
  const spec: WidgetSpec = {
    kind: 'products',
    section: section as SectionName | '',
    layout: attr('data-dc-layout') === 'carousel' ? 'carousel' : 'grid',
    items: Number.isInteger(items) && items > 0 ? items : DEFAULT_ITEMS,
  };
  const title = attr('data-dc-title');
  if (title) spec.title = title;
  return spec;
}
