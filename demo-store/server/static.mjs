// Files the store serves as they are: the built bundles (dist/), the browser ESM of the npm dependencies the SPA
// imports, the store's own assets and shared modules, and the generated SVG pictures.
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { imageFor } from './images.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const STORE = resolve(import.meta.dirname, '..');

const TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** URL prefix → folder. node_modules only for the packages the SPA's import map names. */
const FOLDERS = [
  ['/dist/', join(ROOT, 'dist')],
  ['/node_modules/preact/', join(ROOT, 'node_modules/preact')],
  ['/assets/', join(STORE, 'public')],
  ['/shared/', join(STORE, 'shared')],
];

/** The file for a URL path, or undefined: only known folders, only known types, never outside the folder. */
function fileFor(path) {
  for (const [prefix, folder] of FOLDERS) {
    if (!path.startsWith(prefix)) continue;
    const file = resolve(folder, '.' + path.slice(prefix.length - 1));
    return file.startsWith(folder + sep) && TYPES[extname(file)] ? file : undefined;
  }
  return undefined;
}

/** Serves `path` when it is a static file or picture; returns false when it is not one. */
export async function serveStatic(path, res) {
  if (path.startsWith('/img/')) {
    const svg = imageFor(path);
    if (!svg) return false;
    // Drawn from the catalog, so the same path always gives the same picture.
    res.writeHead(200, { 'content-type': TYPES['.svg'], 'cache-control': 'public, max-age=3600' });
    res.end(svg);
    return true;
  }
  const file = fileFor(path);
  if (!file) return false;
  let body;
  try {
    body = await readFile(file);
  } catch {
    return false;
  }
  // The bundles are rebuilt while the store runs (npm run build): always fetch the current ones.
  res.writeHead(200, { 'content-type': TYPES[extname(file)], 'cache-control': 'no-cache' });
  res.end(body);
  return true;
}
