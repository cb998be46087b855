// Store-wide constants shared by the server, the page templates and the single-page storefront.

/** The demo's public API key: the local events API accepts this one and refuses every other. */
export const API_KEY = 'datacue-demo-key';

/** Same-origin endpoint of the local events API (given to the runtime as `options.events_url`). */
export const EVENTS_PATH = '/api/events';

export const CURRENCY = 'USD';
export const LOCALE = 'en-US';
export const STORE_NAME = 'Casa Cue';

/** Cookies the store itself keeps (the runtime keeps its own `datacue_aid`). */
export const USER_COOKIE = 'demo_user';
export const CART_COOKIE = 'demo_cart';
/** Set by a log in, cleared by the next page with DataCue tags, which then sends the login event. */
export const LOGIN_COOKIE = 'demo_login';
/** The shopper's answer to the cookie banner: 'granted' or 'denied'. */
export const CONSENT_COOKIE = 'demo_consent';
export const CONSENT_CHOICES = ['granted', 'denied'];
