// Where the outbox lives: IndexedDB, whose readwrite transactions are serialized and consistent across tabs (unlike
// localStorage, which Chromium hands to other tabs' processes asynchronously). Memory when it is missing or blocked.
import type { Entry, Store } from './outbox.js';
import { attempt } from './attempt.js';

/** The same transactions over a Map: the fallback for this page alone, and the tests' shared store. */
export function memoryStore(map = new Map<string, Entry>()): Store {
  return {
    async tx(fn) {
      // Copies in and out, as IndexedDB's structured clone does.
      return fn(
        [...map.values()].map((e) => ({ ...e })),
        (e) => map.set(e.id, { ...e }),
        (id) => map.delete(id),
      );
    },
  };
}

export const DB_NAME = 'datacue';
/** localStorage key set while the database may hold events (outbox.ts `mark`): without it a page never loads the outbox. */
export const HINT = 'datacue_o';

export function idbStore(): Store {
  const memory = memoryStore();
  let closed = false;
  const db = new Promise<IDBDatabase | void>((done) => {
    const open = attempt(() => indexedDB.open(DB_NAME, 1));
    if (!open) return done();
    open.onupgradeneeded = () => open.result.createObjectStore('outbox', { keyPath: 'id' });
    open.onsuccess = () => {
      // Consent withdrawn or forget() (in any tab) deletes the database: let it go, and carry on in memory.
      open.result.onversionchange = () => {
        closed = true;
        open.result.close();
      };
      done(open.result);
    };
    open.onerror = open.onblocked = () => done();
  });
  return {
    tx: (fn) =>
      db.then((d) =>
        d && !closed
          ? new Promise((done, fail) => {
              const t = d.transaction('outbox', 'readwrite');
              const s = t.objectStore('outbox');
              const all = s.getAll();
              let result: ReturnType<typeof fn>;
              all.onsuccess = () => {
                result = fn(all.result, (e) => s.put(e), (id) => s.delete(id));
              };
              t.oncomplete = () => done(result);
              t.onerror = t.onabort = () => fail(t.error);
            })
          : memory.tx(fn),
      ),
  };
}
