// Real HTTP servers on 127.0.0.1 for browser tests: the store's pages and a stand-in for the events API.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';

export const ROOT = resolve(import.meta.dirname, '../..');

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

function listen(server: Server): Promise<string> {
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => done(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

const close = (server: Server) =>
  new Promise<void>((done) => {
    server.closeAllConnections();
    server.close(() => done());
  });

export interface Site {
  url: string;
  /** Adds or replaces a page; `headers` lets a test set e.g. a Content-Security-Policy. */
  page(path: string, html: string, headers?: Record<string, string>): string;
  close(): Promise<void>;
}

/** Serves the given pages, plus `/dist/*` and `/node_modules/*` from the repository (the real built files). */
export async function startSite(): Promise<Site> {
  const pages = new Map<string, { html: string; headers: Record<string, string> }>();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const page = pages.get(path);
    if (page) {
      res.writeHead(200, { 'content-type': TYPES['.html']!, 'cache-control': 'no-store', ...page.headers });
      res.end(page.html);
      return;
    }
    const file = normalize(join(ROOT, path));
    if ((path.startsWith('/dist/') || path.startsWith('/node_modules/')) && file.startsWith(ROOT)) {
      try {
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
        res.end(body);
        return;
      } catch {
        /* falls through to 404 */
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  const url = await listen(server);
  return {
    url,
    page(path, html, headers = {}) {
      pages.set(path, { html, headers });
      return url + path;
    },
    close: () => close(server),
  };
}

export interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The parsed body, or undefined when it was not JSON. */
  json: any;
  /** When it arrived (ms since epoch). */
  at: number;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Decides the answer to one POST; return undefined for the default (204). */
export type Responder = (request: Received, index: number) => Reply | undefined;

export interface EventsApi {
  url: string;
  /** Every POST received, in order (preflights are answered but not recorded). */
  received: Received[];
  respond(responder: Responder): void;
  /** Resolves once `count` POSTs have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': 'Content-Type, Authorization',
  'access-control-expose-headers': 'Retry-After',
};

/** A stand-in for https://events.datacue.co/: answers CORS preflights and records every event. */
export async function startEventsApi(): Promise<EventsApi> {
  const received: Received[] = [];
  let responder: Responder = () => undefined;
  const waiters = new Set<() => void>();
  const server = createServer((req, res) => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS);
      res.end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
      const request: Received = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, json, at: Date.now() };
      received.push(request);
      const reply = responder(request, received.length - 1) ?? { status: 204 };
      const payload = reply.body === undefined ? '' : JSON.stringify(reply.body);
      res.writeHead(reply.status, {
        ...CORS,
        ...(payload ? { 'content-type': 'application/json' } : {}),
        ...reply.headers,
      });
      res.end(payload);
      waiters.forEach((w) => w());
    });
  });
  const url = (await listen(server)) + '/';
  return {
    url,
    received,
    respond(r) {
      responder = r;
    },
    waitFor(count, timeoutMs = 10_000) {
      return new Promise((done, fail) => {
        const check = () => {
          if (received.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          done(received.slice());
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          fail(new Error(`expected ${count} events, got ${received.length}: ${received.map((r) => r.body).join('\n')}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => close(server),
  };
}
