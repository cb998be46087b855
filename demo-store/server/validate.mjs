// What the local events API accepts: the envelope and each documented event type (reference: "Sending other events",
// "Optional Events"; DESIGN.md §3-§4). Pure: returns the first problem as {field, message}, or null when valid.

const MAX_ID = 200;

const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

function shown(value) {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

const problem = (field, expected, value) => ({ field, message: `${field}: expected ${expected}, got ${shown(value)}` });

// Each check returns a problem or null; `optional` lets an absent value through.
const isId = (v) => typeof v === 'string' && v !== '' && v.length <= MAX_ID;
const id = (field, v) => (isId(v) ? null : problem(field, `a non-empty string (at most ${MAX_ID} characters)`, v));
const text = (field, v) => (typeof v === 'string' && v.trim() !== '' ? null : problem(field, 'a non-empty string', v));
const object = (field, v) => (isObject(v) ? null : problem(field, 'an object', v));
const optional = (check) => (field, v) => (v === undefined ? null : check(field, v));
const oneOf = (values) => (field, v) => (values.includes(v) ? null : problem(field, values.map((x) => `"${x}"`).join(' | '), v));
const timestamp = (field, v) =>
  typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? null : problem(field, 'an ISO-8601 date string', v);
const count = (field, v) => (Number.isInteger(v) && v > 0 ? null : problem(field, 'a whole number above 0', v));
const amount = (field, v) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? null : problem(field, 'a number, 0 or more', v));

/** Runs checks of [field, check, value] in order and returns the first problem. */
const first = (checks) => {
  for (const [field, check, value] of checks) {
    const found = check(field, value);
    if (found) return found;
  }
  return null;
};

function array(field, v, item) {
  if (!Array.isArray(v)) return problem(field, 'an array', v);
  for (let i = 0; i < v.length; i++) {
    const found = item(`${field}[${i}]`, v[i]);
    if (found) return found;
  }
  return null;
}

/** A cart line item; older samples name the variant `variant`. */
const lineItem = (field, line) =>
  object(field, line) ??
  first([
    [`${field}.product_id`, id, line.product_id],
    [`${field}.variant_id`, optional(id), line.variant_id],
    [`${field}.variant`, optional(id), line.variant],
    [`${field}.quantity`, count, line.quantity],
    [`${field}.unit_price`, amount, line.unit_price],
    [`${field}.currency`, optional(text), line.currency],
  ]);

const cart = (field, v) => array(field, v, lineItem);

export const PAGE_SUBTYPES = ['home', 'product', 'category', 'cart', '404', 'order confirmation', 'checkout'];

/** Fields each event type requires, by `type`, then by `subtype` where the type has several. */
const EVENTS = {
  pageview: (e) =>
    oneOf(PAGE_SUBTYPES)('event.subtype', e.subtype) ??
    {
      product: () =>
        first([
          ['event.product_id', id, e.product_id],
          ['event.variant_id', optional(id), e.variant_id],
          ['event.product_update', optional((f, v) => array(f, v, object)), e.product_update],
        ]),
      category: () =>
        first([
          [e.category_id === undefined && e.category_name !== undefined ? 'event.category_name' : 'event.category_id', id, e.category_id ?? e.category_name],
          ['event.category_update', optional(object), e.category_update],
        ]),
      'order confirmation': () => optional(id)('event.order_id', e.order_id),
    }[e.subtype]?.() ??
    null,
  search: (e) => text('event.term', e.term),
  cart: (e) =>
    first([
      ['event.subtype', oneOf(['update']), e.subtype],
      ['event.cart', cart, e.cart],
      ['event.cart_link', text, e.cart_link],
    ]),
  checkout: (e) =>
    first([
      ['event.subtype', oneOf(['started']), e.subtype],
      ['event.cart', cart, e.cart],
      ['event.cart_link', text, e.cart_link],
    ]),
  wishlist: (e) =>
    first([
      ['event.subtype', oneOf(['add', 'remove']), e.subtype],
      ['event.product_id', id, e.product_id],
      ['event.variant_id', optional(id), e.variant_id],
    ]),
  login: () => null,
  click: (e) =>
    oneOf(['banner', 'product', 'related', 'similar', 'recent'])('event.subtype', e.subtype) ??
    (e.subtype === 'banner' ? id('event.banner_id', e.banner_id) : id('event.product_id', e.product_id)),
  order: (e) =>
    first([
      ['event.subtype', oneOf(['completed', 'cancelled']), e.subtype],
      ['event.order_id', id, e.order_id],
      ['event.cart', cart, e.cart],
      ['event.timestamp', optional(timestamp), e.timestamp],
    ]),
};

export const EVENT_TYPES = Object.keys(EVENTS);

function user(u) {
  return (
    object('user', u) ??
    first([
      ['user.user_id', optional(id), u.user_id ?? undefined],
      // The reference requires the anonymous id when the user is not logged in; the runtime always sends it.
      ['user.anonymous_id', u.user_id ? optional(id) : id, u.anonymous_id],
      ['user.profile', optional(object), u.profile],
    ])
  );
}

/** The first problem of a parsed request body, or null when it is an envelope the API accepts. */
export function validateEnvelope(body) {
  if (!isObject(body)) return problem('body', 'a JSON object {user, event, timestamp}', body);
  return (
    user(body.user) ??
    object('event', body.event) ??
    oneOf(EVENT_TYPES)('event.type', body.event.type) ??
    EVENTS[body.event.type](body.event) ??
    first([
      ['timestamp', optional(timestamp), body.timestamp],
      ['context', optional(object), body.context],
    ])
  );
}
