// The one place that talks to the network.

export interface Reply {
  /** HTTP status, or 0 when the request never got an answer. */
  status: number;
  data?: unknown;
  retryAfter?: string | null;
}

// Browsers refuse keepalive bodies over 64 KiB in total.
const KEEPALIVE_MAX = 60_000;

/** POSTs one envelope. keepalive lets the request finish when the shopper navigates away meanwhile. */
export async function post(url: string, auth: string, body: string): Promise<Reply> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: auth },
      body,
      keepalive: body.length < KEEPALIVE_MAX,
    });
    const text = await res.text();
    let data: unknown = text || null;
    try {
      data = JSON.parse(text);
    } catch {
      /* empty or not JSON: keep the text, it may be an error message */
    }
    return { status: res.status, data, retryAfter: res.headers.get('Retry-After') };
  } catch {
    // No answer, or the connection broke while reading it: both are network failures.
    return { status: 0 };
  }
}
