// The contenders: how a store page loads each one, sends its page event, tracks, and what its network needs.
// Scripts are served from local files; every third-party host is answered locally (see `answer`).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const products = (n) =>
  Array.from({ length: n }, (_, i) => ({
    product_id: `p${i + 1}`, objectID: `p${i + 1}`, name: `Walnut Chair ${i + 1}`, price: 120 + i, full_price: 150 + i,
    photo_url: `/img/p${i + 1}.png`, link: `/product/p${i + 1}`,
  }));
export const SIXTEEN = products(16);

/** Tracking libraries: `head` loads it and sends the page event; `sent` recognises that request; `track` is one call. */
export const TRACKERS = [
  {
    name: 'DataCue (ours)',
    scripts: { '/lib/datacue.js': '../dist/datacue.js', '/lib/datacue-outbox.js': '../dist/datacue-outbox.js' },
    head: `<script>window.datacueConfig = { api_key: 'k', user_id: null, page_type: 'home', options: { events_url: '/collect' } };</script>
<script src="/lib/datacue.js"></script>`,
    sent: (url) => url.endsWith('/collect'),
    track: () => window.datacue.track({ type: 'wishlist', subtype: 'add', product_id: 'p1' }),
  },
  {
    name: 'Segment analytics-next',
    scripts: { 'https://cdn.segment.com/analytics.js/v1/KEY/analytics.min.js': 'node_modules/@segment/analytics-next/dist/umd/standalone.js' },
    chunks: { prefix: 'https://cdn.segment.com/analytics-next/bundles/', dir: 'node_modules/@segment/analytics-next/dist/umd/' },
    // Segment's documented snippet, reduced to what the page needs: a queue, the write key, the standalone build.
    head: `<script>!function(){var a=window.analytics=[];a._writeKey='KEY';['page','track','identify'].forEach(function(m){a[m]=function(){var x=[].slice.call(arguments);x.unshift(m);a.push(x);return a}});a.page()}();</script>
<script async src="https://cdn.segment.com/analytics.js/v1/KEY/analytics.min.js"></script>`,
    sent: (url) => /api\.segment\.io\/v1\/(p|page|batch)/.test(url),
    track: () => window.analytics.track('Wishlist Added', { product_id: 'p1' }),
  },
  {
    name: 'Snowplow browser-tracker',
    scripts: { '/lib/snowplow.js': 'build/snowplow.js' },
    head: `<script src="/lib/snowplow.js"></script>
<script>snowplow.newTracker('sp', 'https://collector.test', { appId: 'store', eventMethod: 'post', bufferSize: 1 }); snowplow.trackPageView();</script>`,
    sent: (url) => url.startsWith('https://collector.test/'),
    track: () => window.snowplow.trackStructEvent({ category: 'wishlist', action: 'add', label: 'p1' }),
  },
  {
    name: 'PostHog (script build)',
    scripts: { '/lib/posthog.js': 'node_modules/posthog-js/dist/array.js' },
    head: `<script src="/lib/posthog.js"></script>
<script>posthog.init('phc_key', { api_host: 'https://ph.test', autocapture: false, disable_session_recording: true, advanced_disable_decide: true, request_batching: false, opt_out_useragent_filter: true });</script>`,
    sent: (url) => url.startsWith('https://ph.test/') && !url.includes('/flags') && !url.includes('/decide') && !url.includes('/array/'),
    track: () => window.posthog.capture('wishlist_add', { product_id: 'p1' }),
  },
  {
    name: 'RudderStack analytics-js',
    scripts: { '/lib/rudderstack.js': 'build/rudderstack.js' },
    head: `<script src="/lib/rudderstack.js"></script>
<script>window.rudderanalytics = new RudderAnalytics(); rudderanalytics.load('KEY', 'https://dataplane.test', { configUrl: 'https://config.test', destSDKBaseURL: 'https://cdn.test/destinations', pluginsSDKBaseURL: 'https://cdn.test/plugins', queueOptions: { batch: { enabled: false } } }); rudderanalytics.page();</script>`,
    sent: (url) => url.startsWith('https://dataplane.test/'),
    track: () => window.rudderanalytics.track('Wishlist Added', { product_id: 'p1' }),
  },
];

const ourWidgets = (attributes = '') => ({
  scripts: { '/lib/datacue.js': '../dist/datacue.js', '/lib/datacue-outbox.js': '../dist/datacue-outbox.js', '/lib/datacue-storefront.js': '../dist/datacue-storefront.js' },
  head: `<script>window.datacueConfig = { api_key: 'k', user_id: null, page_type: 'home', options: { events_url: '/collect' } };</script>
<script src="/lib/datacue.js"></script><script src="/lib/datacue-storefront.js"></script>`,
  container: `<div id="recs" data-dc-products="related" data-dc-items="16"${attributes}></div>`,
  response: (url) => (url.endsWith('/collect') ? { related_product_skus: SIXTEEN } : undefined),
  card: '.dc-card',
});

/**
 * Algolia Recommend's related products from the script `build/<file>.js`, rendered once the page is parsed as its docs
 * show, with `view` (options source text) and `style` (what goes in <head> before the script: read when the page is
 * made, since bench/node_modules may not be installed yet when this module loads).
 */
const algolia = (name, file, view, card, style = () => '') => ({
  name,
  scripts: { [`/lib/${file}.js`]: `build/${file}.js` },
  get head() {
    return `${style()}<script src="/lib/${file}.js"></script>
<script>document.addEventListener('DOMContentLoaded', function () {
  algoliaRecommend.relatedProducts({
    container: '#recs', recommendClient: algoliaRecommend.recommend('APPID', 'KEY'), indexName: 'products', objectIDs: ['p0'], maxRecommendations: 16${view},
    itemComponent: function (p) { var i = p.item; return p.html\`<a class="card" href=\${i.link}><img src=\${i.photo_url} width="300" height="300" alt="" loading="lazy" /><span>\${i.name}</span><span>$\${i.price}</span></a>\`; },
  });
});</script>`;
  },
  container: '<div id="recs"></div>',
  response: (url) => (/algolia\.(net|io)\/1\/indexes\/\*\/recommendations/.test(url) ? { results: [{ hits: SIXTEEN, nbHits: 16, processingTimeMS: 1 }] } : undefined),
  card,
});

/** Widget libraries rendering 16 recommended products into `#recs` on a store-like page. */
export const WIDGETS = [
  // US dollars on an English page: written without Intl.NumberFormat (the same text).
  { name: 'DataCue (ours)', ...ourWidgets() },
  // Prices Intl.NumberFormat writes (euros), whose first use on a page loads the browser's locale data: the row shows
  // what that costs.
  { name: 'DataCue (ours), prices in euros (Intl.NumberFormat)', ...ourWidgets(' data-dc-currency="EUR"') },
  algolia('Algolia recommend-js', 'algolia', '', '.auc-Recommend-item'),
  // Algolia's carousel, as ours is by default: its horizontal slider view, its theme and a store's few rules for the
  // card's image and lines, inline in <head> as a store's stylesheet would be.
  algolia('Algolia recommend-js, horizontal slider and its theme', 'algolia-slider', ', view: algoliaRecommend.horizontalSlider', '.uic-HorizontalSlider-item', () =>
    `<style>${readFileSync(resolve(import.meta.dirname, 'node_modules/@algolia/ui-components-horizontal-slider-theme/dist/theme.css'), 'utf8')}
.card{display:flex;flex-direction:column;gap:4px;color:inherit;text-decoration:none}.card img{display:block;width:100%;height:auto}</style>`),
];

/** No library: the click handler does nothing; the floor every tracker's click-to-paint is read against. */
export const NO_LIBRARY = { name: 'no library (baseline)', scripts: {}, head: '', track: () => undefined };

/** The attribution check: a script known to keep the main thread busy for 50 ms (fixtures/burn.js). */
export const SANITY = { name: 'sanity: script burning 50 ms', scripts: { '/lib/burn.js': 'fixtures/burn.js' }, head: '<script src="/lib/burn.js"></script>', burnMs: 50 };

/** Whether a script URL is one of the library's files or the chunks it loads (relative keys are on the page's origin). */
export const owner = (lib, origin) => {
  const urls = new Set(Object.keys(lib.scripts).map((k) => new URL(k, origin).href));
  return (url) => urls.has(url.split('?')[0]) || Boolean(lib.chunks && url.startsWith(lib.chunks.prefix));
};

const BANNER_ANSWER = { main_banners: [{ banner_id: 'B1', name: 'Bathroom', photo_url: '/img/banner-b1.png', link: '/category/bathroom' }] };

const STATIC_BANNER = '/img/banner-static.png';
const OUR_BANNER = {
  name: 'DataCue (ours) personalised banner',
  scripts: WIDGETS[0].scripts,
  head: WIDGETS[0].head,
  container: `<div data-dc-banners data-dc-static-img="${STATIC_BANNER}" data-dc-static-link="/sale"></div>`,
  response: (url) => (url.endsWith('/collect') ? BANNER_ANSWER : undefined),
};

/**
 * The banner page: our standard banners (the static banner, whose box the main banner the answer names takes) against
 * the same page with that main banner as a plain `<img>` of the same size and place (the row's middle column; full
 * width on a phone).
 */
export const BANNERS = [
  OUR_BANNER,
  // As the README advises for a static banner above the fold: the browser asks for it while the scripts load.
  {
    ...OUR_BANNER,
    name: 'DataCue (ours) personalised banner, static banner preloaded',
    head: `<link rel="preload" as="image" href="${STATIC_BANNER}" fetchpriority="high">${OUR_BANNER.head}`,
  },
  {
    name: 'plain <img> banner',
    scripts: {},
    head: '<style>.banners{display:grid;grid-template-columns:2fr 5fr 2fr;gap:16px;margin:16px 0}.banners a{grid-column:2}.banners img{display:block;width:100%;height:auto;aspect-ratio:5/3}@media (max-width:640px){.banners{grid-template-columns:1fr 1fr}.banners a{grid-column:1/-1}}</style>',
    container: '<div class="banners"><a href="/category/bathroom"><img src="/img/banner-b1.png" width="1200" height="720" alt="Bathroom"></a></div>',
    response: () => undefined,
  },
];

/** The answer of any third-party host (settings, collectors). */
export function answer(url) {
  if (url.includes('cdn.segment.com/v1/projects/')) {
    return { integrations: { 'Segment.io': { apiKey: 'KEY', apiHost: 'api.segment.io/v1' } }, plan: { track: { __default: { enabled: true } } } };
  }
  if (url.startsWith('https://config.test')) {
    return { source: { id: 's1', name: 'bench', writeKey: 'KEY', workspaceId: 'w1', enabled: true, config: {}, destinations: [] } };
  }
  return {};
}
