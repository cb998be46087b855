/**
 * Runs `fn` while holding a lock shared by every tab of this origin (Web Locks API), so two tabs loading at the same
 * moment do not both take the same stored events. Without the API, `fn` runs at once: it reads and rewrites storage
 * synchronously, which leaves only a tiny window between tabs.
 */
export function withLock<T>(name: string, fn: () => T): Promise<T> {
  const locks = globalThis.navigator?.locks;
  if (locks) return locks.request(name, fn).catch(() => fn());
  return Promise.resolve().then(fn);
}
