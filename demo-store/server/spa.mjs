// The single-page storefront's shell: the layout with an import map that points the npm package and its
// dependencies at their browser ESM files, so that the SPA imports `@datacue/storefront` as an app would.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { html, scriptJson, trusted } from '../shared/html.mjs';
import { layout, loginMarker } from './layout.mjs';

const ROOT = resolve(import.meta.dirname, '../..');

/** The file a browser's ESM import of `pkg` + `subpath` resolves to, from the package's `exports`. */
function browserEntry(pkg, subpath = '.') {
  const { exports } = JSON.parse(readFileSync(resolve(ROOT, 'node_modules', pkg, 'package.json'), 'utf8'));
  let target = exports[subpath];
  // Conditions in the order a browser bundler applies them.
  while (target && typeof target === 'object') target = target.browser ?? target.import ?? target.default;
  if (typeof target !== 'string') throw new Error(`${pkg}: no browser ESM entry for "${subpath}"`);
  return `/node_modules/${pkg}/${target.replace(/^\.\//, '')}`;
}

const ROOT_PACKAGE = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8'));
const ownEntry = (subpath) => '/' + ROOT_PACKAGE.exports[subpath].default.replace(/^\.\//, '');

const IMPORT_MAP = {
  imports: {
    [ROOT_PACKAGE.name]: ownEntry('.'),
    [`${ROOT_PACKAGE.name}/widgets`]: ownEntry('./widgets'),
    preact: browserEntry('preact'),
  },
};

/** Every /spa route answers this page; the SPA renders the route itself. */
export const spaShell = (ctx) =>
  layout({
    title: 'Single-page store',
    head: html`<meta name="demo-user" content="${ctx.user ?? ''}">
<meta name="demo-consent" content="${ctx.consent.banner ? ctx.consent.choice ?? 'pending' : ''}">
${loginMarker(ctx)}
<script type="importmap">${trusted(scriptJson(IMPORT_MAP, 2))}</script>
<script type="module" src="/assets/spa.js"></script>`,
    body: html`<div data-spa-view></div>`,
    user: ctx.user,
    cart: ctx.cart,
    consent: ctx.consent,
  });
