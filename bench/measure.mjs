// One measurement of one library in a fresh browser context. Pages come from a local HTTP server on 127.0.0.1;
// every third-party host is answered locally, so nothing leaves the machine.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { answer } from './peers.mjs';

const HERE = import.meta.dirname;
const file = (path) => resolve(HERE, path);

/** A page laid out like a store's: header, hero, the widget's place, then the rest of the page. */
const storePage = (head, container = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Store</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{margin:0;font-family:sans-serif}header{height:64px;background:#234}.hero{height:320px;background:#ddd}main{max-width:1200px;margin:auto;padding:16px}</style>
${head}</head><body><header></header><div class="hero"></div><main>${container}<section style="height:1200px">Store content</section></main></body></html>`;

/** The local server: /page, the contender's scripts, its first-party collector and product images. */
export async function startServer() {
  let current = { html: '', scripts: {}, response: () => undefined };
  const loaded = new Set();
  const server = createServer((req, res) => {
    const url = `http://${req.headers.host}${req.url}`;
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (req.url === '/page') return send(res, 200, 'text/html', current.html);
      const script = current.scripts[req.url];
      if (script) {
        loaded.add(file(script));
        return send(res, 200, 'text/javascript', readFileSync(file(script)));
      }
      if (req.url.startsWith('/img/')) return send(res, 200, 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="300"><rect width="300" height="300" fill="#c9b"/></svg>');
      const reply = current.response(url);
      if (reply) return send(res, 200, 'application/json', JSON.stringify(reply));
      send(res, 204, 'text/plain', '');
    });
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    loaded,
    set(page) {
      current = page;
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
async function routeThirdParties(context, lib, server, respond) {
  await context.route(/^https:\/\//, async (route) => {
    const url = route.request().url();
    const script = lib.scripts[url];
    const chunk = lib.chunks && url.startsWith(lib.chunks.prefix) && lib.chunks.dir + url.slice(lib.chunks.prefix.length).split('?')[0];
    if (script || chunk) {
      server.loaded.add(file(script || chunk));
      return route.fulfill({ contentType: 'text/javascript', body: readFileSync(file(script || chunk)) });
    }
    const body = respond(url) ?? answer(url);
    return route.fulfill({ status: 200, contentType: 'application/json', headers: { 'access-control-allow-origin': '*' }, body: JSON.stringify(body) });
  });
}

/** Main-thread time (script + tasks, CDP Performance metrics) to load the page and send one page event, 4x CPU. */
export async function loadCost(browser, server, lib) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Performance.enable');
  await routeThirdParties(context, lib ?? { scripts: {} }, server, () => undefined);
  server.set({ html: storePage(lib?.head ?? ''), scripts: lib?.scripts ?? {}, response: () => undefined });
  const sent = lib ? page.waitForRequest((r) => lib.sent(r.url()), { timeout: 20_000 }) : Promise.resolve();
  await page.goto(`${server.origin}/page`, { waitUntil: 'load' });
  await sent;
  // Let the work that follows the request (its answer, timers the library set) settle, the same for everyone.
  await page.waitForTimeout(300);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name) => metrics.find((m) => m.name === name)?.value ?? 0;
  const result = { taskMs: metric('TaskDuration') * 1000, scriptMs: metric('ScriptDuration') * 1000, files: [...server.loaded] };
  await context.close();
  return result;
}

/** Synchronous cost of 1,000 track() calls on a loaded page (no throttling). */
export async function trackCost(browser, server, lib) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await routeThirdParties(context, lib, server, () => undefined);
  server.set({ html: storePage(lib.head), scripts: lib.scripts, response: () => undefined });
  const sent = page.waitForRequest((r) => lib.sent(r.url()), { timeout: 20_000 });
  await page.goto(`${server.origin}/page`, { waitUntil: 'load' });
  await sent;
  const ms = await page.evaluate(`(() => { const track = ${lib.track.toString()}; const t = performance.now(); for (let i = 0; i < 1000; i++) track(); return performance.now() - t; })()`);
  await context.close();
  return ms;
}

/** Time from the recommendations response to 16 cards painted, and the layout shift while the widgets load. */
export async function widgetCost(browser, server, lib) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // Watches from the first byte: layout shifts, and the frame after the 16th card enters the DOM.
  await page.addInitScript((card) => {
    const w = window;
    w.__cls = 0;
    new PerformanceObserver((l) => l.getEntries().forEach((e) => { if (!e.hadRecentInput) w.__cls += e.value; })).observe({ type: 'layout-shift', buffered: true });
    new MutationObserver((_, o) => {
      if (document.querySelectorAll(card).length < 16) return;
      o.disconnect();
      requestAnimationFrame(() => setTimeout(() => (w.__painted = performance.now())));
    }).observe(document, { childList: true, subtree: true });
  }, lib.card);
  await routeThirdParties(context, lib, server, lib.response);
  server.set({ html: storePage(lib.head, lib.container), scripts: lib.scripts, response: lib.response });
  await page.goto(`${server.origin}/page`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__painted, null, { timeout: 20_000 });
  await page.waitForTimeout(300); // shifts that follow the render count too
  const result = await page.evaluate(() => {
    const painted = window.__painted;
    // The answer that carried the recommendations: the last JSON response that ended before the cards appeared.
    const answers = performance.getEntriesByType('resource').filter((e) => /collect|recommendations/.test(e.name) && e.responseEnd <= painted);
    return { renderMs: painted - Math.max(...answers.map((e) => e.responseEnd)), paintedMs: painted, cls: window.__cls };
  });
  result.files = [...server.loaded];
  await context.close();
  return result;
}
