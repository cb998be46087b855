/**
 * A URL from the API as something safe to put in href/src: http(s), protocol-relative or relative. Anything else
 * (javascript:, data:, vbscript:, non-strings) gives undefined, so it is rendered as neither link nor image.
 */
export function safeUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  // Browsers ignore tabs, newlines and leading controls in URLs ("java\tscript:"), so judge what they would see.
  const url = value.replace(/[\u0000-\u0020]/g, '');
  if (!url) return undefined;
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(url);
  return !scheme || /^https?$/i.test(scheme[1]!) ? value.trim() : undefined;
}
