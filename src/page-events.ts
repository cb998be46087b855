import type { DatacueConfig, DatacueEvent, PageType } from './types.js';
import { expected, type Warn } from './log.js';
import { isObject, normalize } from './normalize.js';

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

export const isPageType = (v: unknown): v is PageType => PAGE_TYPES.includes(v as PageType);

/** The reference's variant id for a product without variants. */
export const NO_VARIANTS = 'no-variants';

/** Each variant of product_update names its variant: the given one, else the reference's constant. */
const variant = (update: unknown, id: unknown) =>
  isObject(update) && update['variant_id'] == null ? { ...update, variant_id: id ?? NO_VARIANTS } : update;

/** Whether a required id or term is there: a non-empty string, or a number (which `normalize` turns into one). */
function present(config: Record<string, unknown>, key: string, warn: Warn): boolean {
  const v = config[key];
  const ok = (typeof v === 'string' && v !== '') || typeof v === 'number';
  if (!ok) warn(expected(key, 'a non-empty string', v, 'nothing sent'));
  return ok;
}

/**
 * The events a page sends on load, from its config (DESIGN.md §3). Pure: problems go to `warn`, one message each,
 * and a page that cannot be described sends nothing rather than something wrong.
 */
export function pageEvents(input: DatacueConfig, warn: Warn): DatacueEvent[] {
  const config = input as Record<string, unknown>;
  const type = config['page_type'];
  if (type === 'editor preview') return [];
  if (!isPageType(type)) {
    warn(expected('page_type', PAGE_TYPES.join(' | '), type, 'nothing sent'));
    return [];
  }
  const events: Record<string, unknown>[] = [];
  const view: Record<string, unknown> = { type: 'pageview', subtype: type };
  switch (type) {
    case 'product': {
      if (!present(config, 'product_id', warn)) return [];
      view['product_id'] = config['product_id'];
      // null is how templates say "no variant": never forwarded.
      const id = config['variant_id'];
      if (id != null) view['variant_id'] = id;
      const update = config['product_update'];
      if (Array.isArray(update)) view['product_update'] = update.map((u) => variant(u, undefined));
      else if (isObject(update)) view['product_update'] = [variant(update, id)];
      else if (update !== undefined) warn(expected('product_update', 'an array of variants', update, 'left out'));
      events.push(view);
      break;
    }
    case 'category': {
      const update = config['category_update'];
      const name = config['category_name'] ?? (isObject(update) ? update['name'] : undefined);
      const id = config['category_id'] ?? config['category_name'];
      if (!present({ category_id: id }, 'category_id', warn)) return [];
      view['category_id'] = id;
      if (name !== undefined) view['category_name'] = name;
      if (isObject(update)) view['category_update'] = update;
      else if (update !== undefined) warn(expected('category_update', 'an object {name, link}', update, 'left out'));
      events.push(view);
      break;
    }
    case 'search': {
      if (!present(config, 'term', warn)) return [];
      events.push({ type: 'search', term: String(config['term']) });
      break;
    }
    case 'order confirmation': {
      const orderId = config['order_id'];
      if (orderId !== undefined) view['order_id'] = orderId;
      events.push(view);
      const details = config['order_details'];
      if (details === undefined) break;
      if (!isObject(details) || !Array.isArray(details['cart'])) {
        warn(expected('order_details.cart', 'an array of line items', isObject(details) ? details['cart'] : details, 'order not sent'));
        break;
      }
      const status = details['order_status'];
      if (status !== undefined && status !== 'completed') {
        warn(expected('order_details.order_status', "'completed' (orders cannot be cancelled from the browser)", status, 'order not sent'));
        break;
      }
      if (!present(config, 'order_id', warn)) break;
      const order: Record<string, unknown> = {
        type: 'order',
        subtype: 'completed',
        order_id: orderId,
        cart: details['cart'],
      };
      if (details['timestamp'] !== undefined) order['timestamp'] = details['timestamp'];
      events.push(order);
      break;
    }
    default:
      events.push(view);
  }
  return events.map((e) => normalize(e, warn) as DatacueEvent);
}
