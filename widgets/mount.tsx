// The DOM edge of the widgets: finds the placeholders, renders them for each response, records clicks.
import { render } from 'preact';
import type { Datacue, PageRecommendations } from '../src/types.js';
import { say, safely } from '../src/log.js';
import { PLACEHOLDER_SELECTOR, readSpec } from './placeholders.js';
import { priceFormatter } from './format.js';
import { texts } from './titles.js';
import { Widget } from './widget.js';
import { AboveFold } from './components.js';
import { mayShrink, parseMemory, remember, reserveHeight, type Memory } from './reserve.js';
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

// Each placeholder's last layout, per page type, for this browsing session; blocked storage means no memory.
const MEMORY_KEY = 'datacue_layout';
const load = (): Memory => {
  try {
    return parseMemory(sessionStorage.getItem(MEMORY_KEY));
  } catch {
    return {};
  }
};
const save = (memory: Memory) => {
  try {
    sessionStorage.setItem(MEMORY_KEY, JSON.stringify(memory));
  } catch {
    // blocked or full: the next page reserves from the ratios alone
  }
};

/** The page type before its answer: from the page's config, read defensively (it may be a throwing Proxy). */
function configuredPageType(): string {
  try {
    return String((window as { datacueConfig?: { page_type?: unknown } }).datacueConfig?.page_type ?? '');
  } catch {
    return '';
  }
}

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
  const mounted = new Set<HTMLElement>();
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

  // Boxes held before the answer (placeholder → px), released once the answer is drawn.
  const held = new Map<HTMLElement, number>();
  const root = options.root ?? document;
  const all = () => Array.from(root.querySelectorAll<HTMLElement>(PLACEHOLDER_SELECTOR));
  const keyOf = (i: number) => `${page?.page_type ?? configuredPageType()}|${i}`;

  /** Before the answer, each placeholder holds the box it will fill: from its ratios, or as it was last time. */
  const hold = () => {
    if (page) return;
    const memory = load();
    const els = all();
    const widths = els.map((el) => el.getBoundingClientRect().width); // every read before any write: one layout
    els.forEach((el, i) =>
      safely(() => {
        const h = reserveHeight(readSpec((name) => el.getAttribute(name)), widths[i]!, innerWidth, memory[keyOf(i)]);
        held.set(el, h);
        el.style.minHeight = h ? `${h}px` : '';
      }),
    );
  };

  /** The answer is drawn: remember each placeholder's height, and give up what it does not need unless that would
   *  move what the shopper sees. */
  const settle = (els: HTMLElement[], tops: number[]) => {
    let memory = load();
    els.forEach((el) => held.has(el) && (el.style.minHeight = ''));
    const heights = els.map((el) => [el.offsetWidth, el.offsetHeight] as const);
    els.forEach((el, i) => {
      const [w, h] = heights[i]!;
      memory = remember(memory, keyOf(i), { w, h });
      const reserved = held.get(el);
      held.delete(el);
      if (reserved && !mayShrink(tops[i]!, h, reserved, innerHeight)) el.style.minHeight = `${reserved}px`;
    });
    save(memory);
  };

  const draw = () => {
    const locale = options.locale || document.documentElement.lang || navigator.language;
    hold();
    const els = all();
    const boxes = els.map((el) => el.getBoundingClientRect());
    els.forEach((el, i) =>
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
        const box = boxes[i]!;
        render(
          <AboveFold.Provider value={box.top < innerHeight && box.bottom >= 0}>
            <Widget spec={spec} page={page} view={view} />
          </AboveFold.Provider>,
          el,
        );
      }),
    );
    if (page) safely(() => settle(els, boxes.map((b) => b.top)));
  };

  const start = () =>
    safely(() => {
      draw();
      stop = datacue.onRecommendations((next) => {
        page = next;
        draw();
      });
    });

  safely(() => {
    const styles = options.styles ?? true;
    if (styles) injectStyles(styles === true ? undefined : styles.nonce);
  });
  if (document.readyState === 'loading') {
    // While the page is parsed, hold each placeholder's box as it arrives: the browser may paint a part of the page
    // before the end of parsing. Then draw as soon as the document is parsed, before the page's deferred scripts
    // (DOMContentLoaded waits for them).
    const watch = new MutationObserver(() => all().length > held.size && safely(hold));
    watch.observe(document, { childList: true, subtree: true });
    document.addEventListener(
      'readystatechange',
      () => {
        watch.disconnect();
        start();
      },
      { once: true },
    );
  } else start();

  return () =>
    safely(() => {
      stop();
      mounted.forEach((el) => {
        el.removeEventListener('click', record as EventListener);
        el.removeEventListener('auxclick', record as EventListener);
        render(null, el);
        el.style.minHeight = '';
      });
      mounted.clear();
    });
}
