// The demo store as one request handler: store pages, the SPA, the local events API, the QA view and static files.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseCart } from '../shared/cart.mjs';
import { API_KEY, CART_COOKIE, CONSENT_CHOICES, CONSENT_COOKIE, EVENTS_PATH, LOGIN_COOKIE, USER_COOKIE } from '../shared/settings.mjs';
import { createEventsApi } from './events-api.mjs';
import { cookie, localPath, parseCookies, readBody, readForm } from './http-util.mjs';
import { openJournal } from './journal.mjs';
import { openOrders } from './orders.mjs';
import * as pages from './pages.mjs';
import { createQaFeed } from './qa-feed.mjs';
import { createModel } from './recommend.mjs';
import { openSettings } from './settings-file.mjs';
import { spaShell } from './spa.mjs';
import { serveStatic } from './static.mjs';

const QA_PAGE = resolve(import.meta.dirname, '../public/qa.html');
const MAX_USER_ID = 100;

/** Pages by method and path; each handler gets the request context and the path's captured parts. */
function routes({ orders, feed, settings, bannerFromEnv }) {
  return [
    ['GET', /^\/$/, pages.home],
    ['GET', /^\/category\/([\w-]+)$/, pages.category],
    ['GET', /^\/product\/([\w-]+)$/, pages.product],
    ['GET', /^\/search$/, pages.searchResults],
    ['GET', /^\/cart$/, pages.cart],
    ['GET', /^\/checkout$/, (ctx) => pages.checkout(ctx)],
    ['POST', /^\/checkout$/, (ctx) => placeOrder(ctx, orders)],
    ['GET', /^\/order\/([\w-]+)$/, (ctx, id) => pages.confirmation(ctx, orders.get(id))],
    ['GET', /^\/login$/, (ctx) => pages.login(ctx)],
    ['POST', /^\/login$/, logIn],
    ['POST', /^\/logout$/, () => ({ status: 303, location: '/', cookies: [cookie(USER_COOKIE, null), cookie(LOGIN_COOKIE, null)] })],
    ['GET', /^\/spa(\/.*)?$/, (ctx) => pages.taggedReply(ctx, { status: 200, html: spaShell(ctx) })],
    ['GET', /^\/qa$/, async () => ({ status: 200, html: await readFile(QA_PAGE, 'utf8') })],
    ['GET', /^\/qa\/settings$/, () => ({ status: 200, json: settingsView(settings, bannerFromEnv) })],
    ['POST', /^\/qa\/settings$/, (ctx) => saveSettings(ctx, settings, bannerFromEnv)],
    ['GET', /^\/qa\/stream$/, (ctx) => feed.stream(ctx.req, ctx.res)],
    ['GET', /^\/qa\/records\/(\d+)$/, (ctx, seq) => {
      const record = feed.find(Number(seq));
      return record ? { status: 200, json: record } : { status: 404, json: { error: 'no such record (the QA view keeps the latest)' } };
    }],
  ];
}

async function logIn(ctx) {
  const form = await readForm(ctx.req);
  const userId = (form.user_id ?? '').trim();
  if (!userId || userId.length > MAX_USER_ID) return pages.login(ctx, { error: `Enter a user id of 1 to ${MAX_USER_ID} characters.` });
  // The log-in page carries no tracking script (a password is typed there): the next page with tags sends `login`.
  return {
    status: 303,
    location: localPath(form.next),
    cookies: [cookie(USER_COOKIE, userId, { httpOnly: true }), cookie(LOGIN_COOKIE, '1', { httpOnly: true, days: 1 })],
  };
}

/** What the QA view's dashboard panel shows: the saved settings, and whether the environment forces the banner on. */
const settingsView = (settings, bannerFromEnv) => ({ ...settings.get(), consent_banner_env: bannerFromEnv });

/** POST /qa/settings (JSON, the whole settings object): 400 naming each bad field, or 200 with what was saved. */
async function saveSettings(ctx, settings, bannerFromEnv) {
  // JSON only: another site's page cannot send that without the browser asking this server first (CORS preflight).
  if (!/^application\/json\b/.test(ctx.req.headers['content-type'] ?? '')) {
    ctx.req.resume();
    return { status: 415, json: { errors: [{ field: 'content-type', message: 'content-type: expected application/json' }] } };
  }
  let input;
  try {
    input = JSON.parse(await readBody(ctx.req));
  } catch (e) {
    if (e.status) throw e;
    return { status: 400, json: { errors: [{ field: 'settings', message: `settings: malformed JSON (${e.message})` }] } };
  }
  const saved = await settings.save(input);
  return saved.errors ? { status: 400, json: { errors: saved.errors } } : { status: 200, json: settingsView(settings, bannerFromEnv) };
}

async function placeOrder(ctx, orders) {
  const form = await readForm(ctx.req);
  const values = { email: (form.email ?? '').trim(), name: (form.name ?? '').trim(), address: (form.address ?? '').trim() };
  const errors = [
    !ctx.user && !/^[^\s@]+@[^\s@]+$/.test(values.email) && 'Enter the email address for your receipt.',
    !values.name && 'Enter your name.',
    !values.address && 'Enter the delivery address.',
  ].filter(Boolean);
  if (errors.length) return pages.checkout(ctx, { values, errors });
  if (!ctx.cart.length) return { status: 303, location: '/cart' };
  const order = orders.place({ cart: ctx.cart, userId: ctx.user, ...values });
  // The cart became the order: empty it.
  return { status: 303, location: `/order/${order.order_id}`, cookies: [cookie(CART_COOKIE, null)] };
}

function send(res, reply) {
  const headers = { 'cache-control': 'no-store', ...(reply.cookies ? { 'set-cookie': reply.cookies } : {}) };
  if (reply.location) res.writeHead(reply.status, { ...headers, location: reply.location }).end();
  else if ('json' in reply) res.writeHead(reply.status, { ...headers, 'content-type': 'application/json' }).end(JSON.stringify(reply.json));
  else res.writeHead(reply.status, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(reply.html);
}

/**
 * Opens the data folder (events and orders journals, created when missing), replays what earlier runs recorded,
 * and returns the request handler and a `close` that ends the QA streams.
 */
export async function createApp({ dataDir, env = process.env }) {
  const model = createModel();
  const settings = await openSettings(join(dataDir, 'settings.json'));
  const bannerFromEnv = env.DEMO_CONSENT_BANNER === '1';
  const feed = createQaFeed();
  const events = openJournal(join(dataDir, 'events.jsonl'));
  await events.replay((record) => {
    if (record.status < 300 && record.request?.body) model.record(record.request.body);
    feed.add(record);
  });
  const orders = await openOrders(openJournal(join(dataDir, 'orders.jsonl')));
  const eventsApi = createEventsApi({
    apiKey: API_KEY,
    model,
    dashboard: () => settings.get().dashboard,
    answering: () => settings.get().api_answer,
    onRecord(record) {
      const numbered = feed.add(record);
      events.append(numbered);
      feed.broadcast(numbered);
    },
  });
  const table = routes({ orders, feed, settings, bannerFromEnv });

  async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === EVENTS_PATH) return eventsApi(req, res);
    if (req.method === 'GET' && (await serveStatic(url.pathname, res))) return;
    const cookies = parseCookies(req.headers.cookie);
    const ctx = {
      req,
      res,
      url,
      user: cookies[USER_COOKIE] || null,
      cart: parseCart(cookies[CART_COOKIE]),
      justLoggedIn: cookies[LOGIN_COOKIE] === '1',
      // With the cookie banner on, the runtime waits for the shopper's answer (DESIGN.md §9).
      consent: bannerFromEnv || settings.get().consent_banner
        ? { banner: true, choice: CONSENT_CHOICES.includes(cookies[CONSENT_COOKIE]) ? cookies[CONSENT_COOKIE] : null }
        : { banner: false, choice: null },
    };
    for (const [method, pattern, handler] of table) {
      const match = pattern.exec(url.pathname);
      if (!match || method !== req.method) continue;
      const reply = await handler(ctx, ...match.slice(1));
      if (reply) send(res, reply); // the QA stream answers by itself
      return;
    }
    send(res, req.method === 'GET' ? pages.notFound(ctx) : { status: 405, html: 'Method not allowed' });
  }

  return {
    async handle(req, res) {
      try {
        await handle(req, res);
      } catch (e) {
        if (res.headersSent) return res.destroy();
        const status = e.status ?? 500;
        res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(status === 500 ? 'Something went wrong' : e.message);
        if (status === 500) console.error(e);
      }
    },
    close: () => feed.close(),
  };
}
