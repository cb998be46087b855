// Size gate: each script-tag build, minified and gzipped, against its budget in exact bytes.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

// DESIGN.md §8: datacue.js at most 4 KB (aim 3 KB), datacue-storefront.js at most 12 KB. The outbox's is ours (it loads
// only when an event waits): 2 KB, raised by 64 B to go on when storage refuses (Web Locks, a full disk).
export const BUDGETS = { 'dist/datacue.js': 4096, 'dist/datacue-outbox.js': 2112, 'dist/datacue-storefront.js': 12288 };

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
