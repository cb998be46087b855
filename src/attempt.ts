/** Runs `fn`, turning a throw into undefined: for browser APIs that may be blocked (cookies, storage). */
export function attempt<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    // undefined, by falling off the end
  }
}
