// The demo's "DataCue dashboard": the settings a store owner chooses (DESIGN.md §7 `config`) and the demo's own
// switches. Pure: defaults, validation of what the QA view posts, and the `config` the events API sends.

/** Product sections, as `data-dc-products` names them, in their default order. */
export const SECTION_NAMES = ['similar', 'top', 'related', 'recent', 'categories'];
export const LAYOUTS = ['grid', 'slider'];
export const CARD_FIELDS = ['price', 'full_price', 'brand', 'rating', 'stock'];
/** What a section may hold: DESIGN.md §7 caps a section at 48 products. */
export const MAX_SIZE = 48;
export const MAX_ITEMS_PER_PAGE = 12;
/** Products per section by default: what the demo's API sends when the dashboard says nothing else. */
export const DEFAULT_SIZE = 8;
const MAX_TITLE = 80;
const MAX_CAPTION = 40;
const MAX_CLASSES = 120;
const MAX_MONEY_FORMAT = 60;
/** The placeholders DESIGN.md §7 lists for `money_format`. */
const MONEY_PLACEHOLDER = /\{\{\s*(amount|amount_no_decimals|amount_with_comma_separator|amount_no_decimals_with_comma_separator)\s*\}\}/;

/** The dashboard's defaults (DESIGN.md §7): every section, slider, 2 / 4 per page, price and full price, no button. */
export const DEFAULT_DASHBOARD = Object.freeze({
  sections: SECTION_NAMES.map((name) => ({ name, title: '', layout: 'slider', size: DEFAULT_SIZE, items_per_page: { mobile: 2, desktop: 4 } })),
  show_fields: ['price', 'full_price'],
  hide_out_of_stock: true,
  cta_button: { show_button: false, caption: 'View product', buy_caption: 'Add to cart', classes: 'button' },
  money_format: '',
  locale: 'en-US',
});

/**
 * How the demo's events API answers, to try the widgets as a shopper meets a slow or failing API: `slow` answers each
 * request `SLOW_ANSWER_MS` late (the event is stored at once), `down` answers 503 without storing it (the tracker
 * keeps it and retries).
 */
export const API_ANSWERS = ['normal', 'slow', 'down'];
export const SLOW_ANSWER_MS = 2000;

export const DEFAULT_SETTINGS = Object.freeze({ dashboard: DEFAULT_DASHBOARD, consent_banner: false, api_answer: 'normal' });

const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v) => (typeof v === 'string' ? JSON.stringify(v.slice(0, 40)) : Array.isArray(v) ? 'a list' : v === null ? 'null' : typeof v === 'object' ? 'an object' : String(v));

/**
 * Checks settings as the QA view posts them (the whole object). Returns `{settings}` (a clean copy, nothing but the
 * known keys) or `{errors: [{field, message}]}` naming every problem, each field by its path.
 */
export function validateSettings(input) {
  const errors = [];
  const fail = (field, expected, value) => errors.push({ field, message: `${field}: expected ${expected}, got ${show(value)}` });

  const bool = (field, v) => (typeof v === 'boolean' ? v : (fail(field, 'true or false', v), false));
  const int = (field, v, min, max) => (Number.isInteger(v) && v >= min && v <= max ? v : (fail(field, `a whole number from ${min} to ${max}`, v), min));
  const text = (field, v, max, pattern, what) => {
    if (typeof v !== 'string' || v.length > max || /[<>]/.test(v) || (pattern && v && !pattern.test(v))) {
      fail(field, `${what ?? 'text'} of at most ${max} characters, without < or >`, v);
      return '';
    }
    return v.trim();
  };

  if (!isObject(input)) return { errors: [{ field: 'settings', message: `settings: expected an object, got ${show(input)}` }] };
  if (!isObject(input.dashboard)) return { errors: [{ field: 'dashboard', message: `dashboard: expected an object, got ${show(input.dashboard)}` }] };
  const d = input.dashboard;
  // A part that is not an object is named once; what it should hold is not checked in it.
  const part = (field, v, expected) => (isObject(v) ? v : (fail(field, expected, v), undefined));

  const sections = [];
  if (!Array.isArray(d.sections)) fail('dashboard.sections', 'a list of sections', d.sections);
  else
    d.sections.forEach((s, i) => {
      const at = `dashboard.sections[${i}]`;
      if (!isObject(s)) return fail(at, 'an object', s);
      if (!SECTION_NAMES.includes(s.name)) return fail(`${at}.name`, `one of ${SECTION_NAMES.join(', ')}`, s.name);
      if (sections.some((x) => x.name === s.name)) return fail(`${at}.name`, 'each section once', s.name);
      const perPage = part(`${at}.items_per_page`, s.items_per_page, 'an object {mobile, desktop}');
      sections.push({
        name: s.name,
        title: s.title === undefined ? '' : text(`${at}.title`, s.title, MAX_TITLE),
        layout: LAYOUTS.includes(s.layout) ? s.layout : (fail(`${at}.layout`, `one of ${LAYOUTS.join(', ')}`, s.layout), 'slider'),
        size: int(`${at}.size`, s.size, 1, MAX_SIZE),
        items_per_page: perPage && {
          mobile: int(`${at}.items_per_page.mobile`, perPage.mobile, 1, MAX_ITEMS_PER_PAGE),
          desktop: int(`${at}.items_per_page.desktop`, perPage.desktop, 1, MAX_ITEMS_PER_PAGE),
        },
      });
    });

  let showFields = [];
  if (!Array.isArray(d.show_fields) || d.show_fields.some((f) => !CARD_FIELDS.includes(f)) || new Set(d.show_fields).size !== d.show_fields.length)
    fail('dashboard.show_fields', `a list of distinct fields among ${CARD_FIELDS.join(', ')}`, d.show_fields);
  else showFields = CARD_FIELDS.filter((f) => d.show_fields.includes(f));

  const cta = part('dashboard.cta_button', d.cta_button, 'an object {show_button, caption, buy_caption, classes}');
  const ctaButton = cta && {
    show_button: bool('dashboard.cta_button.show_button', cta.show_button),
    caption: text('dashboard.cta_button.caption', cta.caption, MAX_CAPTION),
    buy_caption: text('dashboard.cta_button.buy_caption', cta.buy_caption, MAX_CAPTION),
    classes: text('dashboard.cta_button.classes', cta.classes, MAX_CLASSES, /^[\w -]+$/, 'class names (letters, digits, - and _)'),
  };
  if (ctaButton?.show_button && !ctaButton.caption) fail('dashboard.cta_button.caption', 'a caption when the button shows', cta.caption);

  const moneyFormat = text('dashboard.money_format', d.money_format, MAX_MONEY_FORMAT, MONEY_PLACEHOLDER, 'a format with {{amount}} (or another amount placeholder)');

  let locale = 'en-US';
  try {
    if (typeof d.locale !== 'string' || d.locale.length > 35) throw new RangeError();
    locale = Intl.getCanonicalLocales(d.locale)[0];
  } catch {
    fail('dashboard.locale', 'a language tag such as en-US or de-DE', d.locale);
  }

  const hideOutOfStock = bool('dashboard.hide_out_of_stock', d.hide_out_of_stock);
  const consentBanner = bool('consent_banner', input.consent_banner);
  // Absent in a settings file from before it existed: normal.
  const apiAnswer = input.api_answer ?? 'normal';
  if (!API_ANSWERS.includes(apiAnswer)) fail('api_answer', `one of ${API_ANSWERS.join(', ')}`, input.api_answer);
  if (errors.length) return { errors };
  return {
    settings: {
      dashboard: {
        sections,
        show_fields: showFields,
        hide_out_of_stock: hideOutOfStock,
        cta_button: ctaButton,
        money_format: moneyFormat,
        locale,
      },
      consent_banner: consentBanner,
      api_answer: apiAnswer,
    },
  };
}

/**
 * The `config` of a recommendations response (DESIGN.md §7 shape): an empty title or money format is left out, so
 * that the widgets use their own default for it.
 */
export function responseConfig(dashboard) {
  return {
    sections: dashboard.sections.map(({ name, title, layout, size, items_per_page }) => ({
      name,
      ...(title ? { title } : {}),
      layout,
      size,
      items_per_page: { ...items_per_page },
    })),
    show_fields: [...dashboard.show_fields],
    hide_out_of_stock: dashboard.hide_out_of_stock,
    cta_button: { ...dashboard.cta_button },
    ...(dashboard.money_format ? { money_format: dashboard.money_format } : {}),
    locale: dashboard.locale,
  };
}
