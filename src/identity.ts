import Cookies from 'js-cookie';
import { nanoid } from 'nanoid';
import { read, write } from './storage';

export const ID_KEY = 'datacue_aid';

function cookie(): string | undefined {
  try {
    return Cookies.get(ID_KEY);
  } catch {
    return undefined;
  }
}

/**
 * The visitor's anonymous id: from the first-party cookie, else its localStorage mirror (a cleared cookie is
 * restored), else a new nanoid. Written back to both; memory serves when both are blocked.
 */
export function anonymousId(): string {
  const id = cookie() || read(ID_KEY) || nanoid();
  try {
    Cookies.set(ID_KEY, id, { expires: 365, sameSite: 'Lax', secure: location.protocol === 'https:', path: '/' });
  } catch {
    /* cookies blocked: storage or memory keeps it */
  }
  write(ID_KEY, id);
  return id;
}
