// The single-page storefront (/spa): the npm build of the runtime, imported as an app imports it (the page's import
// map resolves the bare names), and client-side routing. Each route change renders the view, then sends the route's
// page event with `page()`; the widgets re-render from its response.
import { createDatacue } from '@datacue/storefront';
import { mountWidgets } from '@datacue/storefront/widgets';
import { categoryById, productBySlug, search, variantOf } from '/shared/catalog.mjs';
import { categoryConfig, homeConfig, notFoundConfig, productConfig, searchConfig } from '/shared/page-config.mjs';
import { API_KEY, EVENTS_PATH, STORE_NAME } from '/shared/settings.mjs';
import { categoryBody, homeBody, notFoundBody, productBody, searchBody } from '/shared/views.mjs';
import { bindStore, markWishlist } from './actions.js';
import { bindConsentBanner } from './consent-banner.js';

const BASE = '/spa';
const view = document.querySelector('[data-spa-view]');
const userId = document.querySelector('meta[name="demo-user"]').content || null;

// With the cookie banner on, the server says what the shopper answered ('pending' until they do).
const consent = document.querySelector('meta[name="demo-consent"]').content;
const datacue = createDatacue({ api_key: API_KEY, user_id: userId, options: { events_url: EVENTS_PATH, ...(consent ? { consent } : {}) } });
mountWidgets(datacue);
bindStore(document, datacue);
bindConsentBanner(document, datacue);

/** The view of a store path (without /spa): its title, body and the config of its page event. */
function route(path, params) {
  let m;
  if (path === '/') return { title: 'Home', body: homeBody(), config: homeConfig() };
  if ((m = /^\/category\/([\w-]+)$/.exec(path)) && categoryById(m[1])) {
    const category = categoryById(m[1]);
    return { title: category.name, body: categoryBody(category), config: categoryConfig(category) };
  }
  if ((m = /^\/product\/([\w-]+)$/.exec(path)) && productBySlug(m[1])) {
    const product = productBySlug(m[1]);
    const chosen = params.get('variant') ? variantOf(product, params.get('variant')) : undefined;
    return { title: product.name, body: productBody(product, chosen ?? product.variants[0]), config: productConfig(product, chosen) };
  }
  const term = params.get('q')?.trim();
  if (path === '/search' && term) return { title: `Search: ${term}`, body: searchBody(term, search(term)), config: searchConfig(term) };
  return { title: 'Page not found', body: notFoundBody(), config: notFoundConfig() };
}

/** Store paths the SPA shows itself; the rest (cart, checkout, log in) are pages of the server-rendered store. */
const ROUTED = /^\/(category\/[\w-]+|product\/[\w-]+|search)?$/;
const storePath = (url) => url.pathname.slice(BASE.length) || '/';

function render() {
  const { title, body, config } = route(storePath(location), new URLSearchParams(location.search));
  document.title = `${title} · ${STORE_NAME}`;
  view.innerHTML = body.toString();
  markWishlist(view);
  document.querySelector('#q').value = config.term ?? '';
  // The page event of this route; its response re-renders the widgets in the new view's placeholders.
  datacue.page(config);
}

function go(url) {
  history.pushState(null, '', url);
  render();
  window.scrollTo(0, 0);
  view.focus({ preventScroll: true });
}

/** Follows links to store pages inside the SPA (the catalog's, the header's and the widgets' links alike). */
document.addEventListener('click', (e) => {
  const link = e.target.closest('a[href]');
  if (!link || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || link.target) return;
  const url = new URL(link.href);
  const path = url.pathname.startsWith(BASE) ? storePath(url) : url.pathname;
  if (url.origin !== location.origin || !ROUTED.test(path)) return;
  e.preventDefault();
  go(BASE + (path === '/' ? '' : path) + url.search);
});

document.querySelector('form.search').addEventListener('submit', (e) => {
  e.preventDefault();
  go(`${BASE}/search?${new URLSearchParams(new FormData(e.target))}`);
});

window.addEventListener('popstate', render);
view.tabIndex = -1;
render();
