// bench/results.json → the results section of docs/benchmarks.md (between its "results" markers), as markdown
// tables: every figure is the median with its spread (interquartile range) and the ratio ours/peer.
// `node bench/report.mjs` regenerates it from the last results; `npm run bench` calls it after measuring.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const HERE = import.meta.dirname;
const DOC = resolve(HERE, '../docs/benchmarks.md');
const START = '<!-- results:start (written by bench/report.mjs from bench/results.json) -->';
const END = '<!-- results:end -->';

const SCENARIO_NAMES = { '': 'desktop 1280x900, 1x CPU', Phone: 'phone 390x844, 1x CPU', Cpu4: 'desktop, 4x CPU', PhoneCpu4: 'phone, 4x CPU', Slow: 'desktop, answer 800 ms late' };

const num = (x, digits) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
/** "median (q1–q3)" of one figure of a row. */
const cell = (row, figure, digits = 1) => {
  const v = row?.[figure];
  const s = row?.spread?.[figure];
  if (!Number.isFinite(v)) return 'n/a';
  return s && s.n > 1 ? `${num(v, digits)} (${num(s.q1, digits)}–${num(s.q3, digits)})` : num(v, digits);
};
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? (a / b).toFixed(2) : 'n/a');
const table = (head, rows) => [`| ${head.join(' | ')} |`, `| ${head.map((h, i) => (i < 2 ? '---' : '---:')).join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const runsOf = (results, part) => {
  const p = results.parts?.[part];
  return p ? `${p.runs} ${part === 'delivery' ? 'rounds' : 'interleaved runs'}, ${p.date.slice(0, 16).replace('T', ' ')} UTC, load average ${p.loadAverage} at the end` : 'not measured';
};

export function markdown(results) {
  const rows = (kind) => results.rows.filter((r) => r.kind === kind);
  const ours = (kind) => rows(kind).find((r) => r.name.includes('(ours)'));
  const out = [`Machine: ${results.machine}. Every figure: median (interquartile range) over the runs; ours/peer below 1 means ours is smaller or faster.`];

  const trackers = rows('tracking').filter((r) => r.bytes !== undefined || Number.isFinite(r.mainThreadMs));
  if (trackers.length && results.parts?.tracking) {
    const o = ours('tracking');
    out.push(`### Tracking: size, load + first event, 1,000 track() (${runsOf(results, 'tracking')})`, table(
      ['library', 'kind', 'bytes min+gz', 'ours/peer', 'main thread ms, load + page event, 4x CPU (own scripts)', 'ours/peer', '1,000 track() ms, 1x CPU', 'ours/peer'],
      trackers.map((r) => [r.name, 'tracking', r.bytes ?? 'n/a', ratio(o?.bytes, r.bytes), cell(r, 'mainThreadMs'), ratio(o?.mainThreadMs, r.mainThreadMs), `${cell(r, 'track1000Ms')}${r.track1000Calls < 1000 ? ` (scaled from ${Math.round(r.track1000Calls)} calls in 3 s)` : ''}`, ratio(o?.track1000Ms, r.track1000Ms)]),
    ));
    const sanity = rows('sanity')[0];
    if (sanity) {
      const off = Math.abs(sanity.mainThreadMs / sanity.expectedMs - 1);
      out.push(`Attribution check: a script that keeps the main thread busy for ${sanity.expectedMs} ms is attributed ${cell(sanity, 'mainThreadMs')} ms.${off > 0.2 ? ` **That is ${Math.round(off * 100)}% off: the machine was too busy for the main-thread figures of this run to be trusted.**` : ''}`);
    }
  }
  const clickers = rows('tracking').filter((r) => Number.isFinite(r.clickToPaintMs));
  if (clickers.length && results.parts?.click) {
    const o = ours('tracking');
    const clicks = results.parts.click.clicks;
    out.push(`### A click handler that tracks, 4x CPU (${runsOf(results, 'click')}${clicks ? `, ${clicks} clicks a run` : ''})`, table(
      ['library', 'kind', 'click → next paint ms', 'ours/peer', 'added to a page without library ms', 'handlers ms', 'Event Timing duration ms (under 16 counted as 8)'],
      clickers.map((r) => [r.name, 'click', cell(r, 'clickToPaintMs'), r.name.includes('baseline') ? '' : ratio(o?.clickToPaintMs, r.clickToPaintMs), r.name.includes('baseline') ? '' : cell(r, 'clickAddedMs'), cell(r, 'clickHandlersMs', 2), cell(r, 'clickEventTimingMs', 0)]),
    ));
  }
  const widgets = rows('widgets');
  const scenarios = (part) => results.parts?.[part]?.scenarios ?? [];
  if (widgets.length && results.parts?.widgets) {
    const o = ours('widgets');
    out.push(`### Widgets: 16 recommended products (${runsOf(results, 'widgets')})`,
      table(['library', 'kind', 'bytes min+gz', 'ours/peer'], widgets.map((r) => [r.name, 'widgets', `${r.bytes}${r.withTracker !== r.bytes ? ` (${r.withTracker} with datacue.js)` : ''}`, ratio(o?.bytes, r.bytes)])),
      table(
        ['scenario', 'library', 'CLS', 'ours/peer', '16 cards painted after navigation ms', 'ours/peer', 'response → 16 cards ms', 'ours/peer', 'main thread ms (own scripts)', 'ours/peer'],
        scenarios('widgets').flatMap((k) => widgets.map((r) => [SCENARIO_NAMES[k] ?? k, r.name, cell(r, `cls${k}`, 4), ratio(o?.[`cls${k}`], r[`cls${k}`]), cell(r, `paintedMs${k}`), ratio(o?.[`paintedMs${k}`], r[`paintedMs${k}`]), cell(r, `renderMs${k}`), ratio(o?.[`renderMs${k}`], r[`renderMs${k}`]), cell(r, `mainThreadMs${k}`), ratio(o?.[`mainThreadMs${k}`], r[`mainThreadMs${k}`])])),
      ));
  }
  const banners = rows('banner');
  if (banners.length && results.parts?.banner) {
    const o = ours('banner');
    out.push(`### Banner page: largest contentful paint (${runsOf(results, 'banner')})`, table(
      ['scenario', 'page', 'LCP ms', 'ours/plain', 'CLS'],
      scenarios('banner').flatMap((k) => banners.map((r) => [SCENARIO_NAMES[k] ?? k, r.name, cell(r, `lcpMs${k}`), ratio(o?.[`lcpMs${k}`], r[`lcpMs${k}`]), cell(r, `cls${k}`, 4)])),
    ));
  }
  const d = results.delivery;
  if (d && results.parts?.delivery) {
    out.push(`### Delivery under faults (${runsOf(results, 'delivery')})`, table(
      ['round', 'shoppers × tabs × events', 'sent', 'delivered', 'lost: in flight at unload', 'lost: still waiting at the end', 'lost: other', 'duplicated', 'repeats absorbed by dedup', 'requests (503 / 429 / dropped / answer lost / held)', 'seconds'],
      [...d.rounds.map((x, i) => [`${i + 1} (seed ${x.seed})`, `${x.shoppers} × 2 × ${x.eventsPerTab}`, x.sent, x.delivered, x.lost.inFlightAtUnload, x.lost.waitingAtEnd, x.lost.other, x.duplicated, x.repeatsAbsorbed, `${x.requests} (${x.faults.status503} / ${x.faults.status429} / ${x.faults.dropBefore} / ${x.faults.answerLost} / ${x.faults.held})`, x.seconds]),
        ['total', '', d.total.sent, d.total.delivered, d.total.lost.inFlightAtUnload, d.total.lost.waitingAtEnd, d.total.lost.other, d.total.duplicated, d.total.repeatsAbsorbed, '', '']],
    ));
  }
  return out.join('\n\n');
}

/** Writes the tables into docs/benchmarks.md between the markers (appended when the markers are missing). */
export function writeReport(results) {
  const text = markdown(results);
  const doc = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '# Benchmarks\n';
  const block = `${START}\n${text}\n${END}`;
  const from = doc.indexOf(START);
  const to = doc.indexOf(END);
  writeFileSync(DOC, from >= 0 && to > from ? doc.slice(0, from) + block + doc.slice(to + END.length) : `${doc.trimEnd()}\n\n${block}\n`);
  return text;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(writeReport(JSON.parse(readFileSync(resolve(HERE, 'results.json'), 'utf8'))));
}
