// Where the tracker's bytes go: for each module, how much smaller dist/datacue.js (minified + gzip -9) would be
// without it (its rendered code cut out of the bundle before minifying). Deltas overlap a little, so they do not
// add up exactly to the total. Usage: node scripts/size-by-module.mjs [dist/datacue-outbox.js]
import { rollup } from 'rollup';
import { minify } from 'terser';
import { gzipSync } from 'node:zlib';
import config from '../rollup.config.mjs';

const file = process.argv[2] ?? 'dist/datacue.js';
const tracker = config.find((c) => c.output.file === file);
const bundle = await rollup({ input: tracker.input, plugins: tracker.plugins.filter((p) => p.name !== 'terser'), onwarn: () => {} });
const { output } = await bundle.generate({ format: 'iife' });
const [{ code, modules }] = output;
const options = { ecma: 2021, compress: { passes: 3, unsafe_arrows: true, unsafe: true, pure_getters: true }, format: { comments: false } };
const size = async (source, o = options) => gzipSync((await minify(source, o)).code, { level: 9 }).length;
const total = await size(code);
// Deltas measured with unused code kept, so that cutting one module does not make the minifier drop the others.
const keep = { ...options, compress: { ...options.compress, unused: false, dead_code: false } };
const all = await size(code, keep);
const rows = [];
for (const [id, m] of Object.entries(modules)) {
  if (!m.code || !code.includes(m.code)) continue;
  rows.push([all - (await size(code.replace(m.code, ''), keep)), id.replace(/^.*?(src|node_modules)\//, '$1/')]);
}
console.log(`${file} ${total} B min+gzip (zlib, without the gzip header); removal delta by module:`);
for (const [bytes, id] of rows.sort((a, b) => b[0] - a[0])) console.log(`${String(bytes).padStart(6)} B  ${id}`);
