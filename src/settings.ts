import type { Options } from './types.js';
import { expected, type Warn } from './log.js';
import { isObject } from './normalize.js';
import { attempt } from './attempt.js';

export const EVENTS_URL = 'https://events.datacue.co/';
export const STAGING_EVENTS_URL = 'https://staging-events.datacue.co/';

/**
 * The Authorization header of an api key: Basic auth with the key as user name and an empty password. The key is a
 * non-empty string the header can carry (btoa throws past Latin-1: a zero-width space pasted with the key); anything
 * else is reported and nothing is sent.
 */
export function readAuthorization(value: unknown, warn: Warn): string | undefined {
  const key = typeof value === 'string' && value.trim();
  const header = key && attempt(() => `Basic ${btoa(`${key}:`)}`);
  if (header) return header;
  warn(expected('api_key', 'your API key', value, 'nothing sent'));
  return undefined;
}

/** null, undefined and "" mean a guest; numbers are sent as strings (store plugins emit them). */
export function readUserId(value: unknown, warn: Warn): string | undefined {
  if (value == null || value === '') return undefined;
  // Number.isFinite is false for anything but a finite number.
  if (typeof value == 'string' || Number.isFinite(value)) return String(value);
  warn(expected('user_id', 'a string or null', value, 'sent as a guest'));
  return undefined;
}

// `consent` has its own reader (consent.ts); `money_format` is the widgets' (the tracker ignores it).
const OPTION_TYPES: Record<Exclude<keyof Options, 'consent' | 'money_format'>, 'string' | 'boolean'> = { events_url: 'string', _staging: 'boolean', debug: 'boolean' };

/** Keeps the options of the expected types; each other one is reported and ignored. */
export function readOptions(value: unknown, warn: Warn): Options {
  const out: Record<string, unknown> = {};
  if (!isObject(value)) {
    if (value != null) warn(expected('options', 'an object', value, 'ignored'));
    return out;
  }
  for (const [key, type] of Object.entries(OPTION_TYPES)) {
    const v = value[key];
    if (typeof v == type) out[key] = v;
    else if (v !== undefined) warn(expected(`options.${key}`, `a ${type}`, v, 'ignored'));
  }
  return out;
}

export const eventsUrl = (options: Options): string =>
  options.events_url || (options._staging ? STAGING_EVENTS_URL : EVENTS_URL);
