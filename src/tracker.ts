import { nanoid } from 'nanoid';
import type {
  Datacue,
  DatacueConfig,
  DatacueEvent,
  Options,
  PageRecommendations,
  PageType,
  Profile,
  RecommendationsListener,
  RecommendationsResponse,
} from './types.js';
import { expected, safely, say, warn } from './log.js';
import { isObject, normalize } from './normalize.js';
import { pageEvents } from './page-events.js';
import { authorization, eventsUrl, readApiKey, readOptions, readUserId } from './settings.js';
import { envelope } from './envelope.js';
import { isRetryable, MAX_ATTEMPTS, MAX_DELAY_MS, retryAfterMs, retryDelay } from './retry.js';
import { cap, parse, take, type Pending } from './outbox.js';
import { read, remove, write } from './storage.js';
import { anonymousId, forgetAnonymousId } from './identity.js';
import { createConsent } from './consent.js';
import { withLock } from './lock.js';
import { post } from './transport.js';
import { DatacueError, serverMessage } from './error.js';

const OUTBOX_KEY = 'datacue_outbox';
const SETTLE_MS = 50;

export interface Tracker {
  api: Datacue;
  /** Applies api_key, options and user_id from a config object (each only when present). */
  configure(config: unknown): config is DatacueConfig;
  /** Sends the page event(s) of a config and hands the response to subscribers. */
  sendPage(config: DatacueConfig): Promise<RecommendationsResponse | null>;
  /** Sends what earlier pages left in storage (deferred clicks, failed deliveries), once consent allows. */
  flush(): Promise<unknown>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs an API call so that nothing but a DatacueError (the documented rejection) escapes into the page. */
async function guarded<T>(fn: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof DatacueError) throw e;
    say('warn', 'unexpected problem, ignored:', e);
    return fallback;
  }
}

export function createTracker(): Tracker {
  const inBrowser = typeof window !== 'undefined';
  let apiKey: string | undefined;
  let keyReported = false;
  let options: Options = {};
  let userId: string | undefined;
  let profile: Profile | undefined;
  let anonId: string | undefined;
  // Deferred events carry the id of the page load that deferred them; only another page load sends them.
  let pageId = nanoid();
  let routed = false;
  let latest: PageRecommendations | undefined;
  const listeners = new Set<RecommendationsListener>();
  // Bumped whenever stored data is erased: a retry in flight then gives up rather than store its event again.
  let epoch = 0;
  const consent = createConsent(warn, () => {
    if (!inBrowser) return;
    epoch++;
    anonId = undefined;
    forgetAnonymousId();
    remove(OUTBOX_KEY);
  });

  const save = (list: Pending[]) => write(OUTBOX_KEY, JSON.stringify(cap(list, Date.now())));
  // Synchronous, without waiting for the lock: a click stored just before a navigation must not be lost.
  const putBack = (p: Pending) => save([...parse(read(OUTBOX_KEY)), p]);
  // A localStorage write reaches other tabs' processes asynchronously, so the lock is held a moment after taking:
  // the next tab to take the lock then reads what this one wrote (else two tabs could send one click).
  const takeOut = (wanted: (p: Pending) => boolean) =>
    withLock(OUTBOX_KEY, async () => {
      const [taken, rest] = take(parse(read(OUTBOX_KEY)), wanted);
      if (taken.length) {
        save(rest);
        await sleep(SETTLE_MS);
      }
      return taken;
    });

  /** Sends one stored-shape event, retrying while the page is open; a failure keeps it in storage. */
  async function deliver(p: Pending): Promise<RecommendationsResponse | null> {
    const era = epoch;
    for (;;) {
      if (options.debug) say('log', 'event', p.body);
      // Endpoint and key are the current page's: a store sends every page to the same place.
      const reply = await post(eventsUrl(options), authorization(apiKey!), p.body);
      if (options.debug) say('log', 'response', reply.status, reply.data);
      if (reply.status >= 200 && reply.status < 300) return isObject(reply.data) ? reply.data : null;
      const message = serverMessage(reply.data, reply.status);
      if (!isRetryable(reply.status)) {
        say('error', `the events API refused the event (${reply.status}): ${message}`);
        throw new DatacueError(reply.status, message);
      }
      if (era !== epoch || consent.state !== 'granted') return null; // erased, or consent changed meanwhile
      p.tries++;
      putBack(p);
      const delay = retryDelay(p.tries, Math.random(), retryAfterMs(reply.retryAfter, Date.now()));
      // Offline, out of tries or told to wait long: storage keeps it for `online` or the next page load.
      if (p.tries >= MAX_ATTEMPTS || delay > MAX_DELAY_MS || navigator.onLine === false) {
        throw new DatacueError(reply.status, `${message}; kept to send again later`);
      }
      await sleep(delay);
      const [mine] = await takeOut((q) => q.id === p.id);
      if (!mine) return null; // another page load or the `online` handler sent it meanwhile
    }
  }

  /** `first`: the page's own event, sent first when consent is granted. */
  function track(event: DatacueEvent, defer?: boolean, first = false): Promise<RecommendationsResponse | null> {
    return guarded(async () => {
      if (!isObject(event) || typeof event['type'] !== 'string') {
        warn(expected('event', 'an object with a type', event, 'not sent'));
        return null;
      }
      // Cart and checkout events without a line-item array would only be refused by the API.
      if ('cart' in event && !Array.isArray(event['cart'])) {
        warn(expected('cart', 'an array of line items', event['cart'], 'not sent'));
        return null;
      }
      if (!apiKey) {
        // Said once per page, in the same words as a bad key in the config.
        if (!keyReported) readApiKey(apiKey, warn);
        keyReported = true;
        return null;
      }
      if (!inBrowser) return null;
      const at = Date.now();
      const data = normalize(event, warn) as DatacueEvent;
      const user = { user_id: userId, profile };
      // The id is read (and its cookie written) only once consent allows it; the time is the call's.
      return consent.wait(async () => {
        const p: Pending = {
          id: nanoid(),
          body: JSON.stringify(envelope(data, { anonymous_id: (anonId ||= anonymousId()), ...user }, at)),
          at,
          tries: 0,
        };
        if (defer !== true) return deliver(p);
        putBack({ ...p, page: pageId });
        return null;
      }, JSON.stringify(data).length, first);
    }, null);
  }

  // Earlier pages' events wait for consent like this page's: taking them out of storage rewrites it.
  const flush = () =>
    guarded(
      () =>
        consent.wait(async () => {
          if (!inBrowser || !apiKey) return;
          const due = await takeOut((p) => p.page !== pageId);
          await Promise.all(due.map((p) => deliver(p).catch(() => null)));
        }),
      undefined,
    );

  function publish(page: PageRecommendations) {
    latest = page;
    listeners.forEach((listener) => notify(listener, page));
  }

  const notify = (listener: RecommendationsListener, page: PageRecommendations) => safely(() => listener(page));

  function init(key: string, opts?: Options) {
    apiKey = readApiKey(key, warn);
    keyReported = !apiKey;
    options = readOptions(opts, warn);
    const gpc = (globalThis.navigator as { globalPrivacyControl?: unknown } | undefined)?.globalPrivacyControl;
    consent.configure(opts?.consent, gpc);
  }

  function identify(id: string | number | null | undefined, userProfile?: Profile) {
    userId = readUserId(id, warn);
    if (userProfile !== undefined && !isObject(userProfile)) warn(expected('profile', 'an object', userProfile, 'ignored'));
    profile = isObject(userProfile) ? userProfile : undefined;
  }

  function configure(config: unknown): config is DatacueConfig {
    if (!isObject(config)) {
      warn(expected('window.datacueConfig', 'an object', config, 'nothing sent'));
      return false;
    }
    if ('api_key' in config || 'options' in config) init(config['api_key'] as string, config['options'] as Options);
    if ('user_id' in config) identify(config['user_id'] as string);
    return true;
  }

  async function sendPage(config: DatacueConfig): Promise<RecommendationsResponse | null> {
    if (routed) pageId = nanoid();
    routed = true;
    const [first, ...rest] = pageEvents(config, warn);
    rest.forEach((e) => track(e).catch(() => null));
    const response = first ? await track(first, false, true).catch(() => null) : null;
    // A first event means page_type was valid.
    if (first) publish({ page_type: config.page_type as PageType, response });
    void flush();
    return response;
  }

  const api: Datacue = {
    init: (key, opts) => safely(() => init(key, opts)),
    identify: (id, p) => safely(() => identify(id, p)),
    track,
    page: (config) => guarded(async () => (configure(config) ? sendPage(config) : null), null),
    consent: (state) => safely(() => consent.set(state)),
    forget: () => safely(consent.forget),
    onRecommendations(listener) {
      if (typeof listener !== 'function') return () => {};
      listeners.add(listener);
      if (latest) notify(listener, latest);
      return () => listeners.delete(listener);
    },
  };
  return { api, configure, sendPage, flush };
}
