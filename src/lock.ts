// Liveness of a tab that owns waiting events: a Web Lock it holds while it owns any, released by the browser when
// the tab goes away, so its leases die with it. Held only while owning: most pages never take it.
import type { Entry } from './outbox.js';

const PREFIX = 'datacue:tab:';
// Without Web Locks an owner counts as alive until its entry is this late.
const LEASE_MS = 60_000;

export function tabLock(me: string) {
  const locks = navigator.locks;
  let held: Promise<unknown> | undefined;
  let free = () => {};
  return {
    hold: () =>
      (held ||= new Promise<void>((granted) => {
        if (!locks) return granted();
        void locks.request(PREFIX + me, () => new Promise<void>((r) => ((free = r), granted())));
      })),
    release() {
      free();
      held = undefined;
    },
    async live(): Promise<(owner: string, e: Entry) => boolean> {
      if (!locks) return (_, e) => Date.now() < (e.next ?? 0) + LEASE_MS;
      const names = new Set((await locks.query()).held?.map((l) => l.name));
      return (owner) => names.has(PREFIX + owner);
    },
  };
}
