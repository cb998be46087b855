// One measurement of one contender in a fresh browser context. Pages come from a local HTTP server on 127.0.0.1;
// every third-party host is answered locally, so nothing leaves the machine.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { answer, owner } from './peers.mjs';
import { attributedMs } from './attribute.mjs';
import { median } from './stats.mjs';
import { testPng } from './image.mjs';

const HERE = import.meta.dirname;
const file = (path) => resolve(HERE, path);
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** The viewports and CPU of the widget and banner scenarios; the key is the suffix of their figures (cls, clsPhone...). */
export const SCENARIOS = {
  '': { viewport: { width: 1280, height: 900 }, cpu: 1, delayMs: 0 },
  Phone: { viewport: { width: 390, height: 844 }, cpu: 1, delayMs: 0, mobile: true },
  Cpu4: { viewport: { width: 1280, height: 900 }, cpu: 4, delayMs: 0 },
  PhoneCpu4: { viewport: { width: 390, height: 844 }, cpu: 4, delayMs: 0, mobile: true },
  Slow: { viewport: { width: 1280, height: 900 }, cpu: 1, delayMs: 800 },
};

const BUTTON = 'dc-bench-button';

/**
 * A page laid out like a store's: header, hero, the widget's place, then the rest of the page. With `track`, a fixed
 * button whose click handler calls it (the click benchmark).
 */
const storePage = (head, container = '', { hero = true, track } = {}) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Store</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{margin:0;font-family:sans-serif}header{height:64px;background:#234}.hero{height:320px;background:#ddd}main{max-width:1200px;margin:auto;padding:16px}#${BUTTON}{position:fixed;left:24px;top:80px;width:180px;height:48px}</style>
${head}</head><body><header></header>${hero ? '<div class="hero"></div>' : ''}<main>${container}<section style="height:1200px">Store content</section></main>
${track ? `<button id="${BUTTON}" type="button">Add to wishlist</button><script>(function () { var track = ${track.toString()}; document.getElementById('${BUTTON}').addEventListener('click', function () { track(); }); })();</script>` : ''}
</body></html>`;

/**
 * Product photos: 300x300 PNGs of about 6 KB; banners: 1200x720 PNGs of about 160 KB; made once. Raster images, as
 * stores' photos are: Chromium parses an SVG image as a document on the page's main thread, which would charge a
 * library that asks for its images early with work no store photo causes.
 */
const PRODUCT_PNG = testPng(300, 300, 3, false);
const BANNER_PNGS = { '/img/banner-static.png': testPng(1200, 720, 1), '/img/banner-b1.png': testPng(1200, 720, 2) };

/**
 * Resolves when the page logs `text`: pages tell the benchmark they have painted by a console message rather than being
 * polled from Playwright, whose first evaluation in a page injects its own script (about 16 ms at 1x CPU) into the
 * page's main thread, in the middle of whichever library renders later. A failure before it is awaited is not an
 * unhandled rejection.
 */
function told(page, text) {
  const message = page.waitForEvent('console', { predicate: (m) => m.text() === text, timeout: 30_000 });
  message.catch(() => {});
  return message;
}

/** The local server: /page, the contender's scripts, its first-party collector (answered after `delayMs`), images. */
export async function startServer() {
  let current = { html: '', scripts: {}, response: () => undefined, delayMs: 0 };
  const loaded = new Set();
  const server = createServer((req, res) => {
    const url = `http://${req.headers.host}${req.url}`;
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', async () => {
      if (req.url === '/page') return send(res, 200, 'text/html', current.html);
      const script = current.scripts[req.url];
      if (script) {
        loaded.add(file(script));
        return send(res, 200, 'text/javascript', readFileSync(file(script)));
      }
      if (BANNER_PNGS[req.url]) return send(res, 200, 'image/png', BANNER_PNGS[req.url]);
      if (req.url.startsWith('/img/')) return send(res, 200, 'image/png', PRODUCT_PNG);
      const reply = current.response(url);
      if (reply) {
        if (current.delayMs) await sleep(current.delayMs);
        return send(res, 200, 'application/json', JSON.stringify(reply));
      }
      send(res, 204, 'text/plain', '');
    });
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    loaded,
    set(page) {
      current = { delayMs: 0, response: () => undefined, ...page };
      loaded.clear();
    },
    close: () => new Promise((done) => { server.closeAllConnections(); server.close(done); }),
  };
}

function send(res, status, type, body) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

/** Answers third-party hosts: the contender's scripts and chunks from local files, its APIs with `respond`. */
async function routeThirdParties(context, lib, server, respond, delayMs = 0) {
  await context.route(/^https:\/\//, async (route) => {
    const url = route.request().url();
    const script = lib.scripts[url];
    const chunk = lib.chunks && url.startsWith(lib.chunks.prefix) && lib.chunks.dir + url.slice(lib.chunks.prefix.length).split('?')[0];
    if (script || chunk) {
      server.loaded.add(file(script || chunk));
      return route.fulfill({ contentType: 'text/javascript', body: readFileSync(file(script || chunk)) });
    }
    const own = respond(url);
    if (own && delayMs) await sleep(delayMs);
    return route.fulfill({ status: 200, contentType: 'application/json', headers: { 'access-control-allow-origin': '*' }, body: JSON.stringify(own ?? answer(url)) });
  });
}

/** Watches every click from the first byte: click → next paint, the handlers' time, and Event Timing entries. */
function watchClicks() {
  const w = window;
  w.__clicks = [];
  w.__eventTiming = [];
  addEventListener('click', (e) => {
    const click = { start: e.timeStamp, handlersFrom: performance.now() };
    w.__clicks.push(click);
    // The frame after the handlers: a message posted from requestAnimationFrame runs once that frame is painted.
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (click.paintMs = performance.now() - click.start);
      channel.port2.postMessage(0);
    });
  }, true);
  // Bubbling on window runs after the button's own handler (and the microtasks it queued).
  addEventListener('click', () => { const c = w.__clicks.at(-1); c.handlersMs = performance.now() - c.handlersFrom; });
  new PerformanceObserver((list) => list.getEntries().forEach((e) => {
    if (e.name === 'click') w.__eventTiming.push({ start: e.startTime, duration: e.duration, interactionId: e.interactionId });
  })).observe({ type: 'event', durationThreshold: 16, buffered: true });
}

/** Samples the page's main thread (CDP Profiler, 100 µs); `stop` gives the time attributed to the library's scripts. */
async function profileMainThread(cdp, lib, server) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.send('Profiler.disable');
    const { ms, spanMs } = attributedMs(profile, owner(lib, server.origin));
    return { mainThreadMs: ms, profiledMs: spanMs };
  };
}

/**
 * One tracking contender, in one fresh context under 4x CPU:
 * - load: main-thread time attributed to the library's scripts (CDP Profiler, 100 µs sampling) from navigation until
 *   its page event is sent and 300 ms more have passed;
 * - click: `clicks` clicks on a button whose handler tracks one event; per click the time from the click to the
 *   next paint, the handlers' time and the Event Timing duration (reported at 16 ms and over, 8 ms steps);
 * - track: the synchronous time of 1,000 track() calls, at 1x CPU (scaled from fewer when they pass 3 s).
 */
export async function trackerCost(browser, server, lib, { load = true, click = true, track = true, clicks = 5 } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(watchClicks);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await routeThirdParties(context, lib, server, () => undefined);
    server.set({ html: storePage(lib.head, '', { track: click ? lib.track : undefined }), scripts: lib.scripts });
    const profiled = load && (await profileMainThread(cdp, lib, server));
    const sent = lib.sent ? page.waitForRequest((r) => lib.sent(r.url()), { timeout: 30_000 }) : Promise.resolve();
    await page.goto(`${server.origin}/page`, { waitUntil: 'load' });
    await sent;
    // Let the work that follows the request (its answer, timers the library set) settle, the same for everyone.
    await page.waitForTimeout(300);
    const result = { files: [...server.loaded] };
    if (profiled) Object.assign(result, await profiled());
    if (click) {
      for (let i = 0; i < clicks; i++) {
        await page.mouse.click(24 + 90, 80 + 24);
        await page.waitForFunction((n) => window.__clicks.length === n && window.__clicks.at(-1).paintMs !== undefined, i + 1, { timeout: 10_000 });
        await page.waitForTimeout(250); // the tracked request and its answer, away from the next click
      }
      await page.waitForTimeout(200); // Event Timing entries are delivered after the paint
      const { clicks: seen, entries } = await page.evaluate(() => ({ clicks: window.__clicks, entries: window.__eventTiming }));
      // An Event Timing entry exists only for clicks of 16 ms and more; a click without one counts as under 16 (8).
      const duration = (c) => entries.find((e) => Math.abs(e.start - c.start) < 1)?.duration ?? 8;
      Object.assign(result, {
        clickToPaintMs: median(seen.map((c) => c.paintMs)),
        clickHandlersMs: median(seen.map((c) => c.handlersMs)),
        clickEventTimingMs: median(seen.map(duration)),
      });
    }
    if (track && lib.track) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      // The 1,000 requests fail in the browser instead of each going through the route handler in Node, which made
      // the slowest libraries take minutes; the synchronous cost of a call does not depend on its answer.
      await cdp.send('Network.enable');
      await cdp.send('Network.setBlockedURLs', { urls: ['*'] });
      // A library slower than 3 s for the lot is stopped there and its time scaled to 1,000 calls (flagged). The
      // figure comes back as a console message: an evaluate's answer would wait for the work some libraries queue
      // after the calls (over a minute for one of them), which this figure does not measure.
      const reported = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('bench:'), timeout: 30_000 });
      await page.evaluate(`setTimeout(() => { const track = ${lib.track.toString()}; const t = performance.now(); let i = 0; while (i < 1000 && performance.now() - t < 3000) { track(); i++; } console.log('bench:' + JSON.stringify({ ms: performance.now() - t, calls: i })); })`);
      const { ms, calls } = JSON.parse((await reported).text().slice('bench:'.length));
      Object.assign(result, { track1000Ms: (ms * 1000) / calls, track1000Calls: calls });
    }
    return result;
  } finally {
    await context.close();
  }
}

/** A fresh context for one scenario: its viewport (phone: touch, 3x pixels) and CPU throttling. */
async function scenarioPage(browser, scenario) {
  const context = await browser.newContext({
    viewport: scenario.viewport,
    ...(scenario.mobile ? { deviceScaleFactor: 3, isMobile: true, hasTouch: true } : {}),
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (scenario.cpu !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: scenario.cpu });
  return { context, page, cdp };
}

/** Layout shifts from the first byte (shifts right after input excluded, as CLS does) and the largest paint. */
function watchVitals() {
  const w = window;
  w.__cls = 0;
  w.__lcp = 0;
  new PerformanceObserver((l) => l.getEntries().forEach((e) => { if (!e.hadRecentInput) w.__cls += e.value; })).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => (w.__lcp = e.startTime))).observe({ type: 'largest-contentful-paint', buffered: true });
}

/**
 * Widgets in one scenario, in two fresh contexts. The first load is timed without a profiler attached (sampling every
 * 100 µs slows a page down, and a library that runs more functions more): from the end of the response that carried
 * the recommendations, and from navigation, to the frame after the 16th card is in the DOM, and the layout shift while
 * they load. The second, profiled, load gives the main-thread time of the library's own scripts (ours: datacue.js
 * and datacue-storefront.js) from navigation to 300 ms after that frame.
 */
export async function widgetCost(browser, server, lib, scenario) {
  const timed = await widgetLoad(browser, server, lib, scenario, false);
  const { mainThreadMs } = await widgetLoad(browser, server, lib, scenario, true);
  return { ...timed, mainThreadMs };
}

async function widgetLoad(browser, server, lib, scenario, profile) {
  const { context, page, cdp } = await scenarioPage(browser, scenario);
  try {
    await page.addInitScript(watchVitals);
    await page.addInitScript((card) => {
      new MutationObserver((_, o) => {
        if (document.querySelectorAll(card).length < 16) return;
        o.disconnect();
        requestAnimationFrame(() => setTimeout(() => {
          window.__painted = performance.now();
          console.log('bench:painted');
        }));
      }).observe(document, { childList: true, subtree: true });
    }, lib.card);
    const painted = told(page, 'bench:painted');
    await routeThirdParties(context, lib, server, lib.response, scenario.delayMs);
    server.set({ html: storePage(lib.head, lib.container), scripts: lib.scripts, response: lib.response, delayMs: scenario.delayMs });
    const profiled = profile && (await profileMainThread(cdp, lib, server));
    await page.goto(`${server.origin}/page`, { waitUntil: 'load' });
    await painted;
    await page.waitForTimeout(300); // shifts that follow the render count too
    if (profiled) return await profiled();
    const result = await page.evaluate(() => {
      const painted = window.__painted;
      // The answer that carried the recommendations: the last JSON response that ended before the cards appeared.
      const answers = performance.getEntriesByType('resource').filter((e) => /collect|recommendations/.test(e.name) && e.responseEnd <= painted);
      return { renderMs: painted - Math.max(...answers.map((e) => e.responseEnd)), paintedMs: painted, cls: window.__cls };
    });
    result.files = [...server.loaded];
    return result;
  } finally {
    await context.close();
  }
}

/** A banner page in one scenario: its largest contentful paint once the banners are in, and its layout shift. */
export async function bannerCost(browser, server, lib, scenario) {
  const { context, page } = await scenarioPage(browser, scenario);
  try {
    await page.addInitScript(watchVitals);
    // The main banner the answer names decoded and in the layout (checked each frame).
    await page.addInitScript(() => {
      const shown = () => [...document.images].some((i) => i.src.includes('/img/banner-b1') && i.complete && i.naturalWidth && i.getBoundingClientRect().height);
      const check = () => (shown() ? console.log('bench:banner') : requestAnimationFrame(check));
      requestAnimationFrame(check);
    });
    const shown = told(page, 'bench:banner');
    await routeThirdParties(context, lib, server, lib.response, scenario.delayMs);
    server.set({ html: storePage(lib.head, lib.container, { hero: false }), scripts: lib.scripts, response: lib.response, delayMs: scenario.delayMs });
    await page.goto(`${server.origin}/page`, { waitUntil: 'load' });
    await shown;
    await page.waitForTimeout(300); // a moment for the paint that shows it
    return await page.evaluate(() => ({ lcpMs: window.__lcp, cls: window.__cls }));
  } finally {
    await context.close();
  }
}
