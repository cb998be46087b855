// The local events API (POST /api/events): the contract of DESIGN.md §4 on the demo store's own origin.
// Checks the key, the size and the envelope, records every request (accepted or not) and answers page events with
// recommendations. Whatever arrives, it answers and goes on serving.
import { DEFAULT_DASHBOARD, responseConfig, SLOW_ANSWER_MS } from './dashboard.mjs';
import { validateEnvelope } from './validate.mjs';

/** Far above any real event (a product page with many variants is a few KB), far below what could hurt. */
export const MAX_BODY_BYTES = 64 * 1024;
/** What a record keeps of a refused body: enough to see what was wrong. */
const KEPT_REFUSED_BYTES = 4096;

const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether `header` is Basic base64("<apiKey>:"): frontend events carry the key as user name, no password. */
export function authorized(header, apiKey) {
  const m = /^Basic\s+([A-Za-z0-9+/]+={0,2})$/.exec(header ?? '');
  if (!m) return false;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon >= 0 && decoded.slice(0, colon) === apiKey;
}

const refusal = (status, error, message, field) => ({ status, body: field ? { error, message, field } : { error, message } });

export const unauthorized = () =>
  refusal(401, 'Unauthorized', 'Authorization: expected "Basic " + base64("<api key>:") with the demo store\'s API key');
export const tooLarge = () => refusal(413, 'Payload Too Large', `body: at most ${MAX_BODY_BYTES} bytes`);
export const down = () => refusal(503, 'Service Unavailable', 'the QA view has set the demo API down ("Events API answers")');

/**
 * The answer to the text of one authorized request of acceptable size: 400 naming the field, or 200 with
 * recommendations and the dashboard's `config` / 204 after `model` has learnt from it. Returns the parsed envelope
 * too (for the record).
 */
export function answerBody(text, model, dashboard = DEFAULT_DASHBOARD) {
  const { body, error } = parse(text);
  if (error) return { ...refusal(400, 'Bad Request', `body: malformed JSON (${error.message})`, 'body'), parsed: undefined };
  const found = validateEnvelope(body);
  if (found) return { ...refusal(400, 'Bad Request', found.message, found.field), parsed: body };
  model.record(body);
  const recommendations = model.answer(body, dashboard);
  if (!recommendations) return { status: 204, body: null, parsed: body, envelope: body };
  return { status: 200, body: { ...recommendations, config: responseConfig(dashboard) }, parsed: body, envelope: body };
}

/** A request's text as JSON: `{ body }`, or `{ error }` when it is not JSON. */
function parse(text) {
  try {
    return { body: JSON.parse(text) };
  } catch (error) {
    return { error };
  }
}

/** Who and what a request was about, as far as its body tells (also for refused ones, so QA can filter them). */
function about(parsed) {
  const user = isObject(parsed?.user) ? parsed.user : {};
  const event = isObject(parsed?.event) ? parsed.event : {};
  const str = (v) => (typeof v === 'string' ? v.slice(0, 200) : undefined);
  return { user_id: str(user.user_id), anonymous_id: str(user.anonymous_id), type: str(event.type), subtype: str(event.subtype) };
}

const KEPT_HEADERS = ['authorization', 'content-type', 'content-length', 'origin', 'referer', 'user-agent'];

/**
 * The HTTP handler. `dashboard()` gives the settings of the moment (each answer follows the latest save), and
 * `answering()` how the API answers (`API_ANSWERS`: normal, slow, down). `onRecord` receives one record per POST: what
 * was asked, what was answered; accepted ones carry the envelope (`request.body`), refused ones the start of their text
 * (`request.body_text`).
 */
export function createEventsApi({ apiKey, model, dashboard, answering = () => 'normal', onRecord }) {
  function send(res, reply) {
    const payload = reply.body ? JSON.stringify(reply.body) : '';
    res.writeHead(reply.status, {
      'cache-control': 'no-store',
      ...(payload ? { 'content-type': 'application/json; charset=utf-8' } : {}),
      ...reply.headers,
    });
    res.end(payload);
  }

  function finish(req, res, reply, size, text = '', result = {}) {
    send(res, reply);
    const accepted = reply.status < 300;
    onRecord({
      at: new Date().toISOString(),
      request: {
        method: req.method,
        path: req.url,
        headers: Object.fromEntries(KEPT_HEADERS.filter((h) => req.headers[h] !== undefined).map((h) => [h, req.headers[h]])),
        size,
        ...(accepted ? { body: result.envelope } : { body_text: text.slice(0, KEPT_REFUSED_BYTES) }),
      },
      status: reply.status,
      response: reply.body ?? null,
      ...about(result.parsed),
    });
  }

  return function handle(req, res) {
    if (req.method !== 'POST') {
      send(res, { ...refusal(405, 'Method Not Allowed', 'POST events to this endpoint'), headers: { allow: 'POST' } });
      return;
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (!authorized(req.headers.authorization, apiKey)) {
      req.resume(); // read and drop the body, so the client gets the answer rather than a reset connection
      finish(req, res, unauthorized(), declared);
      return;
    }
    if (declared > MAX_BODY_BYTES) {
      req.resume();
      finish(req, res, tooLarge(), declared);
      return;
    }
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      // Past the limit the rest is read and dropped (a chunked body has no length to refuse up front).
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) {
        finish(req, res, tooLarge(), size);
        return;
      }
      const text = Buffer.concat(chunks).toString('utf8');
      const how = answering();
      if (how === 'down') {
        // Refused, but recorded with its visitor and event, so that the QA view's filters find it.
        finish(req, res, down(), size, text, { parsed: parse(text).body });
        return;
      }
      let result;
      try {
        result = answerBody(text, model, dashboard());
      } catch (e) {
        // A bug of ours must not take the store down; the request is still answered and recorded.
        result = refusal(500, 'Internal Server Error', `the demo API failed on this event: ${e.message}`);
      }
      // Slow: stored now, answered later (a shopper may have left the page by then: the answer goes nowhere).
      if (how === 'slow') setTimeout(() => finish(req, res, result, size, text, result), SLOW_ANSWER_MS);
      else finish(req, res, result, size, text, result);
    });
    req.on('error', () => res.destroy());
  };
}
