import { describe, expect, it, vi } from 'vitest';
import { envelope } from '../src/envelope';
import { randomId } from '../src/random-id';
import { entryId } from '../src/deferred';
import { eventsUrl, readAuthorization, readOptions, readUserId, EVENTS_URL, STAGING_EVENTS_URL } from '../src/settings';
import { serverMessage } from '../src/error';
import { describe as show, expected } from '../src/log';

describe('envelope', () => {
  it('carries anonymous_id always, user_id and profile when known, and an ISO-8601 UTC timestamp', () => {
    const at = Date.UTC(2026, 0, 2, 3, 4, 5, 678);
    const body = JSON.parse(JSON.stringify(envelope({ type: 'login' }, { anonymous_id: 'a1', user_id: 'u1', profile: { sex: 'female' } }, at)));
    expect(body).toEqual({ user: { anonymous_id: 'a1', user_id: 'u1', profile: { sex: 'female' } }, event: { type: 'login' }, timestamp: '2026-01-02T03:04:05.678Z' });
  });

  it('a guest has no user_id or profile on the wire', () => {
    const body = JSON.parse(JSON.stringify(envelope({ type: 'pageview', subtype: 'home' }, { anonymous_id: 'a1', user_id: undefined, profile: undefined }, 0)));
    expect(body.user).toEqual({ anonymous_id: 'a1' });
  });
});

describe('settings', () => {
  it('sends to events.datacue.co by default, staging or events_url when asked', () => {
    expect(eventsUrl({})).toBe('https://events.datacue.co/');
    expect(EVENTS_URL).toBe('https://events.datacue.co/');
    expect(eventsUrl({ _staging: true })).toBe(STAGING_EVENTS_URL);
    expect(STAGING_EVENTS_URL).toBe('https://staging-events.datacue.co/');
    expect(eventsUrl({ events_url: 'http://127.0.0.1:9/x', _staging: true })).toBe('http://127.0.0.1:9/x');
  });

  it('authorizes with Basic base64("<api_key>:")', () => {
    expect(readAuthorization('your-api-key', vi.fn())).toBe(`Basic ${Buffer.from('your-api-key:').toString('base64')}`);
  });

  it('api_key must be a non-empty string the header can carry', () => {
    const warn = vi.fn();
    expect(readAuthorization(' k1 ', warn)).toBe(`Basic ${Buffer.from('k1:').toString('base64')}`);
    expect(readAuthorization('', warn)).toBeUndefined();
    expect(readAuthorization(42, warn)).toBeUndefined();
    // A zero-width space pasted with the key: btoa() would throw when the first event is sent.
    expect(readAuthorization('k1\u200b', warn)).toBeUndefined();
    expect(warn.mock.calls).toEqual([
      ['api_key: expected your API key, got ""; nothing sent'],
      ['api_key: expected your API key, got 42; nothing sent'],
      ['api_key: expected your API key, got "k1\u200b"; nothing sent'],
    ]);
  });

  it('user_id: null, undefined and "" are a guest; numbers become strings; other types are reported', () => {
    const warn = vi.fn();
    expect([null, undefined, ''].map((v) => readUserId(v, warn))).toEqual([undefined, undefined, undefined]);
    expect(readUserId(42, warn)).toBe('42');
    expect(readUserId('u1', warn)).toBe('u1');
    expect(readUserId({ id: 1 }, warn)).toBeUndefined();
    expect(warn.mock.calls).toEqual([['user_id: expected a string or null, got {"id":1}; sent as a guest']]);
  });

  it('options keep the expected types and report the others', () => {
    const warn = vi.fn();
    expect(readOptions({ debug: true, events_url: 'u', _staging: 'yes', other: 1 }, warn)).toEqual({ debug: true, events_url: 'u' });
    expect(readOptions('x', warn)).toEqual({});
    expect(warn.mock.calls).toEqual([
      ['options._staging: expected a boolean, got "yes"; ignored'],
      ['options: expected an object, got "x"; ignored'],
    ]);
  });
});

describe('messages', () => {
  it('take the server words from JSON or text, else the status', () => {
    expect(serverMessage({ message: 'bad product_id' }, 400)).toBe('bad product_id');
    expect(serverMessage({ error: 'nope' }, 400)).toBe('nope');
    expect(serverMessage('plain words', 400)).toBe('plain words');
    expect(serverMessage(null, 403)).toBe('HTTP 403');
    expect(serverMessage({ message: 7 }, 422)).toBe('HTTP 422');
  });

  it('describe never throws', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(show(10n)).toBe('10');
    expect(show(cyclic)).toBe('[object Object]');
    expect(show(undefined)).toBe('undefined');
    expect(expected('k', 'x', [1], 'ignored')).toBe('k: expected x, got [1]; ignored');
  });
});

describe('ids', () => {
  it('randomId: 21 characters of the cookie-safe alphabet the identity reader accepts, never repeated', () => {
    const ids = Array.from({ length: 20_000 }, randomId);
    expect(ids.every((id) => /^[0-9a-v]{21}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('entryId: sorts by time (what the deferred-events cap relies on), then random', () => {
    const a = entryId(Date.UTC(2026, 0, 1));
    const b = entryId(Date.UTC(2026, 0, 1) + 1);
    const c = entryId(Date.UTC(2059, 0, 1));
    expect([c, b, a].sort()).toEqual([a, b, c]);
    expect(a.slice(0, 8)).toBe(Date.UTC(2026, 0, 1).toString(36));
    expect(entryId(5)).not.toBe(entryId(5));
  });
});
