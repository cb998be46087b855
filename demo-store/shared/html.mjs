// HTML built from tagged templates: every interpolated value is escaped unless it is itself built with `html`.

class Html {
  constructor(text) {
    this.text = text;
  }
  toString() {
    return this.text;
  }
}

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (value) => String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** One value as HTML: nested `html` as is, arrays joined, null/undefined/false as nothing, the rest escaped. */
function render(value) {
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(value);
}

export const html = (strings, ...values) =>
  new Html(strings.reduce((out, s, i) => out + s + (i < values.length ? render(values[i]) : ''), ''));

/** Markup that is already safe (e.g. a JSON island that was escaped for a script element). */
export const trusted = (text) => new Html(text);

/** JSON that can sit inside a <script> element: no "</script>", no "<!--", no line separators that end it. */
export const scriptJson = (value, indent) =>
  JSON.stringify(value, null, indent).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
