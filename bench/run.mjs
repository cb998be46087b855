// `npm run bench`: installs the peers on first use, builds the product and the peers' bundles, measures everything
// in Chromium (interleaved runs, contenders in a new random order each run), prints the tables, writes
// bench/results.json and the results section of docs/benchmarks.md.
//
// Knobs: BENCH_RUNS (default 9), BENCH_ONLY=tracking,click,widgets,banner,delivery (default all),
// BENCH_SCENARIOS=,Phone,Cpu4,PhoneCpu4,Slow (widget/banner scenarios; "" is desktop 1x), BENCH_CLICKS (clicks per
// run, default 20), BENCH_SHOPPERS / BENCH_EVENTS / BENCH_DELIVERY_ROUNDS (see delivery.mjs), BENCH_NO_BUILD=1.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import os from 'node:os';
import { chromium } from '@playwright/test';
import { gzipBytes } from '../scripts/size.mjs';
import { CHROMIUM, ensureChromium } from '../scripts/chromium.mjs';
import { BANNERS, NO_LIBRARY, SANITY, TRACKERS, WIDGETS } from './peers.mjs';
import { bannerCost, SCENARIOS, startServer, trackerCost, widgetCost } from './measure.mjs';
import { median, shuffled, summary } from './stats.mjs';
import { runDelivery } from './delivery.mjs';
import { writeReport } from './report.mjs';

const HERE = import.meta.dirname;
const ROOT = resolve(HERE, '..');
const RESULTS = resolve(HERE, 'results.json');
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const CLICKS = Number(process.env.BENCH_CLICKS ?? 20);
const PARTS = ['tracking', 'click', 'widgets', 'banner', 'delivery'];
const only = (process.env.BENCH_ONLY ?? PARTS.join(',')).split(',').map((s) => s.trim()).filter(Boolean);
const unknown = only.filter((p) => !PARTS.includes(p));
if (unknown.length) throw new Error(`BENCH_ONLY: unknown part(s) ${unknown.join(', ')}; expected some of ${PARTS.join(', ')}`);
const wants = (part) => only.includes(part);
const scenarioKeys = process.env.BENCH_SCENARIOS === undefined ? Object.keys(SCENARIOS) : process.env.BENCH_SCENARIOS.split(',').map((s) => s.trim());
for (const k of scenarioKeys) if (!(k in SCENARIOS)) throw new Error(`BENCH_SCENARIOS: unknown scenario "${k}"; expected some of ${Object.keys(SCENARIOS).map((s) => JSON.stringify(s)).join(', ')}`);

const sh = (cmd, cwd = ROOT) => execSync(cmd, { cwd, stdio: 'inherit' });
ensureChromium();
if (!existsSync(resolve(HERE, 'node_modules'))) sh('npm install --no-audit --no-fund', HERE);
if (process.env.BENCH_NO_BUILD !== '1') {
  sh('npm run build --silent');
  for (const name of ['snowplow', 'rudderstack', 'algolia', 'algolia-slider']) {
    sh(`npx esbuild entries/${name}.js --bundle --minify --format=iife --target=es2020 --outfile=build/${name}.js --log-level=warning`, HERE);
  }
}

const started = Date.now();
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

/** samples[kind|name|figure] = one value per run (NaN when that run failed), so runs stay paired across contenders. */
const samples = {};
const add = (kind, name, figure, value) => ((samples[`${kind}|${name}|${figure}`] ??= []).push(value));
const files = new Map();
const failures = [];
const attempt = async (label, fn) => {
  try {
    return await fn();
  } catch (e) {
    failures.push(`${label}: ${e.message.split('\n')[0]}`);
    console.warn(`\n${label}: ${e.message.split('\n')[0]}`);
    return undefined;
  }
};
const partTime = {};
const timed = async (part, fn) => {
  const t = Date.now();
  await fn();
  partTime[part] = (partTime[part] ?? 0) + (Date.now() - t) / 1000;
};

const server = await startServer();
const runSeconds = [];
const tracking = wants('tracking') || wants('click');
// One job per contender and part; a run does every job once, in a new random order. Each job's seconds are kept,
// to see where the time of a run goes.
const jobs = [];
const jobSeconds = {};
const job = (label, fn) => async () => {
  const t = Date.now();
  await fn();
  (jobSeconds[label] ??= []).push((Date.now() - t) / 1000);
};
if (tracking) {
  for (const lib of [...TRACKERS, ...(wants('click') ? [NO_LIBRARY] : []), ...(wants('tracking') ? [SANITY] : [])]) {
    const parts = {
      load: wants('tracking') && lib !== NO_LIBRARY,
      track: wants('tracking') && Boolean(lib.track) && lib !== NO_LIBRARY,
      click: wants('click') && lib !== SANITY,
      clicks: CLICKS,
    };
    const kind = lib === SANITY ? 'sanity' : 'tracking';
    jobs.push(job(`${lib.name} (tracking)`, async () => {
      const r = await attempt(`${lib.name} (tracking)`, () => trackerCost(browser, server, lib, parts));
      for (const figure of ['mainThreadMs', 'track1000Ms', 'track1000Calls', 'clickToPaintMs', 'clickHandlersMs', 'clickEventTimingMs']) {
        if ((figure === 'mainThreadMs' && parts.load) || (figure.startsWith('track') && parts.track) || (figure.startsWith('click') && parts.click)) add(kind, lib.name, figure, r?.[figure] ?? NaN);
      }
      if (r && kind === 'tracking' && lib !== NO_LIBRARY) files.set(`tracking|${lib.name}`, r.files);
    }));
  }
}
for (const key of wants('widgets') ? scenarioKeys : []) {
  for (const lib of WIDGETS) {
    jobs.push(job(`${lib.name} (widgets${key})`, async () => {
      const r = await attempt(`${lib.name} (widgets${key})`, () => widgetCost(browser, server, lib, SCENARIOS[key]));
      for (const figure of ['cls', 'paintedMs', 'renderMs', 'mainThreadMs']) add('widgets', lib.name, figure + key, r?.[figure] ?? NaN);
      if (r) files.set(`widgets|${lib.name}`, r.files);
    }));
  }
}
for (const key of wants('banner') ? scenarioKeys : []) {
  for (const lib of BANNERS) {
    jobs.push(job(`${lib.name} (banner${key})`, async () => {
      const r = await attempt(`${lib.name} (banner${key})`, () => bannerCost(browser, server, lib, SCENARIOS[key]));
      for (const figure of ['lcpMs', 'cls']) add('banner', lib.name, figure + key, r?.[figure] ?? NaN);
    }));
  }
}
if (jobs.length) {
  await timed('measured', async () => {
    // Interleaved: each run measures every contender once, so drift on the machine touches all of them alike.
    for (let run = 1; run <= RUNS; run++) {
      const order = shuffled(jobs);
      const t = Date.now();
      for (let i = 0; i < order.length; i++) {
        process.stdout.write(`run ${run}/${RUNS}, ${i + 1}/${order.length}   \r`);
        await order[i]();
      }
      runSeconds.push((Date.now() - t) / 1000);
    }
  });
}
await server.close();

// The click a library adds: its click-to-paint minus the page without a library, paired within each run.
if (wants('click')) {
  const base = samples[`tracking|${NO_LIBRARY.name}|clickToPaintMs`] ?? [];
  for (const lib of TRACKERS) {
    const own = samples[`tracking|${lib.name}|clickToPaintMs`] ?? [];
    samples[`tracking|${lib.name}|clickAddedMs`] = own.map((v, i) => v - (base[i] ?? NaN));
  }
}

let delivery;
if (wants('delivery')) await timed('delivery', async () => (delivery = await attempt('delivery', () => runDelivery(browser, { root: ROOT }))));
const version = browser.version();
await browser.close();

// Results: the figures measured now replace the same figures of the last results; the others are kept, so one part
// can be measured again alone.
const previous = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : {};
const results = previous.format === 2 ? previous : { format: 2, rows: [], samples: {}, parts: {} };
const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, Chromium ${version}`;
const load = os.loadavg()[0].toFixed(1);
const row = (kind, name) => {
  let r = results.rows.find((x) => x.kind === kind && x.name === name);
  if (!r) results.rows.push((r = { kind, name, spread: {} }));
  return r;
};
for (const [key, values] of Object.entries(samples)) {
  const [kind, name, figure] = key.split('|');
  const s = summary(values);
  const r = row(kind, name);
  r[figure] = s.median;
  r.spread[figure] = { q1: s.q1, q3: s.q3, min: s.min, max: s.max, n: s.n };
  results.samples[key] = values;
}
if (wants('tracking')) row('sanity', SANITY.name).expectedMs = SANITY.burnMs;
// Rows in a fixed order: by kind, ours first, the peers as peers.mjs lists them, the no-library baseline last.
const KINDS = ['tracking', 'sanity', 'widgets', 'banner'];
const NAMES = [...TRACKERS, ...WIDGETS, ...BANNERS, SANITY, NO_LIBRARY].map((lib) => lib.name);
const rank = (r) => KINDS.indexOf(r.kind) * 100 + NAMES.indexOf(r.name);
// A contender no longer in peers.mjs (renamed or dropped) leaves no row behind.
results.rows = results.rows.filter((r) => NAMES.includes(r.name)).sort((a, b) => rank(a) - rank(b));
for (const key of Object.keys(results.samples)) if (!NAMES.includes(key.split('|')[1])) delete results.samples[key];
// Bytes: gzip -9 of every script the page loaded for the library. A widgets row counts the widget scripts; ours run
// on datacue.js, which a DataCue store loads for tracking anyway, so its bytes are shown apart (withTracker).
const bytesOf = (list) => list.reduce((n, f) => n + gzipBytes(f), 0);
const trackingFiles = new Set([...files.entries()].filter(([k]) => k.startsWith('tracking|')).flatMap(([, f]) => f));
for (const [key, list] of files) {
  const [kind, name] = key.split('|');
  if (kind === 'tracking') row(kind, name).bytes = bytesOf(list);
  else Object.assign(row(kind, name), { bytes: bytesOf(list.filter((f) => !trackingFiles.has(f) && !f.endsWith('/dist/datacue.js'))), withTracker: bytesOf(list) });
}
if (delivery) results.delivery = delivery;
const when = new Date().toISOString();
for (const part of only) {
  if (part === 'delivery' && !delivery) continue; // failed: its last results stay, with their own date
  results.parts[part] = {
    date: when, runs: part === 'delivery' ? delivery?.rounds?.length ?? 0 : RUNS, loadAverage: Number(load),
    ...(part === 'widgets' || part === 'banner' ? { scenarios: scenarioKeys } : {}),
    ...(part === 'click' ? { clicks: CLICKS } : {}),
    // Seconds per run of all the parts measured together (delivery: all its rounds).
    seconds: part === 'delivery' ? partTime.delivery : runSeconds.map((x) => Math.round(x)),
  };
}
Object.assign(results, { date: when, machine, failures, jobSeconds: Object.fromEntries(Object.entries(jobSeconds).map(([k, v]) => [k, median(v)])) });
writeFileSync(RESULTS, JSON.stringify(results, null, 2) + '\n');

const total = (Date.now() - started) / 1000;
const markdown = writeReport(results);
console.log(`\n${markdown}\n`);
console.log(`${only.join(', ')}: ${jobs.length ? `${RUNS} interleaved runs, ` : ''}${total.toFixed(0)} s (${Object.entries(partTime).map(([k, v]) => `${k} ${v.toFixed(0)} s`).join(', ')}); load average ${load} on ${machine}`);
if (failures.length) console.log(`${failures.length} failed measurements (kept as NaN, listed in results.json)`);
