// What a shopper does on the store, wired the way the reference asks a store to ("Sending other events"): cart
// updates, wishlist, checkout started, log in; and the widgets' buy button (`datacue:add-to-cart`). Shared by the server-rendered pages (window.datacue) and the SPA
// (the npm tracker), so it takes the tracker as a parameter.
import { addToCart, itemCount, parseCart, removeFromCart, setQuantity } from '/shared/cart.mjs';
import { CART_COOKIE } from '/shared/settings.mjs';
import { cartBody } from '/shared/views.mjs';

const WISHLIST_KEY = 'demo_wishlist';
const THIRTY_DAYS = 30 * 24 * 60 * 60;

function readCookie(name) {
  const found = document.cookie.split('; ').find((c) => c.startsWith(`${name}=`));
  try {
    return found ? decodeURIComponent(found.slice(name.length + 1)) : '';
  } catch {
    return '';
  }
}

export const readCart = () => parseCart(readCookie(CART_COOKIE));

/** "Link to view cart and resume shopping" (reference: cart update). */
const cartLink = () => `${location.origin}/cart`;

/** Sends an event; a refusal is already reported on the console by the runtime, the shop goes on. */
const send = (datacue, event) => datacue.track(event).catch(() => null);

function saveCart(datacue, cart) {
  // The server reads this cookie to render the cart, the checkout and the order.
  document.cookie = `${CART_COOKIE}=${encodeURIComponent(JSON.stringify(cart))}; path=/; max-age=${THIRTY_DAYS}; samesite=lax`;
  document.querySelectorAll('[data-cart-count]').forEach((el) => (el.textContent = String(itemCount(cart))));
  send(datacue, { type: 'cart', subtype: 'update', cart, cart_link: cartLink() });
}

/**
 * The widgets' buy button (DESIGN.md §7): the product goes into the cart here, without leaving the page. When it
 * cannot (sold out, all the stock already in the cart, cart full), the event is left alone and the browser opens the
 * product page, where the shopper sees why.
 */
function addFromWidget(datacue, event) {
  const { product_id: productId, variant_id: variantId } = event.detail ?? {};
  const before = readCart();
  const cart = addToCart(before, productId, variantId, 1);
  if (cart === before) return;
  event.preventDefault();
  saveCart(datacue, cart);
  const name = typeof event.detail.name === 'string' ? event.detail.name : 'The product';
  document.querySelectorAll('[data-cart-toast]').forEach((toast) => (toast.textContent = `${name} is in your cart (${items(itemCount(cart))}).`));
}

const items = (n) => `${n} item${n === 1 ? '' : 's'}`;

/** Re-renders the cart page's lines; a keyboard user stays on the quantity they edited (else on the cart). */
function showCart(cart) {
  const box = document.querySelector('[data-cart]');
  if (!box) return;
  const edited = document.activeElement?.closest('[data-line]');
  box.innerHTML = cartBody(cart).toString();
  const same = edited && [...box.querySelectorAll('[data-line]')].find(
    (l) => l.dataset.productId === edited.dataset.productId && l.dataset.variantId === edited.dataset.variantId,
  );
  (same?.querySelector('[data-quantity]') ?? box).focus();
}

function readWishlist() {
  try {
    const list = JSON.parse(localStorage.getItem(WISHLIST_KEY) ?? '{}');
    return list && typeof list === 'object' ? list : {};
  } catch {
    return {};
  }
}

/** Marks the wishlist buttons under `root` pressed for the products in the wishlist. */
export function markWishlist(root) {
  const list = readWishlist();
  root.querySelectorAll('[data-wishlist]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.productId in list)));
}

function toggleWishlist(datacue, button) {
  const list = readWishlist();
  const { productId } = button.dataset;
  // A product is in the wishlist once, with the variant it was added as: removing it names that variant.
  const adding = !(productId in list);
  const variantId = adding ? button.dataset.variantId : list[productId];
  if (adding) list[productId] = variantId;
  else delete list[productId];
  try {
    localStorage.setItem(WISHLIST_KEY, JSON.stringify(list));
  } catch {
    /* storage full or blocked: the event still tells DataCue */
  }
  markWishlist(document);
  send(datacue, { type: 'wishlist', subtype: adding ? 'add' : 'remove', product_id: productId, variant_id: variantId });
}

function addFromForm(datacue, form) {
  const quantity = Math.max(1, Math.floor(form.elements.quantity.valueAsNumber) || 1);
  const before = readCart();
  const cart = addToCart(before, form.dataset.productId, form.dataset.variantId, quantity);
  const notice = form.parentElement.querySelector('[data-cart-notice]');
  if (cart === before) {
    if (notice) notice.textContent = 'That is all we have in stock, or your cart is full.';
    return;
  }
  saveCart(datacue, cart);
  if (notice) notice.innerHTML = `Added to your cart. <a href="/cart">View cart (${itemCount(cart)})</a>`;
}

function lineOf(element) {
  const line = element.closest('[data-line]');
  return [line.dataset.productId, line.dataset.variantId];
}

/** Listens on `root` for every store interaction; `datacue` is the tracker that records them. */
export function bindStore(root, datacue) {
  markWishlist(root);

  root.addEventListener('submit', (e) => {
    const form = e.target;
    if (form.matches('[data-add-to-cart]')) {
      e.preventDefault();
      addFromForm(datacue, form);
    }
  });

  root.addEventListener('datacue:add-to-cart', (e) => addFromWidget(datacue, e));

  // Reference "User Login": the log-in page carries no tag, so the first page with tags after it sends the event
  // (its config already names the user).
  if (root.querySelector('meta[name="demo-login"]')) send(datacue, { type: 'login' });

  root.addEventListener('change', (e) => {
    if (!e.target.matches('[data-quantity]')) return;
    const cart = setQuantity(readCart(), ...lineOf(e.target), Math.floor(e.target.valueAsNumber) || 0);
    saveCart(datacue, cart);
    showCart(cart);
  });

  root.addEventListener('click', (e) => {
    const target = e.target.closest('[data-wishlist], [data-remove], [data-clear-cart], [data-checkout]');
    if (!target) return;
    if (target.matches('[data-wishlist]')) toggleWishlist(datacue, target);
    else if (target.matches('[data-checkout]')) {
      // Deferred: stored with the moment of the click and sent by the next page with tags (the checkout page has
      // none), so the link is never held back.
      datacue.track({ type: 'checkout', subtype: 'started', cart: readCart(), cart_link: cartLink() }, true).catch(() => null);
    } else {
      const cart = target.matches('[data-remove]') ? removeFromCart(readCart(), ...lineOf(target)) : [];
      saveCart(datacue, cart);
      showCart(cart);
    }
  });
}
