import { attempt } from '../src/attempt.js';
import { formatMoney } from './money.js';

/** A number as the API or an attribute may give it (1299, "1299.00"); anything that is not a finite number gives
 *  undefined. */
export function toAmount(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/** A locale as some platforms write it (`en_US`, `en_US.UTF-8`) as the language tag Intl reads (`en-US`). */
export const languageTag = (locale: string): string => locale.split(/[.@]/)[0]!.replace(/_/g, '-');

/**
 * Formats amounts: with the store's money format when it has one, else for the locale and currency. A locale Intl
 * refuses gives the browser's, so the price keeps its currency. A bad currency falls back to plain.
 */
export function priceFormatter(locale: string | undefined, currency: string, moneyFormat?: string): (amount: number) => string {
  const tag = locale && languageTag(locale);
  // US dollars on a page in English (en, en-US, en_US) are written by the money format "${{amount}}": for prices (from
  // 0 to 10^15, whole cents) the text Intl writes ("$1,234.50"), without the page's first Intl.NumberFormat, which
  // loads the browser's locale data (20-30 ms of the main thread at 1x CPU) while the cards wait. A negative amount
  // reads "$-5.00" (Intl: "-$5.00"). No locale (undefined) is no English one.
  if (moneyFormat || (currency == 'USD' && /^en(-us)?$/i.test(tag!))) return (amount) => formatMoney(moneyFormat || '${{amount}}', amount);
  const make = (tag?: string) => attempt(() => new Intl.NumberFormat(tag, { style: 'currency', currency }));
  const format = make(tag) ?? make();
  return format ? (amount) => format.format(amount) : (amount) => amount.toLocaleString();
}

/** The discount in whole percent when the full price is higher, else undefined. */
export const discountPercent = (price: number | undefined, fullPrice: number | undefined): number | undefined =>
  price !== undefined && fullPrice !== undefined && fullPrice > price && fullPrice > 0
    ? Math.round((1 - price / fullPrice) * 100)
    : undefined;
