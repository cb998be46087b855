// Small HTTP helpers: cookies, form bodies, redirects.

/** Cookie name → decoded value; a value that does not decode is left out rather than trusted half-way. */
export function parseCookies(header = '') {
  const out = {};
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    try {
      out[part.slice(0, eq).trim()] = decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      /* malformed escape: ignore this cookie */
    }
  }
  return out;
}

const DAY = 24 * 60 * 60;

/** A first-party cookie for the whole store; `value` null deletes it. */
export const cookie = (name, value, { httpOnly = false, days = 30 } = {}) =>
  [
    `${name}=${value === null ? '' : encodeURIComponent(value)}`,
    'Path=/',
    'SameSite=Lax',
    `Max-Age=${value === null ? 0 : days * DAY}`,
    ...(httpOnly ? ['HttpOnly'] : []),
  ].join('; ');

/** The text of a request body; a body over `limit` characters is read, dropped and refused (413). */
export function readBody(req, limit = 16 * 1024) {
  return new Promise((resolve, reject) => {
    let text = '';
    let size = 0;
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size <= limit) text += chunk;
    });
    req.on('end', () => {
      if (size > limit) reject(Object.assign(new Error('body too large'), { status: 413 }));
      else resolve(text);
    });
    req.on('error', reject);
  });
}

/** The fields of a urlencoded form body (413 when too large). */
export const readForm = async (req, limit) => Object.fromEntries(new URLSearchParams(await readBody(req, limit)));

/** Only a path of this store: never another origin (`//host`, `/\host`) after log in. */
export const localPath = (value) => (typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : '/');
