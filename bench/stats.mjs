// Summaries of repeated measurements: the median and the spread (quartiles and extremes) of the finite samples.

const finite = (xs) => xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);

/** The q-quantile of sorted values, linear between neighbours (q = 0.5 is the usual median). */
function quantile(sorted, q) {
  if (!sorted.length) return NaN;
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (i - lo);
}

export const median = (xs) => quantile(finite(xs), 0.5);

/** `{median, q1, q3, min, max, n}` of the samples; NaN figures when none is finite. */
export function summary(xs) {
  const s = finite(xs);
  return { median: quantile(s, 0.5), q1: quantile(s, 0.25), q3: quantile(s, 0.75), min: s[0] ?? NaN, max: s.at(-1) ?? NaN, n: s.length };
}

/** Fisher-Yates on a copy: the order contenders are measured in, drawn again for every run. */
export function shuffled(list, random = Math.random) {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** A small seeded generator (mulberry32), so a fault schedule can be replayed. */
export function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
