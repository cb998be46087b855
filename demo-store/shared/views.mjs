// Page bodies and parts that both the server-rendered store and the single-page storefront show.
// Pure functions from catalog data to `html`; links are the store's canonical paths (the SPA routes them itself).
import { html } from './html.mjs';
import {
  BANNERS,
  CATEGORIES,
  STATIC_BANNER,
  categoryById,
  categoryLink,
  discountPercent,
  photoUrl,
  productById,
  productLink,
  productsIn,
  variantOf,
} from './catalog.mjs';
import { cartTotal } from './cart.mjs';
import { CURRENCY, LOCALE } from './settings.mjs';

const money = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: CURRENCY });
export const formatPrice = (amount) => money.format(amount);

export const variantLabel = (product, variant) => (variant.name ? `${product.name} (${variant.name})` : product.name);

/** Price, the full price struck through and the discount when there is one. */
export function priceTag(product) {
  const off = discountPercent(product);
  return html`<p class="price">
    <strong>${formatPrice(product.price)}</strong>
    ${off ? html`<s><span class="visually-hidden">was </span>${formatPrice(product.full_price)}</s> <span class="badge">-${off}%</span>` : ''}
  </p>`;
}

/** A heart toggle; the browser marks it pressed from the wishlist it keeps. */
export const wishlistButton = (product, variant = product.variants[0]) =>
  html`<button type="button" class="wish" data-wishlist data-product-id="${product.product_id}" data-variant-id="${variant.variant_id}"
    aria-pressed="false" title="Wishlist"><span aria-hidden="true">♥</span><span class="visually-hidden">Wishlist: ${product.name}</span></button>`;

export function productCard(product) {
  return html`<article class="card">
    <a class="card-link" href="${productLink(product)}">
      <img src="${photoUrl(product)}" alt="" width="300" height="300" loading="lazy" decoding="async">
      <h3>${product.name}</h3>
    </a>
    <p class="brand">${product.brand}</p>
    ${priceTag(product)}
    ${product.available ? '' : html`<p class="stock out">Out of stock</p>`}
    ${wishlistButton(product)}
  </article>`;
}

export const productGrid = (products) => html`<div class="grid">${products.map(productCard)}</div>`;

/** The recommendations placeholder: every section the API answers for this page type. */
export const recommendations = () => html`<section class="recs" aria-label="Recommended for you"><div data-dc-products></div></section>`;

/** Home: DataCue's standard banner layout, the rooms, then the recommendations. */
export function homeBody() {
  return html`<section class="hero">
      <div data-dc-banners data-dc-static-img="${STATIC_BANNER.photo_url}" data-dc-static-link="${STATIC_BANNER.link}"></div>
    </section>
    <section>
      <h2>Shop by room</h2>
      <!-- Each picture already shows its room's name: the link's text is for screen readers. -->
      <ul class="rooms">
        ${CATEGORIES.map(
          (c) => html`<li><a href="${categoryLink(c)}"><img src="${BANNERS[c.id].main.photo_url}" alt="" width="600" height="360" loading="lazy"><span class="visually-hidden">${c.name}</span></a></li>`,
        )}
      </ul>
    </section>
    ${recommendations()}`;
}

/** Category: a custom banner layout (one wide and two narrow slots), the category's products, recommendations. */
export function categoryBody(category) {
  return html`<nav class="crumbs" aria-label="Breadcrumb"><a href="/">Home</a> › <span>${category.name}</span></nav>
    <h1>${category.name}</h1>
    <p class="lead">${category.tagline}</p>
    <div class="custom-banners">
      <div class="custom-big" data-dc-main-insert-banner="1"></div>
      <div class="custom-small" data-dc-sub-insert-banner="1"></div>
      <div class="custom-small" data-dc-sub-insert-banner="2"></div>
    </div>
    ${productGrid(productsIn(category.id))}
    ${recommendations()}`;
}

export function productBody(product, variant) {
  const category = categoryById(product.category_id);
  const inStock = variant.stock > 0;
  return html`<nav class="crumbs" aria-label="Breadcrumb"><a href="/">Home</a> › <a href="${categoryLink(category)}">${category.name}</a> › <span>${product.name}</span></nav>
    <div class="product">
      <img class="product-photo" src="${photoUrl(product, variant)}" alt="${variantLabel(product, variant)}" width="600" height="600">
      <div class="product-info">
        <p class="brand">${product.brand}</p>
        <h1>${product.name}</h1>
        ${priceTag(product)}
        ${
          variant.name
            ? html`<fieldset class="variants"><legend>Finish: <strong>${variant.name}</strong></legend>
              ${product.variants.map(
                (v) => html`<a class="swatch" href="${productLink(product)}?variant=${v.variant_id}" style="--swatch:${v.color}"
                  aria-current="${v === variant ? 'true' : 'false'}" title="${v.name}"><span class="visually-hidden">${v.name}</span></a>`,
              )}</fieldset>`
            : ''
        }
        <p class="stock ${inStock ? 'in' : 'out'}">${inStock ? `In stock: ${variant.stock} left` : 'Out of stock'}</p>
        <form class="buy" data-add-to-cart data-product-id="${product.product_id}" data-variant-id="${variant.variant_id}">
          <label>Quantity <input name="quantity" type="number" min="1" max="${Math.max(variant.stock, 1)}" value="1" required ${inStock ? '' : 'disabled'}></label>
          <button class="button primary" ${inStock ? '' : 'disabled'}>Add to cart</button>
          ${wishlistButton(product, variant)}
        </form>
        <p class="notice" role="status" data-cart-notice></p>
        <p>${product.description}</p>
      </div>
    </div>
    ${recommendations()}`;
}

export function searchBody(term, results) {
  return html`<h1>Search results for “${term}”</h1>
    <p class="lead">${results.length ? `${results.length} product${results.length === 1 ? '' : 's'}` : 'No products match. Try “sofa”, “oak” or “lamp”.'}</p>
    ${results.length ? productGrid(results) : ''}
    ${recommendations()}`;
}

export const notFoundBody = () =>
  html`<h1>Page not found</h1><p class="lead">That page is not in the store. <a href="/">Back to the home page</a>.</p>${recommendations()}`;

/** The cart's lines with quantity inputs, or an empty-cart message; the browser re-renders it after each change. */
export function cartBody(cart) {
  if (!cart.length) return html`<p class="lead">Your cart is empty. <a href="/">Keep shopping</a>.</p>`;
  return html`<table class="cart-lines">
      <thead><tr><th scope="col">Product</th><th scope="col">Price</th><th scope="col">Quantity</th><th scope="col">Total</th><th scope="col"><span class="visually-hidden">Remove</span></th></tr></thead>
      <tbody>
        ${cart.map((line) => {
          const product = productById(line.product_id);
          const variant = variantOf(product, line.variant_id);
          const label = variantLabel(product, variant);
          return html`<tr data-line data-product-id="${line.product_id}" data-variant-id="${line.variant_id}">
            <td><a class="line-product" href="${productLink(product)}?variant=${variant.variant_id}"><img src="${photoUrl(product, variant)}" alt="" width="64" height="64">${label}</a></td>
            <td>${formatPrice(line.unit_price)}</td>
            <td><input type="number" min="0" max="${variant.stock}" value="${line.quantity}" data-quantity aria-label="Quantity of ${label}"></td>
            <td>${formatPrice(line.unit_price * line.quantity)}</td>
            <td><button type="button" class="link-button" data-remove>Remove<span class="visually-hidden"> ${label}</span></button></td>
          </tr>`;
        })}
      </tbody>
    </table>
    <div class="cart-actions">
      <button type="button" class="button" data-clear-cart>Clear cart</button>
      <p class="total">Subtotal <strong>${formatPrice(cartTotal(cart))}</strong></p>
      <a class="button primary" href="/checkout" data-checkout>Checkout</a>
    </div>`;
}
