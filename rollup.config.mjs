import typescript from '@rollup/plugin-typescript';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { existsSync, readFileSync, readdirSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve as resolvePath } from 'node:path';

// The widgets' stylesheet, minified: imported as a string (injected at run time) and shipped as
// dist/datacue-storefront.css for stores whose Content-Security-Policy forbids inline styles.
const CSS_FILE = 'widgets/styles.css';
const minifyCss = (css) =>
  css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{}:;,>/])\s*/g, '$1')
    .replace(/@media \(/g, '@media(')
    .replace(/;}/g, '}')
    .trim();
const css = minifyCss(readFileSync(CSS_FILE, 'utf8'));
const cssModule = () => ({
  name: 'css-string',
  transform: (_code, id) => (id.endsWith('.css') ? { code: `export default ${JSON.stringify(css)};`, map: null } : null),
  buildStart() {
    mkdirSync('dist', { recursive: true });
    writeFileSync('dist/datacue-storefront.css', css + '\n');
  },
});

// `preamble`: a first line kept through minification (the compile hint below). `inline: 1` inlines only functions
// without arguments: 4 B smaller for datacue.js and 8 B for the widgets than inlining everything. `compress`: options
// of one script only (`hoist_funs` makes the widgets 25 B smaller and the tracker 26 B larger). The widgets' other
// three save 17 B: `unsafe_comps` may flip a comparison (`a <= b ? x : y` as `a > b ? y : x`), which differs only for
// NaN, and every value the widgets (and Preact) compare is a finite number or checked first (each flip was read);
// `keep_fargs: false` drops unused trailing parameters (nothing reads a function's length); `unsafe_math` writes
// `Number(s)` as `+s`. `properties`: which property names are mangled (the widgets': below).
const minify = (preamble, compress = {}, properties = false) =>
  terser({ ecma: 2021, compress: { passes: 5, inline: 1, unsafe_arrows: true, unsafe: true, pure_getters: true, ...compress }, mangle: { properties }, format: { comments: false, preamble } });

// Source maps name their sources relative to the map, inside the package: src/ and widgets/ ship with it (`files`),
// and the bundled dependencies sit where npm puts them. The TypeScript plugin hands rollup paths with extra `../`
// (relative to its outDir), so each path is re-anchored at the repository root it came from.
const ROOT = resolvePath('.');
const sourcemapPathTransform = (source, mapFile) => {
  const inRepo = source.replace(/^(\.\.\/)+/, '');
  return existsSync(join(ROOT, inRepo)) ? relative(dirname(mapFile), join(ROOT, inRepo)) : source;
};

// The tracker loads its outbox with import() in the npm build (a split chunk) and by injecting
// dist/datacue-outbox.js in the script-tag build: the same loader module, two implementations.
const scriptLoader = () => ({
  name: 'outbox-loader',
  resolveId: (source) => (source === './load-outbox.js' ? resolvePath('src/load-outbox-script.ts') : null),
});

// The script tag's own copy of Preact is 10.11.3 (the peer range's lowest): about 750 B smaller min+gzip than 11 and
// 350 B smaller than 10.19, and the widgets work on each (the npm entry, which leaves Preact to the app, is tested in
// Chromium with 10.11.3 and 11; every script-tag test runs on 10.11.3).
function preact10() {
  return {
    name: 'preact10',
    resolveId(id, importer, options) {
      return /^preact(\/|$)/.test(id) ? this.resolve(id.replace(/^preact/, 'preact10'), importer, { ...options, skipSelf: true }) : null;
    },
  };
}

const EAGER = '//# allFunctionsCalledOnLoad';

// Property names that the script-tag widgets alone create and read: mangled like local names.
// - The widgets' own Preact keeps its internals in names that start with `_` (`__k`, `__e`, `_sb`...), on its vnodes,
//   components and the DOM nodes it renders into: another Preact on the page has its own copy and its own nodes. The
//   one public name among them, `__html` of `dangerouslySetInnerHTML`, is never given: the widgets write no markup.
//   35 B min+gzip.
// - The fields of the widgets' own models, settings and component props, listed (107 B). Terser leaves a DOM
//   property's name as it is, listed or not (`badge` of a notification was). A name that reaches past the bundle
//   must not be: one of the API's answer or the page's config (read by its quoted name), one of datacue.js's objects
//   (a name in src/), or an attribute of an element the widgets render (the e2e tests read those). The build fails on
//   a listed name in a string of the bundle or a word of src/.
const OWN_FIELDS = [
  'soldOut', 'texts', 'moneyFormat', 'spec', 'fullPrice', 'variantId', 'buyCaption', 'override', 'hideOutOfStock',
  'customStyles', 'staticImage', 'staticLink', 'pageType', 'routing', 'listId', 'labelledBy', 'pagedTo', 'pagedFrom', 'record', 'problem', 'stars', 'fields',
];
function ownProperties() {
  // As a property in the tracker's code (`.name`, `name:`, `name?:`, or shorthand and destructured `{ name }`), its
  // comments left out.
  const tracker = readdirSync('src', { recursive: true })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(join('src', f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*/g, ''))
    .join('\n');
  const inTracker = OWN_FIELDS.filter((name) => new RegExp(`\\.${name}\\b|\\b${name}\\??:|[{,]\\s*${name}\\s*[,}=]`).test(tracker));
  if (inTracker.length) throw new Error(`rollup.config.mjs OWN_FIELDS: ${inTracker.join(', ')} also in src/ (datacue.js keeps its names)`);
  return { regex: new RegExp(`^(_.*|${OWN_FIELDS.join('|')})$`) };
}
/** Fails the widgets' build when a listed field is also a string of the bundle (a key read by name, a table's entry). */
const ownFieldsUnquoted = () => ({
  name: 'own-fields-unquoted',
  renderChunk(code) {
    const quoted = OWN_FIELDS.filter((name) => new RegExp(`['"\`]${name}['"\`]`).test(code));
    if (quoted.length) this.error(`OWN_FIELDS ${quoted.join(', ')}: a string in the bundle; mangled, it would no longer match`);
    return null;
  },
});

// The npm build's chunks have hashed names: without emptying its folder first, every build would leave the last
// one's behind, and `files: ["dist"]` would pack them.
const emptyDir = (dir) => ({ name: 'empty-dir', buildStart: () => rmSync(dir, { recursive: true, force: true }) });

/** Script-tag builds: one self-contained minified IIFE each; `own`: its own property names mangled (OWN_FIELDS). */
const script = (input, file, preamble, compress, own = false) => ({
  input,
  // Maps beside each file, without the comment: those bytes would reach every shopper; devtools take a map when given.
  output: { file, format: 'iife', strict: false, sourcemap: 'hidden', sourcemapPathTransform },
  plugins: [scriptLoader(), cssModule(), preact10(), resolve({ browser: true }), typescript({ declaration: false, outDir: 'dist', rootDir: '.' }), ...(own ? [ownFieldsUnquoted()] : []), minify(preamble, compress, own && ownProperties())],
});

export default [
  // Most functions of the tracker and the widgets run on every page that has them: V8's explicit compile hint
  // compiles them with the script instead of one by one on their first call. Other browsers read a comment.
  // Medians of interleaved loads at 4x CPU: the tracker's main thread of load + page event 54 -> 38 ms (25 loads);
  // the widgets' 262 -> 235 ms, 16 cards painted 646 -> 610 ms (19 loads). About 20 B gzip each.
  script('src/browser.ts', 'dist/datacue.js', EAGER),
  script('src/outbox-script.ts', 'dist/datacue-outbox.js'),
  // Property names read only inside this bundle are mangled like local names (see OWN_FIELDS).
  script('widgets/script.ts', 'dist/datacue-storefront.js', EAGER, { hoist_funs: true, unsafe_comps: true, keep_fargs: false, unsafe_math: true }, true),
  // npm entries: ESM with .d.ts; dependencies stay external so the app's bundler dedupes them.
  {
    input: { index: 'src/index.ts', widgets: 'widgets/index.ts' },
    output: { dir: 'dist/esm', format: 'es', sourcemap: true, sourcemapPathTransform },
    external: [/^preact/],
    plugins: [emptyDir('dist/esm'), cssModule(), typescript({ declaration: true, declarationDir: 'dist/esm', outDir: 'dist/esm', rootDir: '.' })],
  },
];
