import { randomId } from './random-id.js';
import type {
  Datacue,
  DatacueConfig,
  DatacueEvent,
  Options,
  PageConfig,
  PageRecommendations,
  PageType,
  Profile,
  RecommendationsListener,
  RecommendationsResponse,
} from './types.js';
import { expected, oops, safely, say, warn } from './log.js';
import { isObject, normalize } from './normalize.js';
import { pageEvents } from './page-events.js';
import { eventsUrl, readAuthorization, readOptions, readUserId } from './settings.js';
import { envelope } from './envelope.js';
import { isRetryable } from './retry.js';
import type { Entry, Outbox } from './outbox.js';
import { DB_NAME, HINT } from './store.js';
import { loadOutbox } from './load-outbox.js';
import { defer, DEFERRED, entryId } from './deferred.js';
import { keys, read, remove } from './storage.js';
import { anonymousId, forgetAnonymousId, ID_KEY } from './identity.js';
import { createConsent } from './consent.js';
import { attempt } from './attempt.js';
import { post, type Reply } from './transport.js';
import { afterPaint } from './schedule.js';
import { DatacueError, serverMessage } from './error.js';

type Response = RecommendationsResponse | null;

export interface Tracker {
  api: Datacue;
  /**
   * Reads a config (a throwing getter or Proxy is reported, never thrown) and applies the api_key, options and
   * user_id it names; returns the plain copy, or undefined when it is unusable (or, `optional`, absent).
   */
  configure(source: () => unknown, optional?: boolean): DatacueConfig | undefined;
  /** Sends the page event(s) of a config; subscribers get the response. */
  sendPage(config: DatacueConfig): Promise<Response>;
  /** Sends what earlier pages left waiting (deferred events, failed deliveries), once consent allows. */
  flush(): Promise<unknown>;
}

/** Runs an API call so that nothing but a DatacueError (the documented rejection) escapes into the page. */
const guarded = <T>(fn: () => Promise<T>): Promise<T | null> =>
  fn().catch((e) => {
    if (e instanceof DatacueError) throw e;
    oops(e);
    return null;
  });

/** False under Node (server-side rendering, tests): there is no page to track. */
export const inBrowser = 'window' in globalThis;

export function createTracker(): Tracker {
  // The api key's Authorization header: undefined until a config gives a key it can be sent with.
  let auth: string | undefined;
  let keyReported = false;
  let options: Options = {};
  let userId: string | undefined;
  let profile: Profile | undefined;
  let anonId: string | undefined;
  // Deferred events carry the id of the page load (or single-page route) that deferred them; it never sends them.
  let pageId = randomId();
  let routed = false;
  let latest: PageRecommendations | undefined;
  // The newest page event's answer: only it is drawn (a slower answer of an earlier route is dropped).
  let newest: unknown;
  const listeners = new Set<RecommendationsListener>();
  // How each track() promise whose event is still being delivered by this tab settles: with the answer, or rejected.
  const waiting = new Map<string, (r: Response | DatacueError) => void>();
  let box: Promise<Outbox> | undefined;
  // Every storage access below is guarded (attempt), so this also runs quietly under Node.
  const consent = createConsent(warn, () => {
    // The outbox too: every tab's connection closes on the database's deletion (versionchange, store.ts), and this
    // tab starts a new one after.
    anonId = box = undefined;
    forgetAnonymousId();
    keys(DEFERRED).concat(HINT, ID_KEY).forEach(remove);
    attempt(() => indexedDB.deleteDatabase(DB_NAME));
    // Nothing personalised stays on screen either: the widgets draw the static banner alone, and answers still on
    // their way settle now with none.
    if (latest) publish({ ...latest, response: null });
    // (A promise settles once: the answer, when it comes, changes nothing.)
    waiting.forEach((resolve) => resolve(null));
  });

  const settle = (id: string, result: Response | DatacueError) => {
    waiting.get(id)?.(result);
    waiting.delete(id);
  };

  /** The one place an event goes on the wire. */
  async function send(e: Entry): Promise<Reply | undefined> {
    if (options.debug) say('log', 'event', e.body);
    // Endpoint and key are the current page's: a store sends every page to the same place.
    const reply = await post(eventsUrl(options), auth!, e.body!);
    if (options.debug) say('log', 'response', reply.status, reply.data);
    if (isRetryable(reply.status)) return reply;
    if (reply.status < 300) settle(e.id, isObject(reply.data) ? reply.data : null);
    else {
      const message = serverMessage(reply.data, reply.status);
      say('error', `the events API refused (${reply.status}): ${message}`);
      settle(e.id, new DatacueError(reply.status, message));
    }
    return undefined;
  }

  // This tab as the outbox's owner: its first page id, already unique to this page load (a random id costs ~1 ms at 4x).
  const me = pageId;
  // Out of this tab's hands: delivered by another, or kept in storage for a later page load or `online`.
  const gave = (id: string, why?: Reply) =>
    settle(id, why ? new DatacueError(why.status, `${serverMessage(why.data, why.status)}; kept for later`) : null);
  /** The outbox, loaded the first time an event waits (most pages never load it). */
  const outbox = () => {
    const mine: Promise<Outbox> = (box ||= loadOutbox().then(
      // A denial or forget() lets this outbox go (a new one serves a later grant), also while it loads: what it still
      // holds in memory (no IndexedDB) was dropped with it, and is never sent.
      (start) => start({ me, send: async (e) => (box == mine ? send(e) : undefined), gave, page: () => pageId }),
      (e) => {
        box = undefined;
        throw e;
      },
    ));
    return mine;
  };

  /** The first attempt goes straight out; only a retryable failure loads the outbox (`failed` is told of one). */
  async function first(e: Entry, id: string, failed: () => void) {
    const reply = await send(e);
    // Kept only while the visitor `id` it carries is still the visitor's (anonId == id), checked again when it is stored
    // (the outbox may have to load first): consent withdrawn or forget() erases it, and the next event may already
    // carry a new one.
    if (reply && anonId == id) {
      // Kept at once, as a deferred event any later page load sends (page ''), with the wait the server asked for: the
      // page may go away before the outbox has loaded and stored it (which then drops this copy), or the outbox may be
      // unreachable (offline?). An answer is kept before anything else runs; a network failure after a task, so that
      // one reported as the page goes away (the browser cancelling a request in flight, which it may still deliver)
      // never writes it.
      e.retryAfter = reply.retryAfter;
      if (reply.status) defer(e);
      else setTimeout(defer, 0, e);
      failed();
      await outbox().then<unknown, void>((o) => anonId == id && o.failed(e, reply), () => gave(e.id, reply));
    }
  }

  /** track(); `now` sends at once (the page's own event on load, which the widgets wait for). */
  function emit(event: DatacueEvent, later?: boolean, now?: boolean): Promise<Response> {
    return guarded(async () => {
      // Cart and checkout events without a line-item array would only be refused by the API.
      const bad =
        !isObject(event) || typeof event['type'] !== 'string'
          ? expected('event', 'an object with a type', event, 'not sent')
          : 'cart' in event && !Array.isArray(event['cart']) && expected('cart', 'an array of line items', event['cart'], 'not sent');
      if (bad) {
        warn(bad);
        return null;
      }
      if (!auth) {
        // Said once per page, in the same words as a bad key in the config.
        keyReported ||= !readAuthorization(auth, warn);
        return null;
      }
      if (!inBrowser) return null;
      const at = Date.now();
      const data = normalize(event, warn) as DatacueEvent;
      const user = { user_id: userId, profile };
      // The page a page event stands for: pageviews and searches, also when sent through track().
      const page_type: PageType | undefined = data.type == 'pageview' ? data.subtype : data.type == 'search' ? data.type : undefined;
      // A page event's answer (null when it failed or consent is denied) is what the widgets render. A failure is told
      // at once, also while the event waits for a retry: the widgets give back the space they held instead of keeping
      // it through every attempt (seconds); an answer a retry gets is published then.
      const show = (page: PageRecommendations) => newest == response && publish(page);
      const failed = () => page_type && show({ page_type, response: null, failed: true });
      // Held back by consent; the id is read (and its cookie written) only once it is granted. A page event goes
      // first on a grant: its answer is what the widgets render.
      const response = consent.wait(
        async () => {
          const id = (anonId ||= anonymousId());
          // The envelope is built when the event leaves: a click handler that tracks does no more before its frame.
          const entry = (page: string): Entry => ({ id: entryId(at), at, body: JSON.stringify(envelope(data, { anonymous_id: id, ...user }, at)), page });
          if (later) {
            defer(entry(pageId));
            return null;
          }
          return new Promise<Response>((resolve, reject) => {
            // Consent withdrawn, or the visitor forgotten, before the frame: not sent (it carries the forgotten id).
            // Nothing guards it after the paint: what JSON cannot write (a profile with a cycle) rejects this call only.
            const go = () => {
              try {
                const e = entry('');
                waiting.set(e.id, (r) => (r instanceof DatacueError ? reject(r) : resolve(r)));
                if (consent.state == 'granted' && anonId == id) void first(e, id, failed);
                else settle(e.id, null);
              } catch (x) {
                reject(x);
              }
            };
            if (now) go();
            else afterPaint(go);
          });
        },
        JSON.stringify(data).length,
        page_type,
      );
      if (page_type && !later) void (newest = response).then((r) => show({ page_type, response: r }), failed);
      return response;
    });
  }

  // What earlier pages left waits for consent like this page's events: even reading it opens storage.
  const flush = () =>
    guarded(
      () =>
        consent.wait(async () => {
          // Only when an event waits: the outbox's hint, or deferred events.
          if (inBrowser && auth && (read(HINT) || keys(DEFERRED).length)) await (await outbox()).flush();
        }),
    );

  function publish(page: PageRecommendations) {
    latest = page;
    listeners.forEach(notify);
  }

  /** Hands a listener the latest page's recommendations (set before any call: by publish, or as onRecommendations checks). */
  const notify = (listener: RecommendationsListener) => safely(() => listener(latest!));

  function configure(source: () => unknown, optional?: boolean): DatacueConfig | undefined {
    let config: unknown;
    try {
      config = source();
      if (optional && config === undefined) return undefined;
      // A plain copy: every getter (or Proxy trap) runs once, here, where a throw is caught and reported.
      if (isObject(config)) config = JSON.parse(JSON.stringify(config));
    } catch (e) {
      config = String(e);
    }
    if (!isObject(config)) {
      warn(expected('window.datacueConfig', 'an object', config, 'nothing sent'));
      return undefined;
    }
    // What a config leaves out stays as the first config set it (single-page routes name only the page).
    // A config without api_key keeps the key already set; with none set yet, its absence is reported here.
    if ('api_key' in config || !auth) keyReported = !(auth = readAuthorization(config['api_key'], warn));
    // Absent options (readOptions reads them as none, quietly) leave those already set as they are.
    options = { ...options, ...readOptions(config['options'], warn) };
    // A config without options.consent keeps a state already decided (single-page routes, a queued consent()).
    consent.configure((config['options'] as Options | undefined)?.consent, (globalThis.navigator as { globalPrivacyControl?: unknown } | undefined)?.globalPrivacyControl);
    if ('user_id' in config) {
      const before = userId;
      userId = readUserId(config['user_id'], warn);
      if (userId != before) profile = undefined;
    }
    return config as DatacueConfig;
  }

  async function sendPage(config: DatacueConfig): Promise<Response> {
    if (routed) pageId = randomId();
    const [first] = pageEvents(config, warn).map((e) => emit(e, false, !routed).catch(() => null));
    routed = true;
    void flush();
    return (await first) ?? null;
  }

  const api: Datacue = {
    init: (key, opts) =>
      safely(() => {
        configure(() => ({ api_key: key, options: opts }));
        // Pages without a datacueConfig start here: send what earlier pages left waiting.
        void flush();
      }),
    identify: (id, p) =>
      safely(() => {
        userId = readUserId(id, warn);
        profile = isObject(p) ? p : undefined;
        if (!profile && p !== undefined) warn(expected('profile', 'an object', p, 'ignored'));
      }),
    // A third argument (`now`, for the page's own event) only sends before the next paint instead of after it.
    track: emit,
    page: (config: PageConfig) =>
      guarded(async () => {
        const c = configure(() => config);
        return c ? sendPage(c) : null;
      }),
    consent: (state) => safely(() => consent.set(state)),
    forget: () => safely(consent.forget),
    // A listener that is not a function is reported (by `notify`) when it is called, like one that throws.
    onRecommendations(listener) {
      listeners.add(listener);
      if (latest) notify(listener);
      return () => listeners.delete(listener);
    },
  };
  return { api, configure, sendPage, flush };
}
