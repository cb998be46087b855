/** Why `track()` rejected: the events API refused the event (a 4xx other than those retried), or gave up for now. */
export class DatacueError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'DatacueError';
  }
}

/** The server's own words from an error body: `{message}`, `{error}`, `{detail}` or plain text. */
export function serverMessage(data: unknown, status: number): string {
  if (typeof data === 'string' && data) return data;
  if (data && typeof data === 'object') {
    const d = data as Record<string, unknown>;
    const m = d['message'] ?? d['error'] ?? d['detail'];
    if (typeof m === 'string') return m;
  }
  return `HTTP ${status}`;
}
