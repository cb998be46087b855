import { expected, type Warn } from './log.js';

// Keys whose values are ids (sent as strings) and amounts (sent as numbers); store templates often get these wrong.
const ID_KEY = /(^|_)ids?$|^variant$/;
const NUMBER_KEY = /^(price|full_price|unit_price|quantity|stock)$/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v == 'object' && v != null && !Array.isArray(v);
export { isObject };

/**
 * Returns a copy of `value` with numeric ids turned into strings and numeric strings in amount fields turned into
 * numbers; each fix, and each amount that is not a number at all (left out), is reported once with its path.
 */
export function normalize(value: unknown, warn: Warn, path = '', key = ''): unknown {
  if (Array.isArray(value)) return value.map((v, i) => normalize(v, warn, `${path}[${i}]`, key));
  if (isObject(value)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value)) out[k] = normalize(value[k], warn, path ? `${path}.${k}` : k, k);
    return out;
  }
  if (typeof value === 'number' && ID_KEY.test(key)) {
    warn(expected(path, 'a string', value, 'sent as one'));
    return String(value);
  }
  if (typeof value === 'string' && NUMBER_KEY.test(key)) {
    const n = +value; // as Number(value) does, two bytes fewer
    const ok = value.trim() != '' && Number.isFinite(n);
    warn(expected(path, 'a number', value, ok ? 'sent as one' : 'left out'));
    return ok ? n : undefined;
  }
  return value;
}
