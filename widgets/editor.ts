// What the widgets read from `window.datacueConfig`, and the dashboard's preview mode (DESIGN.md §7): its custom
// styles and the events by which it hands the page a response to draw.
import { attempt } from '../src/attempt.js';
import { isObject } from '../src/normalize.js';

/** An object of the config as it is; anything else (missing, a list, a string) as an empty one. */
const orEmpty = (v: unknown): Record<string, unknown> => (isObject(v) ? v : {});

/**
 * What the widgets take from the page's config: `page_type` (for the boxes held before the answer),
 * `options.money_format` and `editor.custom_styles`; nothing when it is missing or throws (a Proxy may).
 */
export function storeConfig(): { pageType?: string; moneyFormat?: unknown; customStyles?: unknown } {
  return (
    attempt(() => {
      const config = orEmpty((window as { datacueConfig?: unknown }).datacueConfig);
      return { pageType: String(config['page_type'] ?? ''), moneyFormat: orEmpty(config['options'])['money_format'], customStyles: orEmpty(config['editor'])['custom_styles'] };
    }) ?? {}
  );
}

const STYLE_ID = 'dc-editor-styles';

/** The preview's CSS text as a style element (with the page's nonce), replaced when it changes, removed when gone. */
export function applyCustomStyles(css: unknown, nonce: string | undefined): void {
  let style = document.getElementById(STYLE_ID);
  if (typeof css !== 'string' || !css) return style?.remove();
  if (!style) {
    style = document.createElement('style');
    style.id = STYLE_ID;
    if (nonce) style.nonce = nonce;
    document.head.appendChild(style);
  }
  if (style.textContent !== css) style.textContent = css;
}

export const EDITOR_UPDATED = 'datacue:editor:updated';
export const EDITOR_RELOAD = 'datacue:editor:reload';
