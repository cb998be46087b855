// The shopping cart as the reference's line items {product_id, variant_id, quantity, unit_price, currency}.
// Pure functions: the browser keeps the cart in a cookie, the server reads that cookie to render the cart, the
// checkout and the order; both trust only the catalog for prices and stock.
import { productById, variantOf } from './catalog.mjs';
import { CURRENCY } from './settings.mjs';

/** Enough for any real basket while keeping the cookie well under the 4 KB browsers allow. */
export const MAX_LINES = 20;
export const MAX_QUANTITY = 99;

/** A line as the catalog says it is, or null when its product or variant does not exist or is sold out. */
function checkedLine(line) {
  const product = line && productById(line.product_id);
  const variant = product && variantOf(product, line.variant_id);
  const quantity = Math.min(Math.floor(Number(line?.quantity)), MAX_QUANTITY, variant?.stock ?? 0);
  if (!variant || !(quantity >= 1)) return null;
  return { product_id: product.product_id, variant_id: variant.variant_id, quantity, unit_price: product.price, currency: CURRENCY };
}

/** The cart from its stored text; anything unreadable or unknown is dropped rather than trusted. */
export function parseCart(text) {
  let raw;
  try {
    raw = JSON.parse(text || '[]');
  } catch {
    return [];
  }
  return Array.isArray(raw) ? raw.slice(0, MAX_LINES).map(checkedLine).filter(Boolean) : [];
}

const sameLine = (a, productId, variantId) => a.product_id === productId && a.variant_id === variantId;

export function addToCart(cart, productId, variantId, quantity) {
  const existing = cart.find((l) => sameLine(l, productId, variantId));
  if (!existing && cart.length >= MAX_LINES) return cart;
  const line = checkedLine({ product_id: productId, variant_id: variantId, quantity: (existing?.quantity ?? 0) + quantity });
  if (!line) return cart;
  return existing ? cart.map((l) => (l === existing ? line : l)) : [...cart, line];
}

export function setQuantity(cart, productId, variantId, quantity) {
  if (quantity < 1) return removeFromCart(cart, productId, variantId);
  return cart.map((l) => (sameLine(l, productId, variantId) ? checkedLine({ ...l, quantity }) ?? l : l));
}

export const removeFromCart = (cart, productId, variantId) => cart.filter((l) => !sameLine(l, productId, variantId));

export const itemCount = (cart) => cart.reduce((n, l) => n + l.quantity, 0);
export const cartTotal = (cart) => cart.reduce((sum, l) => sum + l.quantity * l.unit_price, 0);
