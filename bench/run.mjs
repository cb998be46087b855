// `npm run bench`: installs the peers on first use, builds the product and the peers' bundles, measures everything
// in Chromium (interleaved runs, medians), prints one table and writes bench/results.json.
import { execSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import os from 'node:os';
import { chromium } from '@playwright/test';
import { gzipBytes } from '../scripts/size.mjs';
import { CHROMIUM, ensureChromium } from '../scripts/chromium.mjs';
import { TRACKERS, WIDGETS } from './peers.mjs';
import { loadCost, startServer, trackCost, widgetCost } from './measure.mjs';

const HERE = import.meta.dirname;
const ROOT = resolve(HERE, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const sh = (cmd, cwd = ROOT) => execSync(cmd, { cwd, stdio: 'inherit' });

ensureChromium();
if (!existsSync(resolve(HERE, 'node_modules'))) sh('npm install --no-audit --no-fund', HERE);
sh('npm run build --silent');
for (const name of ['snowplow', 'rudderstack', 'algolia']) {
  sh(`npx esbuild entries/${name}.js --bundle --minify --format=iife --target=es2020 --outfile=build/${name}.js --log-level=warning`, HERE);
}

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2 : NaN;
};
const bytesOf = (files) => files.reduce((n, f) => n + gzipBytes(f), 0);

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const server = await startServer();
const samples = new Map();
const add = (key, value) => samples.set(key, [...(samples.get(key) ?? []), value]);
const files = new Map();

// Interleaved: each run measures every contender once, so drift on the machine touches all of them alike.
for (let run = 1; run <= RUNS; run++) {
  process.stdout.write(`run ${run}/${RUNS}\r`);
  add('baseline', (await loadCost(browser, server, undefined)).taskMs);
  for (const lib of TRACKERS) {
    try {
      const load = await loadCost(browser, server, lib);
      add(`${lib.name}:task`, load.taskMs);
      files.set(`${lib.name}:tracking`, load.files);
      add(`${lib.name}:track`, await trackCost(browser, server, lib));
    } catch (e) {
      console.warn(`\n${lib.name}: ${e.message.split('\n')[0]}`);
    }
  }
  for (const lib of WIDGETS) {
    try {
      const w = await widgetCost(browser, server, lib);
      add(`${lib.name}:render`, w.renderMs);
      add(`${lib.name}:painted`, w.paintedMs);
      add(`${lib.name}:cls`, w.cls);
      files.set(`${lib.name}:widgets`, w.files);
    } catch (e) {
      console.warn(`\n${lib.name}: ${e.message.split('\n')[0]}`);
    }
  }
}
await server.close();
const version = browser.version();
await browser.close();

const base = median(samples.get('baseline') ?? []);
const m = (key) => median(samples.get(key) ?? []);
const rows = [];
for (const lib of TRACKERS) {
  rows.push({
    kind: 'tracking', name: lib.name,
    bytes: bytesOf(files.get(`${lib.name}:tracking`) ?? []),
    mainThreadMs: m(`${lib.name}:task`) - base,
    track1000Ms: m(`${lib.name}:track`),
  });
}
// A widgets row counts the widget scripts; ours run on datacue.js, which a DataCue store loads for tracking anyway,
// so its bytes are shown apart (withTracker).
const trackingFiles = new Set([...files.entries()].filter(([k]) => k.endsWith(':tracking')).flatMap(([, f]) => f));
for (const lib of WIDGETS) {
  const loaded = files.get(`${lib.name}:widgets`) ?? [];
  rows.push({
    kind: 'widgets', name: lib.name,
    bytes: bytesOf(loaded.filter((f) => !trackingFiles.has(f))),
    withTracker: bytesOf(loaded),
    renderMs: m(`${lib.name}:render`),
    paintedMs: m(`${lib.name}:painted`),
    cls: m(`${lib.name}:cls`),
  });
}
const ours = (kind) => rows.find((r) => r.kind === kind && r.name.includes('(ours)'));
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? (a / b).toFixed(2) : 'n/a');
const fmt = (x, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');

const table = [
  '| kind | library | bytes min+gz | ours/peer | main thread ms (4x CPU) | ours/peer | 1,000 track() ms | ours/peer | 16 cards after response ms | ours/peer | 16 cards after navigation ms | ours/peer | CLS | ours/peer |',
  '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map((r) => {
    const o = ours(r.kind);
    return r.kind === 'tracking'
      ? `| tracking | ${r.name} | ${r.bytes} | ${ratio(o.bytes, r.bytes)} | ${fmt(r.mainThreadMs)} | ${ratio(o.mainThreadMs, r.mainThreadMs)} | ${fmt(r.track1000Ms)} | ${ratio(o.track1000Ms, r.track1000Ms)} | | | | | | |`
      : `| widgets | ${r.name} | ${r.bytes}${r.withTracker !== r.bytes ? ` (${r.withTracker} with datacue.js)` : ''} | ${ratio(o.bytes, r.bytes)} | | | | | ${fmt(r.renderMs)} | ${ratio(o.renderMs, r.renderMs)} | ${fmt(r.paintedMs)} | ${ratio(o.paintedMs, r.paintedMs)} | ${fmt(r.cls, 4)} | ${ratio(o.cls, r.cls)} |`;
  }),
].join('\n');

const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, Chromium ${version}`;
console.log(`\n${table}\n\nmedian of ${RUNS} interleaved runs; ${machine}`);
writeFileSync(resolve(HERE, 'results.json'), JSON.stringify({ date: new Date().toISOString(), runs: RUNS, machine, rows, samples: Object.fromEntries(samples) }, null, 2) + '\n');
