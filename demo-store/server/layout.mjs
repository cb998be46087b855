// The page around every store page: head with the DataCue tags, header (search, account, cart), footer.
import { html, scriptJson, trusted } from '../shared/html.mjs';
import { CATEGORIES, categoryLink } from '../shared/catalog.mjs';
import { itemCount } from '../shared/cart.mjs';
import { API_KEY, EVENTS_PATH, STORE_NAME } from '../shared/settings.mjs';

/**
 * The config object of a page type (reference: "The config object"), pointed at the local events API. With the
 * cookie banner on, `options.consent` is the shopper's answer, 'pending' until they give one (DESIGN.md §9).
 */
export const datacueConfig = (userId, pageFields, consent) => ({
  api_key: API_KEY,
  user_id: userId ?? null,
  ...pageFields,
  options: { events_url: EVENTS_PATH, ...(consent.banner ? { consent: consent.choice ?? 'pending' } : {}) },
});

/** The reference's tags: the config snippet first, then the tracker and the widgets, as a store template has them. */
export const trackingTags = (config) => html`<script>
window.datacueConfig = ${trusted(scriptJson(config, 2))};
</script>
<script src="/dist/datacue.js"></script>
<script src="/dist/datacue-storefront.js"></script>`;

/** Tells the store's script to send `login`: this is the first page with tags since the shopper logged in. */
export const loginMarker = (ctx) => (ctx.justLoggedIn ? html`<meta name="demo-login" content="1">` : '');

/**
 * The cookie banner (when switched on): fixed at the bottom, over the page rather than pushing it, and first in the
 * tab order; hidden once the shopper has answered, until they reopen it from the footer.
 */
function consentBanner(consent) {
  return html`<section class="consent-banner" aria-label="Cookie consent" data-consent-banner ${consent.choice ? 'hidden' : ''}>
  <p>We use cookies to remember what you viewed and recommend products you will like. Is that all right?</p>
  <div class="consent-actions">
    <button type="button" class="button" data-consent="denied">Decline</button>
    <button type="button" class="button primary" data-consent="granted">Accept</button>
  </div>
</section>`;
}

function header({ user, cart, term }) {
  return html`<header class="site-header">
    <div class="bar">
      <a class="logo" href="/">${STORE_NAME}</a>
      <form class="search" action="/search" role="search">
        <label class="visually-hidden" for="q">Search the store</label>
        <input id="q" name="q" type="search" placeholder="Sofas, lamps…" value="${term ?? ''}" required>
        <button class="button">Search</button>
      </form>
      <nav class="account" aria-label="Account">
        ${
          user
            ? html`<span class="user">Hi, <strong data-user>${user}</strong></span>
              <form method="post" action="/logout"><button class="link-button">Log out</button></form>`
            : html`<a href="/login">Log in</a>`
        }
        <a class="cart-link" href="/cart">Cart <span class="count" data-cart-count>${itemCount(cart)}</span></a>
      </nav>
    </div>
    <nav class="rooms-nav" aria-label="Rooms">
      ${CATEGORIES.map((c) => html`<a href="${categoryLink(c)}">${c.name}</a>`)}
    </nav>
  </header>`;
}

/** The store's own behaviour (cart, wishlist, log in), on every server-rendered page. */
export const storeScript = () => html`<script type="module" src="/assets/store.js"></script>`;

/**
 * A whole page; `head` ends the <head> (the store's script and DataCue's tags, or the SPA's modules). `consent`
 * (given on pages with tags) adds the cookie banner when it is switched on.
 */
export function layout({ title, head, body, user, cart, term, consent }) {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${STORE_NAME}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/store.css">
${head}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
${consent?.banner ? consentBanner(consent) : ''}
${header({ user, cart, term })}
<p class="cart-toast" role="status" data-cart-toast></p>
<main id="main" tabindex="-1">
${body}
</main>
<footer class="site-footer">
  <p>${STORE_NAME} is the demo store of the DataCue storefront runtime: every event it sends shows up in the
  <a href="/qa">QA view</a>. Try the <a href="/spa">single-page version</a> too.</p>
  ${consent?.banner ? html`<p><button type="button" class="link-button" data-consent-reopen>Cookie settings</button></p>` : ''}
</footer>
</body>
</html>`.toString();
}
