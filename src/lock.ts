// Liveness of a tab that owns waiting events: a Web Lock it holds while it owns any, released by the browser when
// the tab goes away, so its leases die with it. Held only while owning: most pages never take it.
import type { Entry } from './outbox.js';

const PREFIX = 'datacue:tab:';
// Without Web Locks (or refused) an owner counts as alive until its entry is this late.
const LEASE_MS = 60_000;

export function tabLock(me: string) {
  const locks = navigator.locks;
  let held: Promise<unknown> | undefined;
  let free = () => {};
  return {
    hold: () =>
      (held ||= new Promise<void>((granted) => {
        if (!locks) return granted();
        // Refused (site data blocked, an opaque origin): this tab goes on without, as where there are no Web Locks.
        locks.request(PREFIX + me, () => new Promise<void>((r) => ((free = r), granted()))).catch(granted);
      })),
    release() {
      free();
      held = undefined;
    },
    async live(): Promise<(owner: string, e: Entry) => boolean> {
      const state = await locks?.query().catch(() => undefined);
      // The lease counts from the later of its due time and its taking: a deferred event has no due time.
      if (!state) return (_, e) => Date.now() < Math.max(e.next ?? 0, e.t ?? 0) + LEASE_MS;
      const names = new Set(state.held?.map((l) => l.name));
      return (owner) => names.has(PREFIX + owner);
    },
  };
}
