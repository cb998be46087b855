// The DOM edge of the widgets: finds the placeholders, renders them for each response, records clicks.
import { render } from 'preact';
import type { Datacue, PageRecommendations } from '../src/types.js';
import { say, safely } from '../src/log.js';
import { PLACEHOLDER_SELECTOR, readSpec } from './placeholders.js';
import { priceFormatter } from './format.js';
import { texts } from './titles.js';
import { Widget } from './widget.js';
import css from './styles.css';

export interface MountOptions {
  /** Where to look for placeholders (default: the document). */
  root?: ParentNode;
  /** ISO 4217 code of the store's prices, unless a placeholder or an ancestor sets `data-dc-currency`. Default USD. */
  currency?: string;
  /** Locale for prices and titles (default: the page's `lang`, else the browser's). */
  locale?: string;
  /** Inject the widgets' CSS as a <style> element (default true); `nonce` for a Content-Security-Policy. */
  styles?: boolean | { nonce: string };
}

const STYLE_ID = 'dc-styles';

/** Adds the stylesheet once, unless the store links datacue-storefront.css itself (strict CSP without nonce). */
export function injectStyles(nonce?: string): void {
  if (document.getElementById(STYLE_ID) || document.querySelector('link[rel=stylesheet][href*="datacue-storefront"]')) return;
  const style = document.createElement('style');
  style.id = STYLE_ID;
  if (nonce) style.nonce = nonce;
  style.textContent = css;
  document.head.appendChild(style);
}

type Tracker = Pick<Datacue, 'onRecommendations' | 'track'>;

/** Records a click on a product or personalised banner: deferred, so the navigation it starts is never delayed. */
function recorder(datacue: Tracker) {
  return (e: MouseEvent) => {
    if (e.type === 'auxclick' && e.button !== 1) return; // only the middle button opens a link
    const target = (e.target as Element | null)?.closest?.('[data-dc-product],[data-dc-banner]');
    if (!target) return;
    const product = target.getAttribute('data-dc-product');
    const event = product
      ? ({ type: 'click', subtype: 'product', product_id: product } as const)
      : ({ type: 'click', subtype: 'banner', banner_id: target.getAttribute('data-dc-banner')! } as const);
    datacue.track(event, true).catch(() => null);
  };
}

/**
 * Renders every placeholder now and again for each page's recommendations (a single-page storefront's new route
 * re-renders in place). Returns a function that unmounts them.
 */
export function mountWidgets(datacue: Tracker, options: MountOptions = {}): () => void {
  if (typeof document === 'undefined') return () => {}; // server-side rendering: nothing to fill
  let page: PageRecommendations | undefined;
  let stop = () => {};
  const mounted = new Set<Element>();
  const record = recorder(datacue);
  const reported = new Set<string>();
  // Building an Intl.NumberFormat is the costly part of formatting: one per locale and currency, kept across renders.
  const formatters = new Map<string, (amount: number) => string>();
  const formatter = (locale: string, currency: string) => {
    const key = `${locale}|${currency}`;
    let format = formatters.get(key);
    if (!format) formatters.set(key, (format = priceFormatter(locale, currency)));
    return format;
  };

  const draw = () => {
    const root = options.root ?? document;
    const locale = options.locale || document.documentElement.lang || navigator.language;
    root.querySelectorAll(PLACEHOLDER_SELECTOR).forEach((el, i) =>
      safely(() => {
        const spec = readSpec((name) => el.getAttribute(name));
        if (spec.kind === 'invalid' && !reported.has(spec.problem)) {
          reported.add(spec.problem);
          say('warn', spec.problem);
        }
        const currency = el.closest('[data-dc-currency]')?.getAttribute('data-dc-currency') || options.currency || 'USD';
        const view = { texts: texts(locale), price: formatter(locale, currency), id: `dc${i}` };
        if (!mounted.has(el)) {
          // One delegated listener per placeholder, for plain, modified and middle clicks.
          el.addEventListener('click', record as EventListener);
          el.addEventListener('auxclick', record as EventListener);
          mounted.add(el);
        }
        render(<Widget spec={spec} page={page} view={view} />, el);
      }),
    );
  };

  const start = () =>
    safely(() => {
      const styles = options.styles ?? true;
      if (styles) injectStyles(styles === true ? undefined : styles.nonce);
      draw();
      stop = datacue.onRecommendations((next) => {
        page = next;
        draw();
      });
    });

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();

  return () =>
    safely(() => {
      stop();
      mounted.forEach((el) => {
        el.removeEventListener('click', record as EventListener);
        el.removeEventListener('auxclick', record as EventListener);
        render(null, el);
      });
      mounted.clear();
    });
}
