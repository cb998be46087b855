// Size gate: each script-tag build, minified and gzipped (level 9), against its budget in exact bytes.
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

export const BUDGETS = { 'dist/datacue.js': 4096, 'dist/datacue-storefront.js': 12288 };

export const gzipBytes = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

let failed = false;
for (const [file, budget] of Object.entries(BUDGETS)) {
  if (!existsSync(file)) {
    console.error(`size: ${file} is missing (run npm run build)`);
    failed = true;
    continue;
  }
  const bytes = gzipBytes(file);
  const ok = bytes <= budget;
  failed ||= !ok;
  console.log(`size: ${file} ${bytes} B min+gzip (budget ${budget} B, ${ok ? 'ok' : 'OVER'})`);
}
process.exitCode = failed ? 1 : 0;
