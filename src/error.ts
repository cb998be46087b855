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
  const d = data as Record<string, unknown> | null;
  const m = typeof data === 'string' ? data : d?.['message'] ?? d?.['error'] ?? d?.['detail'];
  return typeof m === 'string' && m ? m : `HTTP ${status}`;
}
