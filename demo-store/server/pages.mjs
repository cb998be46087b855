// The store's pages, each with the config object of its page type (reference: "Store Frontend").
// A handler gets the request's context and returns {status, html} or {status, location} (a redirect).
import { html } from '../shared/html.mjs';
import { categoryById, productById, productBySlug, search, STATIC_BANNER, variantOf } from '../shared/catalog.mjs';
import { cartTotal } from '../shared/cart.mjs';
import {
  cartBody,
  categoryBody,
  formatPrice,
  homeBody,
  notFoundBody,
  productBody,
  recommendations,
  searchBody,
  variantLabel,
} from '../shared/views.mjs';
import { LOGIN_COOKIE } from '../shared/settings.mjs';
import {
  cartConfig,
  categoryConfig,
  homeConfig,
  notFoundConfig,
  orderConfig,
  productConfig,
  searchConfig,
} from '../shared/page-config.mjs';
import { cookie } from './http-util.mjs';
import { datacueConfig, layout, loginMarker, storeScript, trackingTags } from './layout.mjs';

/** The reply of a page with DataCue tags: the first one after a log in sends `login`, so the marker is used up. */
export const taggedReply = (ctx, reply) => (ctx.justLoggedIn ? { ...reply, cookies: [cookie(LOGIN_COOKIE, null)] } : reply);

/** A store page: its config, the layout, and the user, cart and consent from the request. */
const storePage = (ctx, { status = 200, title, page, body, userId = ctx.user, term, preload = '' }) =>
  taggedReply(ctx, {
    status,
    html: layout({
      title,
      head: html`${loginMarker(ctx)}${preload}${storeScript()}${trackingTags(datacueConfig(userId, page, ctx.consent))}`,
      body,
      user: ctx.user,
      cart: ctx.cart,
      term,
      consent: ctx.consent,
    }),
  });

/**
 * A page where the shopper types personal details or a password: no DataCue tag, no script at all (the reference
 * advises no tracking script where sensitive data is typed). Plain forms that post to the server.
 */
const untrackedPage = (ctx, { status = 200, title, body }) => ({ status, html: layout({ title, head: '', body, user: ctx.user, cart: ctx.cart }) });

// The static banner opens the page: preloaded, as the README advises, so the browser asks for it while the tags load.
const bannerPreload = html`<link rel="preload" as="image" href="${STATIC_BANNER.photo_url}" fetchpriority="high">`;
export const home = (ctx) => storePage(ctx, { title: 'Home', page: homeConfig(), body: homeBody(), preload: bannerPreload });

export function category(ctx, id) {
  const found = categoryById(id);
  if (!found) return notFound(ctx);
  return storePage(ctx, {
    title: found.name,
    page: categoryConfig(found),
    body: categoryBody(found),
  });
}

export function product(ctx, slug) {
  const found = productBySlug(slug);
  if (!found) return notFound(ctx);
  const chosen = ctx.url.searchParams.get('variant');
  const variant = chosen ? variantOf(found, chosen) : undefined;
  return storePage(ctx, {
    title: found.name,
    page: productConfig(found, variant),
    body: productBody(found, variant ?? found.variants[0]),
  });
}

export function searchResults(ctx) {
  const term = (ctx.url.searchParams.get('q') ?? '').trim();
  if (!term) return { status: 303, location: '/' };
  return storePage(ctx, { title: `Search: ${term}`, page: searchConfig(term), body: searchBody(term, search(term)), term });
}

export const cart = (ctx) =>
  storePage(ctx, {
    title: 'Cart',
    page: cartConfig(),
    body: html`<h1>Your cart</h1><div data-cart tabindex="-1">${cartBody(ctx.cart)}</div>${recommendations()}`,
  });

function orderSummary(lines) {
  return html`<ul class="summary">
      ${lines.map((l) => {
        const p = productById(l.product_id);
        return html`<li><span>${l.quantity} × ${variantLabel(p, variantOf(p, l.variant_id))}</span><span>${formatPrice(l.quantity * l.unit_price)}</span></li>`;
      })}
    </ul>
    <p class="total">Total <strong>${formatPrice(cartTotal(lines))}</strong></p>`;
}

/** GET /checkout, and POST /checkout with problems (`errors`) to show next to the form. No DataCue tag. */
export function checkout(ctx, { values = {}, errors = [] } = {}) {
  if (!ctx.cart.length) return { status: 303, location: '/cart' };
  return untrackedPage(ctx, {
    status: errors.length ? 400 : 200,
    title: 'Checkout',
    body: html`<h1>Checkout</h1>
      <div class="checkout">
        <form method="post" action="/checkout" class="form">
          ${errors.length ? html`<div class="errors" role="alert">${errors.map((e) => html`<p>${e}</p>`)}</div>` : ''}
          <p>${ctx.user ? html`Ordering as <strong>${ctx.user}</strong>.` : html`Checking out as a guest. <a href="/login?next=/checkout">Log in</a> instead?`}</p>
          <label>Email <input name="email" type="email" autocomplete="email" value="${values.email ?? ''}" ${ctx.user ? '' : 'required'}></label>
          <label>Full name <input name="name" autocomplete="name" value="${values.name ?? ''}" required></label>
          <label>Address <textarea name="address" rows="3" autocomplete="street-address" required>${values.address ?? ''}</textarea></label>
          <p class="hint">This is a demo: nothing is charged and nothing is shipped.</p>
          <button class="button primary">Place order</button>
        </form>
        <aside aria-label="Order summary"><h2>Your order</h2>${orderSummary(ctx.cart)}</aside>
      </div>`,
  });
}

/** The order confirmation: `order_details` sends the order from the browser; a guest's user_id is their email. */
export function confirmation(ctx, order) {
  if (!order) return notFound(ctx);
  return storePage(ctx, {
    title: 'Thank you',
    userId: order.user_id ?? order.email,
    page: orderConfig(order),
    body: html`<h1>Thank you for your order</h1>
      <p class="lead">Order <strong data-order-id>${order.order_id}</strong> is confirmed${order.email ? html`; a receipt goes to ${order.email}` : ''}.</p>
      ${orderSummary(order.cart)}
      <p><a class="button" href="/">Keep shopping</a></p>
      ${recommendations()}`,
  });
}

export const notFound = (ctx) =>
  storePage(ctx, { status: 404, title: 'Page not found', page: notFoundConfig(), body: notFoundBody() });

/** Log in: any user id and password will do. No DataCue tag: the page the shopper lands on sends `login`. */
export function login(ctx, { error } = {}) {
  const next = ctx.url.searchParams.get('next') ?? '/';
  return untrackedPage(ctx, {
    status: error ? 400 : 200,
    title: 'Log in',
    body: html`<h1>Log in</h1>
        ${
          ctx.user
            ? html`<p class="lead">You are logged in as <strong>${ctx.user}</strong>.</p>
              <form method="post" action="/logout"><button class="button">Log out</button></form>`
            : html`<form method="post" action="/login" class="form narrow">
              ${error ? html`<div class="errors" role="alert"><p>${error}</p></div>` : ''}
              <input type="hidden" name="next" value="${next}">
              <label>Email or user id <input name="user_id" autocomplete="username" required></label>
              <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
              <p class="hint">Demo accounts: any user id and password will do.</p>
              <button class="button primary">Log in</button>
            </form>`
        }`,
  });
}
