// The QA view's dashboard panel: the demo's stand-in for the store's DataCue dashboard. It shows the saved settings,
// posts the whole form as JSON to /qa/settings, and shows what the server refused, field by field. The server
// validates; the form only gathers (it is `novalidate` on purpose, so a bad value reaches the server's checks).

const SECTIONS = { similar: 'Similar products', top: 'Top products', related: 'Related products', recent: 'Recently viewed', categories: 'Related categories' };
const FIELDS = { price: 'Price', full_price: 'Full price (struck through)', brand: 'Brand', rating: 'Rating', stock: 'Stock' };

const form = document.querySelector('[data-dashboard-form]');
const rowsEl = form.querySelector('[data-section-rows]');
const statusEl = form.querySelector('[data-dashboard-status]');
const errorsEl = form.querySelector('[data-dashboard-errors]');
const names = Object.keys(SECTIONS);

function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

const input = (props) => el('input', { autocomplete: 'off', ...props });
const select = (props, options, value) => {
  const s = el('select', props, ...options.map(([v, text]) => el('option', { value: v, textContent: text })));
  s.value = String(value);
  return s;
};

/** One row per section: the saved ones in their order, then the hidden ones with the defaults of a new section. */
function sectionRows(sections) {
  const hidden = names.filter((n) => !sections.some((s) => s.name === n));
  const all = [...sections.map((s) => ({ ...s, show: true })), ...hidden.map((name) => ({ name, show: false, title: '', layout: 'slider', size: 8, items_per_page: { mobile: 2, desktop: 4 } }))];
  const positions = names.map((_, i) => [String(i + 1), String(i + 1)]);
  return all.map((s, i) => {
    const label = SECTIONS[s.name];
    const tr = el('tr');
    tr.dataset.section = s.name;
    tr.append(
      el('th', { scope: 'row', textContent: label }),
      el('td', {}, input({ type: 'checkbox', name: 'show', checked: s.show, ariaLabel: `Show ${label}` })),
      el('td', {}, select({ name: 'position', ariaLabel: `Position of ${label}` }, positions, i + 1)),
      el('td', {}, input({ type: 'text', name: 'title', value: s.title ?? '', placeholder: '(default title)', ariaLabel: `Title of ${label}` })),
      el('td', {}, select({ name: 'layout', ariaLabel: `Layout of ${label}` }, [['slider', 'Carousel'], ['grid', 'Grid']], s.layout)),
      el('td', {}, input({ type: 'number', name: 'size', min: 1, max: 48, value: s.size, ariaLabel: `Products in ${label}` })),
      el('td', {}, input({ type: 'number', name: 'mobile', min: 1, max: 12, value: s.items_per_page.mobile, ariaLabel: `${label} per page on mobile` })),
      el('td', {}, input({ type: 'number', name: 'desktop', min: 1, max: 12, value: s.items_per_page.desktop, ariaLabel: `${label} per page on desktop` })),
    );
    return tr;
  });
}

function fill(settings) {
  const d = settings.dashboard;
  rowsEl.replaceChildren(...sectionRows(d.sections));
  form.querySelector('[data-show-fields]').replaceChildren(
    ...Object.entries(FIELDS).map(([value, text]) =>
      el('label', { className: 'check' }, input({ type: 'checkbox', name: 'show_fields', value, checked: d.show_fields.includes(value) }), ` ${text}`),
    ),
  );
  const e = form.elements;
  e.hide_out_of_stock.checked = d.hide_out_of_stock;
  e.money_format.value = d.money_format;
  e.locale.value = d.locale;
  e.show_button.checked = d.cta_button.show_button;
  e.caption.value = d.cta_button.caption;
  e.buy_caption.value = d.cta_button.buy_caption;
  e.classes.value = d.cta_button.classes;
  e.consent_banner.checked = settings.consent_banner || settings.consent_banner_env;
  e.consent_banner.disabled = settings.consent_banner_env;
  form.querySelector('[data-banner-env]').hidden = !settings.consent_banner_env;
  e.api_answer.value = settings.api_answer;
}

/** A number as typed; what is not a number goes as null, for the server to refuse by name. */
const number = (field) => (Number.isFinite(field.valueAsNumber) ? field.valueAsNumber : null);

/** The settings object from the form, and which input each field path came from (to mark what the server refused). */
function gather() {
  const inputs = new Map();
  const rows = [...rowsEl.querySelectorAll('tr')].filter((tr) => tr.querySelector('[name=show]').checked);
  const sections = rows.map((tr, i) => {
    const field = (name) => tr.querySelector(`[name=${name}]`);
    const at = `dashboard.sections[${i}]`;
    for (const [path, name] of [['title', 'title'], ['layout', 'layout'], ['size', 'size'], ['items_per_page.mobile', 'mobile'], ['items_per_page.desktop', 'desktop']])
      inputs.set(`${at}.${path}`, field(name));
    return {
      name: tr.dataset.section,
      title: field('title').value,
      layout: field('layout').value,
      size: number(field('size')),
      items_per_page: { mobile: number(field('mobile')), desktop: number(field('desktop')) },
    };
  });
  const e = form.elements;
  for (const name of ['money_format', 'locale']) inputs.set(`dashboard.${name}`, e[name]);
  for (const name of ['caption', 'buy_caption', 'classes']) inputs.set(`dashboard.cta_button.${name}`, e[name]);
  const settings = {
    dashboard: {
      sections,
      show_fields: [...form.querySelectorAll('[name=show_fields]:checked')].map((c) => c.value),
      hide_out_of_stock: e.hide_out_of_stock.checked,
      cta_button: { show_button: e.show_button.checked, caption: e.caption.value, buy_caption: e.buy_caption.value, classes: e.classes.value },
      money_format: e.money_format.value,
      locale: e.locale.value,
    },
    consent_banner: e.consent_banner.disabled ? false : e.consent_banner.checked,
    api_answer: e.api_answer.value,
  };
  inputs.set('api_answer', e.api_answer);
  return { settings, inputs };
}

function showErrors(errors, inputs) {
  form.querySelectorAll('[aria-invalid]').forEach((i) => i.removeAttribute('aria-invalid'));
  if (!errors.length) {
    errorsEl.replaceChildren();
    return;
  }
  errorsEl.replaceChildren(el('p', { textContent: 'Not saved:' }), el('ul', {}, ...errors.map((e) => el('li', { textContent: e.message }))));
  for (const e of errors) inputs.get(e.field)?.setAttribute('aria-invalid', 'true');
  (inputs.get(errors[0].field) ?? errorsEl).focus?.();
}

// A new position moves the section there; the table's order is the order of the sections.
rowsEl.addEventListener('change', (event) => {
  const chosen = event.target;
  if (chosen.name !== 'position') return;
  const rows = [...rowsEl.children];
  const moved = chosen.closest('tr');
  const others = rows.filter((tr) => tr !== moved);
  others.splice(Number(chosen.value) - 1, 0, moved);
  rowsEl.replaceChildren(...others);
  others.forEach((tr, i) => (tr.querySelector('[name=position]').value = String(i + 1)));
  chosen.focus();
});

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const { settings, inputs } = gather();
  statusEl.textContent = 'Saving…';
  let res;
  try {
    res = await fetch('/qa/settings', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(settings) });
  } catch {
    statusEl.textContent = 'Not saved: the demo store does not answer.';
    return;
  }
  const answer = await res.json();
  if (!res.ok) {
    statusEl.textContent = '';
    showErrors(answer.errors, inputs);
    return;
  }
  showErrors([], inputs);
  fill(answer);
  statusEl.replaceChildren('Saved. The store follows it from its next page: ', el('a', { href: '/', target: '_blank', textContent: 'open the store' }), '.');
});

const res = await fetch('/qa/settings');
fill(await res.json());
