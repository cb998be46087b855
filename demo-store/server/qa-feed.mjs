// The QA view's data: the latest records in memory, their one-line summaries, and a Server-Sent Events stream that
// pushes each new record to every open /qa page.

/** Records kept for the QA view (the journal keeps them all). */
export const KEPT_RECORDS = 1000;

/** What a row of the QA list says about the answer: the sections and their sizes, "no content" or the reason. */
export function summarize(record) {
  const { status, response } = record;
  if (status === 204) return 'no content';
  if (status >= 300) return response?.message ?? `HTTP ${status}`;
  return Object.entries(response ?? {})
    .filter(([, v]) => Array.isArray(v))
    .map(([k, v]) => `${k.replace(/_product_skus$/, '')} ${v.length}`)
    .join(' · ');
}

/** A row of the list: everything but the bodies, which the detail view fetches by `seq`. */
const row = (r) => ({
  seq: r.seq,
  at: r.at,
  user_id: r.user_id,
  anonymous_id: r.anonymous_id,
  type: r.type,
  subtype: r.subtype,
  status: r.status,
  size: r.request?.size,
  summary: summarize(r),
});

export function createQaFeed() {
  const records = [];
  const clients = new Set();
  let lastSeq = 0;

  return {
    /** Adds a record (numbering it when new) and returns it. */
    add(record) {
      const numbered = record.seq ? record : { seq: lastSeq + 1, ...record };
      lastSeq = Math.max(lastSeq, numbered.seq);
      records.push(numbered);
      if (records.length > KEPT_RECORDS) records.shift();
      return numbered;
    },
    broadcast(record) {
      const message = `data: ${JSON.stringify(row(record))}\n\n`;
      clients.forEach((res) => res.write(message));
    },
    find: (seq) => records.find((r) => r.seq === seq),
    /** GET /qa/stream: the kept rows first (also on every reconnection), then each new one as it arrives. */
    stream(req, res) {
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store' });
      res.write(`event: backlog\ndata: ${JSON.stringify(records.map(row))}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
    },
    close() {
      clients.forEach((res) => res.end());
      clients.clear();
    },
  };
}
