// Main-thread time of one library, read from a V8 CPU profile (CDP Profiler, sampling): the self time of every frame
// whose script is the library's, plus the built-in and native frames it called (they carry no URL of their own, so
// they belong to the nearest caller that has one). Idle, "(program)" and GC ticks belong to nobody.

/**
 * @param profile the `profile` of CDP `Profiler.stop`: nodes with callFrame.url and children, samples, timeDeltas (µs)
 * @param owns    whether a script URL is one of the library's files (or the chunks it loads)
 * @returns milliseconds attributed to the library, and the profile's whole span for reference
 */
export function attributedMs(profile, owns) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const ownerCache = new Map();
  const owner = (id) => {
    if (ownerCache.has(id)) return ownerCache.get(id);
    const url = byId.get(id)?.callFrame.url ?? '';
    const p = parent.get(id);
    const result = url ? url : p === undefined ? '' : owner(p);
    ownerCache.set(id, result);
    return result;
  };
  const { samples = [], timeDeltas = [] } = profile;
  let mine = 0;
  // A sample stands for the time until the next one.
  for (let i = 0; i < samples.length; i++) {
    const dt = timeDeltas[i + 1] ?? 0;
    const url = owner(samples[i]);
    if (url && owns(url)) mine += dt;
  }
  return { ms: mine / 1000, spanMs: (profile.endTime - profile.startTime) / 1000 };
}
