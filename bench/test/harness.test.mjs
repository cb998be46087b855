// The benchmark's pure parts: attribution of profile time, summaries, the dedup identity, the report, test images.
// Run with `npm test` inside bench/ (node's own test runner; the benchmark itself needs a browser and is not a test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { attributedMs } from '../attribute.mjs';
import { summary, shuffled, seeded } from '../stats.mjs';
import { identity } from '../delivery.mjs';
import { markdown } from '../report.mjs';
import { testPng } from '../image.mjs';

const LIB = 'https://cdn.test/lib.js';
const PAGE = 'http://127.0.0.1/page';
// (root) → page script → library function → native JSON.stringify; (root) → (program); (root) → (garbage collector)
const profile = {
  startTime: 0,
  endTime: 10_000,
  nodes: [
    { id: 1, callFrame: { functionName: '(root)', url: '' }, children: [2, 5, 6] },
    { id: 2, callFrame: { functionName: 'inline', url: PAGE }, children: [3] },
    { id: 3, callFrame: { functionName: 'track', url: LIB }, children: [4] },
    { id: 4, callFrame: { functionName: 'stringify', url: '' }, children: [] },
    { id: 5, callFrame: { functionName: '(program)', url: '' }, children: [] },
    { id: 6, callFrame: { functionName: '(garbage collector)', url: '' }, children: [] },
  ],
  // Each sample lasts until the next: 2 → 1 ms, 3 → 2 ms, 4 → 3 ms, 5 → 4 ms, 6 → 5 ms (the last one, 0).
  samples: [2, 3, 4, 5, 6, 2],
  timeDeltas: [0, 1000, 2000, 3000, 4000, 5000],
};

test('a library gets the self time of its frames and of the native frames it called, nothing else', () => {
  assert.deepEqual(attributedMs(profile, (url) => url === LIB), { ms: 5, spanMs: 10 });
  assert.equal(attributedMs(profile, (url) => url === PAGE).ms, 1);
  assert.equal(attributedMs(profile, () => false).ms, 0);
});

test('summary: median, quartiles and extremes of the finite samples', () => {
  assert.deepEqual(summary([5, 1, NaN, 3, 2, 4]), { median: 3, q1: 2, q3: 4, min: 1, max: 5, n: 5 });
  assert.equal(summary([1, 2]).median, 1.5);
  assert.ok(Number.isNaN(summary([NaN]).median));
});

test('shuffled keeps every contender once, and its order changes between runs', () => {
  const random = seeded(3);
  const orders = new Set(Array.from({ length: 20 }, () => shuffled([1, 2, 3, 4], random).join()));
  for (const o of orders) assert.deepEqual(o.split(',').map(Number).sort(), [1, 2, 3, 4]);
  assert.ok(orders.size > 5);
});

test('the dedup identity: the envelope id when there is one, else the envelope without per-attempt fields', () => {
  const body = { user: { anonymous_id: 'a' }, event: { type: 'wishlist', product_id: 's1-t1-w1' }, timestamp: '2026-01-01T00:00:00.000Z' };
  assert.equal(identity({ ...body, attempt: 1 }), identity({ ...body, attempt: 2 }));
  assert.notEqual(identity(body), identity({ ...body, timestamp: '2026-01-01T00:00:00.001Z' }));
  assert.equal(identity({ ...body, event_id: 'e1' }), 'id:e1');
  assert.equal(identity({ ...body, event: { ...body.event, id: 'e2' } }), 'id:e2');
});

test('the report shows median (IQR) and ours/peer ratios for what was measured, and nothing for what was not', () => {
  const spread = (q1, q3) => ({ q1, q3, min: q1, max: q3, n: 9 });
  const text = markdown({
    machine: 'test machine',
    parts: { tracking: { date: '2026-11-23T15:00:00.000Z', runs: 9, loadAverage: 1 } },
    rows: [
      { kind: 'tracking', name: 'DataCue (ours)', bytes: 3500, mainThreadMs: 10, track1000Ms: 20, track1000Calls: 1000, spread: { mainThreadMs: spread(9, 11) } },
      { kind: 'tracking', name: 'Peer', bytes: 7000, mainThreadMs: 40, track1000Ms: 10, track1000Calls: 400, spread: { mainThreadMs: spread(30, 50) } },
    ],
  });
  assert.match(text, /\| DataCue \(ours\) \| tracking \| 3500 \| 1\.00 \| 10\.0 \(9\.0–11\.0\) \| 1\.00 \|/);
  assert.match(text, /\| Peer \| tracking \| 7000 \| 0\.50 \| 40\.0 \(30\.0–50\.0\) \| 0\.25 \| 10\.0 \(scaled from 400 calls in 3 s\) \| 2\.00 \|/);
  assert.doesNotMatch(text, /Widgets|Delivery|click handler/);
});

test('a banner PNG is a valid image of the asked size with enough bytes per pixel to count for LCP', () => {
  const png = testPng(120, 72, 1);
  assert.deepEqual([...png.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10]);
  assert.equal(png.readUInt32BE(16), 120);
  assert.equal(png.readUInt32BE(20), 72);
  const idat = png.indexOf('IDAT');
  const raw = inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)));
  assert.equal(raw.length, 72 * (1 + 120 * 3));
  assert.ok((testPng(1200, 720, 1).length * 8) / (1200 * 720) > 0.05 * 10);
  // A flat product photo stays small, as a store's 300 px thumbnail is.
  assert.ok(testPng(300, 300, 3, false).length < 10_000);
});

test('the report flags a run whose attribution check is more than 20% off', () => {
  const results = (attributed) => ({
    machine: 'm',
    parts: { tracking: { date: '2026-11-23T15:00:00.000Z', runs: 9, loadAverage: 1 } },
    rows: [
      { kind: 'tracking', name: 'DataCue (ours)', bytes: 1, mainThreadMs: 1, spread: {} },
      { kind: 'sanity', name: 'sanity', expectedMs: 50, mainThreadMs: attributed, spread: {} },
    ],
  });
  assert.doesNotMatch(markdown(results(55)), /too busy/);
  assert.match(markdown(results(94)), /88% off: the machine was too busy/);
});
