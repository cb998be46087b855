import type { DatacueConfig, DatacueEvent, PageType } from './types.js';
import { expected, type Warn } from './log.js';
import { isObject } from './normalize.js';

export const PAGE_TYPES: readonly PageType[] = [
  'home',
  'product',
  'category',
  'search',
  'cart',
  '404',
  'order confirmation',
  'checkout',
];

/** The reference's variant id for a product without variants. */
export const NO_VARIANTS = 'no-variants';

/** Each variant of product_update names its variant: the given one, else the reference's constant. */
const variant = (update: unknown, id?: unknown) =>
  isObject(update) && update['variant_id'] == null ? { ...update, variant_id: id ?? NO_VARIANTS } : update;

/**
 * The events a page sends on load, from its config (DESIGN.md §3; a plain JSON copy). Pure: problems go to `warn`,
 * one message each, and a page that cannot be described sends nothing rather than something wrong.
 */
export function pageEvents(input: DatacueConfig, warn: Warn): DatacueEvent[] {
  const c = input as Record<string, unknown>;
  const type = c['page_type'];
  const bad = (key: string, what: string, value: unknown, outcome = 'left out') => warn(expected(key, what, value, outcome));
  /** A required id or term: a non-empty string, or a number (which track()'s `normalize` turns into one). */
  const need = (key: string, v = c[key]) => {
    const ok = (typeof v == 'string' && v != '') || typeof v == 'number';
    if (!ok) bad(key, 'a non-empty string', v, 'nothing sent');
    return ok;
  };
  if (type == 'editor preview') return [];
  if (!PAGE_TYPES.includes(type as PageType)) return bad('page_type', PAGE_TYPES.join(' | '), type, 'nothing sent'), [];
  const view: Record<string, unknown> = { type: 'pageview', subtype: type };
  const events = [view];
  if (type == 'search') {
    if (!need('term')) return [];
    events[0] = { type: 'search', term: String(c['term']) };
  }
  if (type == 'product') {
    if (!need('product_id')) return [];
    // null is how templates say "no variant": never forwarded.
    const id = c['variant_id'];
    const update = c['product_update'];
    view['product_id'] = c['product_id'];
    if (id != null) view['variant_id'] = id;
    if (Array.isArray(update)) view['product_update'] = update.map((u) => variant(u));
    else if (isObject(update)) view['product_update'] = [variant(update, id)];
    else if (update !== undefined) bad('product_update', 'an array', update);
  }
  if (type == 'category') {
    const update = c['category_update'];
    const id = c['category_id'] ?? c['category_name'];
    if (!need('category_id', id)) return [];
    view['category_id'] = id;
    // `update` is JSON: nothing but an object has a name.
    view['category_name'] = c['category_name'] ?? (update as { name?: unknown } | undefined)?.name;
    if (isObject(update)) view['category_update'] = update;
    else if (update !== undefined) bad('category_update', 'an object', update);
  }
  if (type == 'order confirmation') {
    const id = (view['order_id'] = c['order_id']);
    // JSON, so a field of anything but an object reads as undefined (null's, through ?.).
    const details = c['order_details'] as Partial<Record<'cart' | 'order_status' | 'timestamp', unknown>> | null | undefined;
    const cart = details?.cart;
    const status = details?.order_status;
    // Keys left undefined are not in the JSON that is sent.
    if (details === undefined) {
      // a backend order: the pageview alone
    } else if (!Array.isArray(cart))
      bad('order_details.cart', 'an array of line items', isObject(details) ? cart : details, 'order not sent');
    // The reference: "Orders cannot be cancelled via the browser or frontend".
    else if (status != null && status != 'completed')
      bad('order_details.order_status', "'completed'", status, 'order not sent');
    else if (need('order_id')) events.push({ type: 'order', subtype: 'completed', order_id: id, cart, timestamp: details?.timestamp });
  }
  // track() normalizes every event it sends (numeric ids, string amounts), these included.
  return events as unknown as DatacueEvent[];
}
