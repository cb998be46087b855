import { randomId } from './random-id.js';
import { read, write } from './storage.js';
import { attempt } from './attempt.js';

export const ID_KEY = 'datacue_aid';
const VALID = /^[\w-]{8,64}$/;

/**
 * The visitor's anonymous id: from the first-party cookie, else its localStorage mirror (a cleared cookie is
 * restored), else a new random id. Written back to both (a year, path /, SameSite=Lax, Secure on https); memory
 * serves when both are blocked. Only ids of our own alphabet are read back: the cookie needs no encoding.
 */
export function anonymousId(): string {
  const cookie = attempt(() => document.cookie.match(/\bdatacue_aid=([\w-]+)/)?.[1]);
  const id = [cookie, read(ID_KEY)].find((v) => v && VALID.test(v)) || randomId();
  attempt(() => (document.cookie = `${ID_KEY}=${id}; max-age=31536000; path=/; SameSite=Lax${location.protocol == 'https:' ? '; Secure' : ''}`));
  write(ID_KEY, id);
  return id;
}

/** Deletes the cookie (consent denied or withdrawn, forget()); the tracker deletes its mirror with the other keys. */
export function forgetAnonymousId(): void {
  attempt(() => (document.cookie = `${ID_KEY}=; max-age=0; path=/`));
}
