// What the tracker keeps waiting in a store page: deferred events (localStorage keys) and the IndexedDB outbox.
import { expect, type Page } from '@playwright/test';

export interface Waiting {
  id: string;
  tries?: number;
  next?: number;
  owner?: string;
  inflight?: number;
}

/**
 * Every event waiting, once, with its state: deferred, or stored after a failed attempt (not tombstones). An event the
 * outbox is moving from its localStorage copy into IndexedDB is in both for a moment (the copy goes once the move's
 * transaction is done): it is one event, listed with its IndexedDB state. Two deferred keys of one id stay two.
 */
export const waiting = (page: Page): Promise<Waiting[]> =>
  page.evaluate(async () => {
    const deferred = Object.keys(localStorage)
      .filter((k) => k.startsWith('datacue_d:'))
      .map((k) => ({ id: (JSON.parse(localStorage.getItem(k)!) as { id: string }).id }));
    const db = await new Promise<IDBDatabase>((done, fail) => {
      const open = indexedDB.open('datacue', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('outbox', { keyPath: 'id' });
      open.onsuccess = () => done(open.result);
      open.onerror = () => fail(open.error);
    });
    const all = await new Promise<{ id: string; body?: string }[]>((done) => {
      const q = db.transaction('outbox').objectStore('outbox').getAll();
      q.onsuccess = () => done(q.result);
    });
    db.close();
    const stored = all.filter((e) => e.body).map(({ body: _, ...e }) => e);
    return [...deferred.filter((d) => !stored.some((e) => e.id === d.id)), ...stored];
  });

/**
 * Waits until nothing waits. A delivery is done in the page only after its answer is back and the store is written
 * (a tombstone), which comes after the API has the event and may come after the network fell quiet (`settled`).
 */
export const drained = (page: Page): Promise<void> => expect.poll(() => waiting(page)).toEqual([]);
