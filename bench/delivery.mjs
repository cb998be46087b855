// The delivery benchmark (BENCH_ONLY=delivery): simulated shoppers in real Chromium, each one browser context with
// two tabs of a store page running dist/datacue.js. Every tab sends identifiable events (wishlist adds with
// product_id "s3-t1-w17", deferred product clicks "s3-t1-c4" followed by a navigation) to a local events API on
// 127.0.0.1 that injects faults: 503s, 429s with Retry-After, connections dropped before and after the event was
// stored, answers held while the tab navigates away, and offline spells. Then the faults stop, every tab reloads
// until nothing more arrives, and the events are counted: sent, delivered, lost by cause, duplicated.
//
// Knobs: BENCH_SHOPPERS (default 4), BENCH_EVENTS per tab (default 12), BENCH_DELIVERY_ROUNDS (default 2),
// BENCH_SEED (default 1).
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { seeded } from './stats.mjs';

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
const TAG = /^s\d+-t\d+-[wc]\d+$/;
export const FAULTS = { status503: 0.12, status429: 0.08, dropBefore: 0.06, answerLost: 0.04, held: 0.1 };
const HOLD_MS = 1500;

/**
 * The identity the server dedups by: an id the envelope carries (event_id or id, at the top or in `event`), else
 * the envelope itself without per-attempt fields, so a retry of the same stored event is the same event.
 */
export function identity(envelope) {
  const id = envelope?.event_id ?? envelope?.id ?? envelope?.event?.event_id ?? envelope?.event?.id;
  if (typeof id === 'string' || typeof id === 'number') return `id:${id}`;
  const stable = Object.fromEntries(Object.entries(envelope ?? {}).filter(([k]) => !/^(sent_?at|attempts?|tries|retry)$/i.test(k)));
  return `body:${JSON.stringify(stable)}`;
}

/** The store page a tab loads: `nav` names this page load, so the server knows which load sent each request. */
const storePage = (nav) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Store ${nav}</title>
<script>window.datacueConfig = { api_key: 'k', user_id: null, page_type: 'home', options: { events_url: '/events' } };</script>
<script src="/datacue.js"></script></head><body><h1>Store</h1></body></html>`;

/** The events API with a fault schedule drawn from `random`; `faults` can be switched off for the settling phase. */
async function startApi(root, random) {
  // The tracker and the outbox chunk it loads from beside itself when an event has to wait.
  const scripts = new Map(['datacue.js', 'datacue-outbox.js'].map((f) => [`/${f}`, readFileSync(resolve(root, 'dist', f))]));
  const log = []; // one entry per tagged request
  const counts = { requests: 0, status503: 0, status429: 0, dropBefore: 0, answerLost: 0, held: 0 };
  const api = { faults: true, log, counts, lastAccepted: 0, served: new Map() };
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (url.pathname === '/shop') {
      api.served.set(url.searchParams.get('nav'), Date.now());
      return reply(res, 200, 'text/html', storePage(url.searchParams.get('nav')));
    }
    if (scripts.has(url.pathname)) return reply(res, 200, 'text/javascript', scripts.get(url.pathname));
    if (url.pathname !== '/events' || req.method !== 'POST') return reply(res, 404, 'text/plain', 'not found');
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', async () => {
      let envelope;
      try {
        envelope = JSON.parse(body);
      } catch {
        return reply(res, 400, 'application/json', '{"message":"not JSON"}');
      }
      const tag = envelope?.event?.product_id;
      const referer = req.headers.referer ? new URL(req.headers.referer).searchParams.get('nav') : null;
      const entry = TAG.test(tag ?? '') ? { tag, identity: identity(envelope), nav: referer, arrivedAt: Date.now() } : undefined;
      if (entry) log.push(entry);
      counts.requests++;
      const answer = (outcome, status, headers = {}) => {
        if (entry) Object.assign(entry, { outcome, answeredAt: Date.now(), accepted: status === 204 || outcome === 'answerLost' });
        if (entry?.accepted) api.lastAccepted = Date.now();
        if (status) reply(res, status, 'application/json', status === 204 ? '' : '{"message":"try again"}', headers);
      };
      let r = api.faults ? random() : 1;
      const fault = (name) => (r -= FAULTS[name]) < 0 && ++counts[name];
      if (fault('status503')) return answer('503', 503);
      if (fault('status429')) return answer('429', 429, { 'retry-after': '1' });
      if (fault('dropBefore')) {
        answer('dropBefore', 0);
        return req.socket.destroy();
      }
      if (fault('answerLost')) {
        answer('answerLost', 0); // stored, then the connection breaks before the answer
        return req.socket.destroy();
      }
      if (fault('held')) {
        // Held long enough for the tab to navigate away meanwhile; half of these then fail.
        const fails = random() < 0.5;
        await sleep(HOLD_MS);
        if (entry) entry.heldUntil = Date.now();
        return fails ? answer('held503', 503) : answer('held204', 204);
      }
      answer('204', 204);
    });
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  api.origin = `http://127.0.0.1:${server.address().port}`;
  api.close = () => new Promise((done) => { server.closeAllConnections(); server.close(done); });
  return api;
}

function reply(res, status, type, body, headers = {}) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
  res.end(body);
}

/**
 * In every store page: counts, per event tag, the outcomes of its requests that reached the page's script (an answer
 * whose body the script has read, or a network error), in the tab's sessionStorage (it survives the tab's
 * navigations). A request whose outcome never reached the script was in flight when the page went away, whatever the
 * server's clock says: on a busy machine an answer can sit in the browser for seconds before the page's script runs.
 * Counted as the script's own read of the body completes (not a clone's, whose read may complete a task earlier).
 */
function recordOutcomes() {
  const fetch = window.fetch;
  const mark = (tag) => {
    try {
      const seen = JSON.parse(sessionStorage.getItem('bench_seen') || '{}');
      seen[tag] = (seen[tag] || 0) + 1;
      sessionStorage.setItem('bench_seen', JSON.stringify(seen));
    } catch {
      /* a page without storage: its outcomes count as unseen */
    }
  };
  // A network error (or a body that breaks off) counts a task later, as the tracker keeps one: at unload the browser
  // rejects a request it goes on sending (keepalive), and the page is gone before that task.
  const failed = (tag) => (e) => {
    setTimeout(mark, 0, tag);
    throw e;
  };
  window.fetch = function (input, init) {
    const tag = /"product_id":"(s\d+-t\d+-[wc]\d+)"/.exec(typeof init?.body === 'string' ? init.body : '')?.[1];
    const request = fetch.call(this, input, init);
    if (!tag) return request;
    return request.then(
      (r) => {
        const text = r.text.bind(r);
        r.text = () => text().then((body) => (mark(tag), body), failed(tag));
        return r;
      },
      failed(tag),
    );
  };
}

/** One round: every shopper's two tabs shop at once under faults, then settle without faults; then the counts. */
async function round(browser, { root, shoppers, events, seed }) {
  const started = Date.now();
  const api = await startApi(root, seeded(seed * 7919));
  const sent = []; // { tag, nav }
  const next = new Map(); // page load → the page load that replaced it in its tab
  const errors = [];
  let navigations = 0;
  let offlineSpells = 0;
  const tabs = [];

  const contexts = [];
  for (let s = 1; s <= shoppers; s++) {
    const context = await browser.newContext();
    await context.addInitScript(recordOutcomes);
    contexts.push(context);
    const shopper = { context, online: Promise.resolve(), navigating: 0 };
    for (let t = 1; t <= 2; t++) tabs.push({ shopper, s, t, page: await context.newPage(), n: 0, random: seeded(seed * 1000 + s * 10 + t) });
  }
  // A navigation and an offline spell of the same shopper never overlap: a store page that loaded offline has no
  // tracker, which would measure the harness, not the tracker.
  const navigate = async (tab) => {
    await tab.shopper.online;
    tab.shopper.navigating++;
    try {
      const from = tab.nav;
      tab.nav = `s${tab.s}-t${tab.t}-n${++tab.n}`;
      if (from) next.set(from, tab.nav);
      navigations++;
      await tab.page.goto(`${api.origin}/shop?nav=${tab.nav}`, { waitUntil: 'load', timeout: 60_000 });
      if (!(await tab.page.evaluate(() => Boolean(window.datacue)))) throw new Error(`${tab.nav}: the tracker did not load`);
    } finally {
      tab.shopper.navigating--;
    }
  };
  const offlineSpell = async (shopper, ms) => {
    let back;
    shopper.online = new Promise((done) => (back = done));
    while (shopper.navigating) await sleep(20);
    await shopper.context.setOffline(true);
    await sleep(ms);
    await shopper.context.setOffline(false);
    back();
  };
  const track = async (tab, tag, event, defer) => {
    // Not awaited in the page: a store calls track() and goes on.
    await tab.page.evaluate(([e, d]) => void window.datacue.track(e, d), [{ ...event, product_id: tag }, defer]);
    sent.push({ tag, nav: tab.nav });
  };

  const shop = async (tab) => {
    const { random: rnd } = tab;
    // A first page that does not load (a very busy machine) is tried once more; the tab's events then go on.
    await navigate(tab).catch((err) => {
      errors.push(`${tab.nav}: ${err.message.split('\n')[0]}`);
      return navigate(tab);
    });
    for (let e = 1; e <= events; e++) {
      try {
        if (rnd() < 0.3) {
          // A product click recorded for the next page, then the navigation it causes.
          await track(tab, `s${tab.s}-t${tab.t}-c${e}`, { type: 'click', subtype: 'related' }, true);
          await navigate(tab);
        } else {
          await track(tab, `s${tab.s}-t${tab.t}-w${e}`, { type: 'wishlist', subtype: 'add' }, false);
          await sleep(rnd() * 400);
          if (rnd() < 0.25) await navigate(tab); // often while the request is held or retrying
        }
        if (tab.t === 1 && rnd() < 0.08) {
          // An offline spell for the whole shopper (both tabs), during which neither tab navigates.
          offlineSpells++;
          await offlineSpell(tab.shopper, 1000 + rnd() * 1000);
        }
      } catch (err) {
        errors.push(`${tab.nav}: ${err.message.split('\n')[0]}`);
      }
    }
  };
  await Promise.all(tabs.map(shop));

  // Settle: no more faults; reload every tab every 4 s until two reload rounds in a row bring nothing new, after at
  // least 20 s (the longest backoff a failing event reaches here), at most 60 s.
  api.faults = false;
  const settleFrom = Date.now();
  let quiet = 0;
  while (Date.now() - settleFrom < 60_000) {
    const before = api.lastAccepted;
    await Promise.all(tabs.map((tab) => navigate(tab).catch((err) => errors.push(`${tab.nav}: ${err.message.split('\n')[0]}`))));
    await sleep(4000);
    quiet = api.lastAccepted === before ? quiet + 1 : 0;
    if (quiet >= 2 && Date.now() - settleFrom >= 20_000) break;
  }
  // What is still waiting in storage: deferred events (localStorage keys datacue_d:*) and the outbox (IndexedDB
  // `datacue`, entries with a body; without one an entry is a tombstone). Read before the contexts close.
  const waiting = new Set();
  const seen = new Map(); // tag → outcomes its pages' scripts received, over every tab
  for (const tab of tabs) {
    const counts = await tab.page.evaluate(() => JSON.parse(sessionStorage.getItem('bench_seen') || '{}')).catch(() => ({}));
    for (const [tag, n] of Object.entries(counts)) seen.set(tag, (seen.get(tag) ?? 0) + n);
  }
  for (const context of contexts) {
    const page = context.pages()[0];
    const stored = await page
      .evaluate(async () => {
        const keys = Object.keys(localStorage).filter((k) => k.startsWith('datacue_d:')).map((k) => localStorage.getItem(k));
        const names = (await indexedDB.databases?.())?.map((d) => d.name) ?? [];
        if (!names.includes('datacue')) return keys.join();
        const db = await new Promise((done, fail) => {
          const open = indexedDB.open('datacue');
          open.onsuccess = () => done(open.result);
          open.onerror = () => fail(open.error);
        });
        const all = db.objectStoreNames.contains('outbox')
          ? await new Promise((done) => {
              const q = db.transaction('outbox').objectStore('outbox').getAll();
              q.onsuccess = () => done(q.result);
              q.onerror = () => done([]);
            })
          : [];
        db.close();
        return [...keys, ...all.map((e) => e.body ?? '')].join();
      })
      .catch(() => null);
    for (const tag of stored?.match(/s\d+-t\d+-[wc]\d+/g) ?? []) waiting.add(tag);
  }
  const closedAt = Date.now();
  for (const context of contexts) await context.close();
  await api.close();
  // A page goes away when the next page of its tab arrives (the server's answer to that navigation), or when closed.
  const leftAt = (nav) => (next.has(nav) ? api.served.get(next.get(nav)) : closedAt);

  // Counting, per event.
  const byTag = new Map(sent.map(({ tag }) => [tag, []]));
  for (const entry of api.log) byTag.get(entry.tag)?.push(entry);
  const lost = { inFlightAtUnload: 0, waitingAtEnd: 0, other: 0 };
  const lostTags = [];
  let delivered = 0;
  let duplicated = 0;
  let repeatsAbsorbed = 0;
  for (const [tag, entries] of byTag) {
    const accepted = entries.filter((x) => x.accepted);
    const identities = new Set(accepted.map((x) => x.identity));
    if (accepted.length) {
      delivered++;
      duplicated += identities.size - 1;
      repeatsAbsorbed += accepted.length - identities.size;
      continue;
    }
    // Lost: was its last request still unanswered when the page that sent it went away? The page goes away once the
    // next page has arrived, after the server served it: an answer sent in the same millisecond cannot have reached it.
    // Nor has one whose outcome the pages' scripts never received (fewer outcomes seen than requests made).
    const last = entries.at(-1);
    const gone = last && leftAt(last.nav);
    const unseen = (seen.get(tag) ?? 0) < entries.length;
    const cause = gone !== undefined && (last.answeredAt === undefined || last.answeredAt >= gone || unseen) ? 'inFlightAtUnload' : waiting.has(tag) ? 'waitingAtEnd' : 'other';
    lost[cause]++;
    lostTags.push({ tag, cause, attempts: entries.map((x) => x.outcome ?? 'unanswered'), outcomesSeenByPage: seen.get(tag) ?? 0 });
  }
  return {
    seed, shoppers, tabs: tabs.length, eventsPerTab: events,
    sent: sent.length, delivered, lost, duplicated, repeatsAbsorbed,
    requests: api.counts.requests, faults: Object.fromEntries(Object.keys(FAULTS).map((k) => [k, api.counts[k]])), offlineSpells, navigations,
    seconds: Math.round((Date.now() - started) / 1000),
    lostTags: lostTags.slice(0, 20),
    errors: errors.slice(0, 10),
  };
}

/** Every round, and their sums. */
export async function runDelivery(browser, { root, env = process.env } = {}) {
  const shoppers = Number(env.BENCH_SHOPPERS ?? 4);
  const events = Number(env.BENCH_EVENTS ?? 12);
  const rounds = Number(env.BENCH_DELIVERY_ROUNDS ?? 2);
  const seed = Number(env.BENCH_SEED ?? 1);
  const results = [];
  for (let r = 0; r < rounds; r++) {
    process.stdout.write(`delivery round ${r + 1}/${rounds}   \r`);
    results.push(await round(browser, { root, shoppers, events, seed: seed + r }));
  }
  const sum = (f) => results.reduce((n, x) => n + f(x), 0);
  return {
    faults: FAULTS, holdMs: HOLD_MS,
    rounds: results,
    total: {
      sent: sum((x) => x.sent), delivered: sum((x) => x.delivered), duplicated: sum((x) => x.duplicated), repeatsAbsorbed: sum((x) => x.repeatsAbsorbed),
      lost: { inFlightAtUnload: sum((x) => x.lost.inFlightAtUnload), waitingAtEnd: sum((x) => x.lost.waitingAtEnd), other: sum((x) => x.lost.other) },
    },
  };
}
