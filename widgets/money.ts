// Shopify-style money formats ("${{amount}}", "{{amount_with_comma_separator}} €"), as store owners write them in
// the dashboard. The result is text: a format holding markup is refused, never rendered.

const TOKEN = /\{\{\s*(amount(?:_no_decimals)?(?:_with_comma_separator)?)\s*\}\}/g;

/** The format when usable: a string naming at least one amount placeholder and holding no markup. */
export const isMoneyFormat = (value: unknown): value is string =>
  typeof value === 'string' && !/[<>]/.test(value) && new RegExp(TOKEN.source).test(value);

/** What a bad money format gets told: used by every key that can carry one. */
export const MONEY_FORMAT = 'text with {{amount}} or another amount placeholder and no markup';

/** 1134.65 as "1,134.65" (or "1.134,65" with comma separator); no decimals rounds to the unit. */
function amount(value: number, token: string): string {
  const comma = token.endsWith('comma_separator');
  const [whole, cents] = Math.abs(value).toFixed(token.includes('no_decimals') ? 0 : 2).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+$)/g, comma ? '.' : ',');
  return (value < 0 ? '-' : '') + grouped + (cents ? (comma ? ',' : '.') + cents : '');
}

export const formatMoney = (format: string, value: number): string => format.replace(TOKEN, (_, token: string) => amount(value, token));
