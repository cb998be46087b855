import Cookies from 'js-cookie';
import { nanoid } from 'nanoid';
import { read, remove, write } from './storage.js';
import { attempt } from './attempt.js';

export const ID_KEY = 'datacue_aid';

/**
 * The visitor's anonymous id: from the first-party cookie, else its localStorage mirror (a cleared cookie is
 * restored), else a new nanoid. Written back to both (js-cookie's default path is /); memory serves when both
 * are blocked.
 */
export function anonymousId(): string {
  const id = attempt(() => Cookies.get(ID_KEY)) || read(ID_KEY) || nanoid();
  attempt(() => Cookies.set(ID_KEY, id, { expires: 365, sameSite: 'Lax', secure: location.protocol === 'https:' }));
  write(ID_KEY, id);
  return id;
}

/** Deletes the cookie and its mirror (consent denied or withdrawn, forget()): the next id is a new one. */
export function forgetAnonymousId(): void {
  attempt(() => Cookies.remove(ID_KEY));
  remove(ID_KEY);
}
