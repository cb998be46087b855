// The page around every store page: head with the DataCue tags, header (search, account, cart), footer.
import { html, scriptJson, trusted } from '../shared/html.mjs';
import { CATEGORIES, categoryLink } from '../shared/catalog.mjs';
import { itemCount } from '../shared/cart.mjs';
import { API_KEY, EVENTS_PATH, STORE_NAME } from '../shared/settings.mjs';

const EVENTS_OPTIONS = { events_url: EVENTS_PATH };

/** The config object of a page type (reference: "The config object"), pointed at the local events API. */
export const datacueConfig = (userId, pageFields) => ({
  api_key: API_KEY,
  user_id: userId ?? null,
  ...pageFields,
  options: EVENTS_OPTIONS,
});

/** The reference's tags: the config snippet first, then the tracker and the widgets, as a store template has them. */
export const trackingTags = (config) => html`<script>
window.datacueConfig = ${trusted(scriptJson(config, 2))};
</script>
<script src="/dist/datacue.js"></script>
<script src="/dist/datacue-storefront.js"></script>`;

/**
 * For a page with no page type of the reference (log in): the README's async snippet queues `init` before the
 * tracker loads, so events sent from the page are configured and no page event is sent.
 */
export const initOnlyTags = () => html`<script>
(function (w, m) {
  var d = (w.datacue = w.datacue || { q: [] });
  m.forEach(function (k) {
    d[k] = d[k] || function () {
      var a = arguments;
      return new Promise(function (res, rej) { d.q.push([k, a, res, rej]); });
    };
  });
})(window, ['init', 'identify', 'track', 'page', 'onRecommendations']);
datacue.init(${trusted(scriptJson(API_KEY))}, ${trusted(scriptJson(EVENTS_OPTIONS))});
</script>
<script src="/dist/datacue.js"></script>
<script src="/dist/datacue-storefront.js"></script>`;

function header({ user, cart, term }) {
  return html`<header class="site-header">
    <div class="bar">
      <a class="logo" href="/">${STORE_NAME}</a>
      <form class="search" action="/search" role="search">
        <label class="visually-hidden" for="q">Search the store</label>
        <input id="q" name="q" type="search" placeholder="Search sofas, oak, lamps…" value="${term ?? ''}" required>
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

/** A whole page; `head` ends the <head> (the store's script and DataCue's tags, or the SPA's modules). */
export function layout({ title, head, body, user, cart, term }) {
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
${header({ user, cart, term })}
<main id="main">
${body}
</main>
<footer class="site-footer">
  <p>${STORE_NAME} is the demo store of the DataCue storefront runtime: every event it sends shows up in the
  <a href="/qa">QA view</a>. Try the <a href="/spa">single-page version</a> too.</p>
</footer>
</body>
</html>`.toString();
}
