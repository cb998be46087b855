// The QA view: a live list of what the local events API received (pushed over Server-Sent Events), filters kept in
// the address bar, and the full request and response of the chosen event. Everything shown is text: what arrives
// may be anything anyone posted.

const KEPT = 1000;
const rowsEl = document.querySelector('[data-rows]');
const detailEl = document.querySelector('[data-detail]');
const form = document.querySelector('[data-filters]');
const typeSelect = form.elements.type;
const visitorList = document.getElementById('visitors');
const connection = document.querySelector('[data-connection]');

let records = [];
let selected = null;

const eventLabel = (r) => (r.type ? (r.subtype ? `${r.type}/${r.subtype}` : r.type) : '(no event type)');
const accepted = (r) => r.status < 300;
const time = (iso) => new Date(iso).toLocaleTimeString(undefined, { hour12: false }) + '.' + String(new Date(iso).getMilliseconds()).padStart(3, '0');
const bytes = (n) => (n == null ? '' : n < 1024 ? `${n} B` : `${(n / 1024).toFixed(1)} KB`);

function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

function matches(r) {
  const visitor = form.elements.visitor.value.trim().toLowerCase();
  const type = typeSelect.value;
  const status = form.elements.status.value;
  const label = eventLabel(r);
  return (
    (!visitor || [r.user_id, r.anonymous_id].some((id) => id?.toLowerCase().includes(visitor))) &&
    (!type || label === type || label.startsWith(`${type}/`)) &&
    (!status || (status === 'accepted') === accepted(r))
  );
}

function row(r, fresh) {
  const tr = el('tr', { className: fresh ? 'new' : '' });
  tr.dataset.seq = r.seq;
  tr.setAttribute('aria-selected', String(r.seq === selected));
  tr.append(
    el('td', { className: 'mono' }, el('button', { type: 'button', textContent: time(r.at), title: `Show event #${r.seq}` })),
    el(
      'td',
      { className: 'visitor' },
      r.user_id ? el('strong', { textContent: r.user_id }) : null,
      el('small', { className: 'mono', textContent: r.anonymous_id ?? '(no anonymous id)' }),
    ),
    el('td', { textContent: eventLabel(r) }),
    el('td', { className: `status ${accepted(r) ? 'ok' : 'bad'}`, textContent: String(r.status) }),
    el('td', { className: 'mono', textContent: bytes(r.size) }),
    el('td', { className: `summary ${accepted(r) ? '' : 'bad'}`, textContent: r.summary }),
  );
  return tr;
}

function render(freshSeq) {
  const shown = records.filter(matches).reverse();
  rowsEl.replaceChildren(...shown.map((r) => row(r, r.seq === freshSeq)));
  document.querySelector('[data-empty]').hidden = records.length > 0;
  document.querySelector('[data-shown]').textContent = `${shown.length} of ${records.length} events`;
}

/** Event and visitor choices from what has arrived, keeping what the user picked. */
function refreshChoices() {
  const labels = new Set();
  records.forEach((r) => {
    labels.add(r.type ?? '');
    labels.add(eventLabel(r));
  });
  labels.delete('');
  const current = typeSelect.value;
  const wanted = [...new Set([current, ...labels])].filter(Boolean).sort();
  typeSelect.replaceChildren(el('option', { value: '', textContent: 'all events' }), ...wanted.map((l) => el('option', { value: l, textContent: l })));
  typeSelect.value = current;
  const visitors = new Set(records.flatMap((r) => [r.user_id, r.anonymous_id]).filter(Boolean));
  visitorList.replaceChildren(...[...visitors].slice(-100).map((v) => el('option', { value: v })));
}

function section(title, ...content) {
  return [el('h2', { textContent: title }), ...content];
}

function fields(pairs) {
  const dl = el('dl');
  pairs.filter(([, v]) => v !== undefined && v !== null && v !== '').forEach(([k, v]) => dl.append(el('dt', { textContent: k }), el('dd', { textContent: String(v) })));
  return dl;
}

const json = (value) => el('pre', { textContent: JSON.stringify(value, null, 2) });

async function showDetail(seq) {
  selected = seq;
  rowsEl.querySelectorAll('tr').forEach((tr) => tr.setAttribute('aria-selected', String(Number(tr.dataset.seq) === seq)));
  const res = await fetch(`/qa/records/${seq}`);
  if (!res.ok) {
    detailEl.replaceChildren(el('p', { className: 'hint', textContent: 'This event is no longer kept by the QA view (see the journal in the data folder).' }));
    return;
  }
  const r = await res.json();
  const { request, response } = r;
  detailEl.replaceChildren(
    ...(accepted(r) ? [] : [el('p', { className: 'reason', textContent: `Rejected: ${response?.message ?? `HTTP ${r.status}`}` })]),
    ...section(
      `#${r.seq} ${eventLabel(r)}`,
      fields([
        ['received', new Date(r.at).toLocaleString()],
        ['user_id', r.user_id],
        ['anonymous_id', r.anonymous_id],
        ['status', r.status],
        ['field', response?.field],
      ]),
    ),
    ...section(`Request: ${request.method} ${request.path} (${bytes(request.size)})`, fields(Object.entries(request.headers)), request.body !== undefined ? json(request.body) : el('pre', { textContent: request.body_text || '(empty body)' })),
    ...section(`Response: ${r.status}`, response ? json(response) : el('p', { className: 'hint', textContent: '(no body)' })),
  );
}

function syncAddressBar() {
  const params = new URLSearchParams();
  for (const name of ['visitor', 'type', 'status']) if (form.elements[name].value) params.set(name, form.elements[name].value);
  history.replaceState(null, '', params.size ? `?${params}` : location.pathname);
}

// Filters from the address bar, so a QA person can share a filtered view (e.g. /qa?visitor=<id>).
const initial = new URLSearchParams(location.search);
form.elements.visitor.value = initial.get('visitor') ?? '';
form.elements.status.value = initial.get('status') ?? '';
if (initial.get('type')) typeSelect.append(el('option', { value: initial.get('type'), textContent: initial.get('type') }));
typeSelect.value = initial.get('type') ?? '';

form.addEventListener('input', () => {
  syncAddressBar();
  render();
});
form.addEventListener('submit', (e) => e.preventDefault());
form.addEventListener('reset', (e) => {
  e.preventDefault(); // cleared here, so that the list can follow at once
  for (const name of ['visitor', 'type', 'status']) form.elements[name].value = '';
  syncAddressBar();
  render();
});
rowsEl.addEventListener('click', (e) => {
  const tr = e.target.closest('tr[data-seq]');
  if (tr) showDetail(Number(tr.dataset.seq));
});

const stream = new EventSource('/qa/stream');
stream.addEventListener('backlog', (e) => {
  records = JSON.parse(e.data);
  connection.textContent = 'live';
  connection.classList.add('on');
  refreshChoices();
  render();
});
stream.addEventListener('message', (e) => {
  const record = JSON.parse(e.data);
  records.push(record);
  if (records.length > KEPT) records.shift();
  refreshChoices();
  render(record.seq);
});
stream.addEventListener('error', () => {
  // EventSource reconnects by itself; the backlog then replaces the list.
  connection.textContent = 'reconnecting…';
  connection.classList.remove('on');
});
