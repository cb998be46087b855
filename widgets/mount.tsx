// The DOM edge of the widgets: finds the placeholders, renders them for each response, records clicks.
import { attempt } from '../src/attempt.js';
import { h, render } from 'preact';
import type { Datacue, RecommendationsResponse } from '../src/types.js';
import { expected, say, safely } from '../src/log.js';
import { ID_KEY } from '../src/identity.js';
import { PLACEHOLDER_SELECTOR, readSpec, type WidgetSpec } from './placeholders.js';
import { priceFormatter } from './format.js';
import { texts } from './titles.js';
import { Widget } from './widget.js';
import { clickSubtype, sections, type WidgetPageType } from './model.js';
import { readSettings } from './settings.js';
import { isObject } from '../src/normalize.js';
import { isMoneyFormat, MONEY_FORMAT } from './money.js';
import { applyCustomStyles, EDITOR_RELOAD, EDITOR_UPDATED, storeConfig } from './editor.js';
import { keptHeight, parseMemory, remember, reserveHeight, type Memory } from './reserve.js';
import css from './styles.css';

export interface MountOptions {
  /** Where to look for placeholders (default: the document). */
  root?: ParentNode;
  /** ISO 4217 code of the store's prices, unless a placeholder or an ancestor sets `data-dc-currency`. Default USD. */
  currency?: string;
  /** Locale for prices and titles (default: the page's `lang`, else the browser's). */
  locale?: string;
  /** How prices are written, as `options.money_format` of `datacueConfig` (which the script tags read instead). */
  moneyFormat?: string;
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

/** Mounted widgets. */
export interface Mounted {
  /**
   * A tracker's `page()` that, while the widgets are mounted, also tells them a single-page storefront's new route is
   * in place: its placeholders hold their boxes and show the static banner at once, as a page load's do.
   */
  routing(send: Datacue['page']): Datacue['page'];
  unmount(): void;
}

// Each placeholder's last layout, per page type, for this browsing session; blocked storage means no memory.
const MEMORY_KEY = 'datacue_layout';
const load = (): Memory => parseMemory(attempt(() => sessionStorage.getItem(MEMORY_KEY)));
// Blocked or full: the next page reserves from the ratios alone.
const save = (memory: Memory) => attempt(() => sessionStorage.setItem(MEMORY_KEY, JSON.stringify(memory)));

/**
 * Records a click on a product (with the section it was shown in) or a personalised banner: deferred, so the
 * navigation it starts is never delayed. The dashboard's preview records nothing.
 */
function recorder(datacue: Tracker, preview: () => boolean) {
  return (e: MouseEvent) => {
    if ((e.type === 'auxclick' && e.button !== 1) || preview()) return; // only the middle button opens a link
    const target = (e.target as Element | null)?.closest?.('[data-dc-product],[data-dc-banner]');
    if (!target) return;
    const product = target.getAttribute('data-dc-product');
    const event = product
      ? ({ type: 'click', subtype: clickSubtype(target.closest('[data-dc-section]')?.getAttribute('data-dc-section')), product_id: product } as const)
      : ({ type: 'click', subtype: 'banner', banner_id: target.getAttribute('data-dc-banner')! } as const);
    datacue.track(event, true).catch(() => null);
  };
}

/**
 * Renders every placeholder now and again for each page's recommendations (a single-page storefront's new route
 * re-renders in place). Only where there is a document: its callers check (server-side rendering).
 */
export function mount(datacue: Tracker, options: MountOptions = {}): Mounted {
  let page: { page_type: WidgetPageType; response: RecommendationsResponse | null; failed?: boolean } | undefined;
  // A single-page storefront's route: its page type, and while its new placeholders are drawn, those that stay.
  let routeType: unknown;
  let keep: Set<HTMLElement> | undefined;
  let stop = () => {};
  const mounted = new Set<HTMLElement>();
  const record = recorder(datacue, () => page?.page_type === 'editor preview');
  // Each problem once per page, however often the widgets re-render.
  const reported = new Set<string>();
  const report = (problem: string) => {
    if (reported.has(problem)) return;
    reported.add(problem);
    say('warn', problem);
  };
  // Building an Intl.NumberFormat is the costly part of formatting: one per locale and currency, kept across renders.
  const formatters = new Map<string, (amount: number) => string>();
  const formatter = (locale: string, currency: string, moneyFormat?: string) => {
    const key = `${locale}|${currency}|${moneyFormat}`;
    let format = formatters.get(key);
    if (!format) formatters.set(key, (format = priceFormatter(locale, currency, moneyFormat)));
    return format;
  };
  // `true.nonce` is undefined too.
  const nonce = () => (options.styles as { nonce?: string } | undefined)?.nonce;
  const language = () => options.locale || document.documentElement.lang || navigator.language;
  /** The page's money format: the dashboard's, else the store's config (a bad one reported and ignored). */
  const pageFormat = (dashboard?: string) => {
    const own = options.moneyFormat ?? storeConfig().moneyFormat;
    if (dashboard || own === undefined) return dashboard;
    if (isMoneyFormat(own)) return own;
    report(expected('options.money_format', MONEY_FORMAT, own, 'ignored'));
  };
  /** How one placeholder's prices are written: the placeholder's own format or currency, then the page's format, then
   *  the store's currency. */
  const money = (el: Element, spec: WidgetSpec, locale: string, format: string | undefined) => {
    const currency = el.closest('[data-dc-currency]')?.getAttribute('data-dc-currency');
    return [locale, currency || options.currency || 'USD', spec.kind === 'products' && spec.moneyFormat ? spec.moneyFormat : currency ? undefined : format] as const;
  };
  let warming = false;

  // Boxes held before the answer (placeholder → px), released once the answer is drawn.
  const held = new Map<HTMLElement, number>();
  const holdAt = (el: HTMLElement, px: number) => {
    held.set(el, px);
    el.style.minHeight = `${px}px`;
  };
  const unhold = (el: HTMLElement) => held.delete(el) && (el.style.minHeight = '');
  // A box that kept blank space in view after its answer (smaller than the box, or none) gives it up once the shopper
  // has scrolled it out of view (DESIGN.md §7: an empty answer collapses its box outside the viewport): below the window
  // that moves nothing in view; above it, only where the browser's scroll anchoring keeps the view still (not Safari
  // before 27), else once it is below the window.
  // Made for the first such box: a page whose answers fill their boxes never builds it.
  let away: IntersectionObserver | undefined;
  const watchAway = (el: HTMLElement) =>
    (away ??= new IntersectionObserver((entries) =>
      entries.forEach(({ target, isIntersecting, boundingClientRect }) => {
        if (isIntersecting || (boundingClientRect.top < 0 && !CSS.supports('overflow-anchor', 'auto'))) return;
        away!.unobserve(target);
        unhold(target as HTMLElement);
      }),
    )).observe(el);
  const root = options.root ?? document;
  const all = () => [...root.querySelectorAll<HTMLElement>(PLACEHOLDER_SELECTOR)];
  /**
   * Runs `fn` with each placeholder of `els` (and what it asks for, its problems reported once per page), but those
   * kept as they are; a problem with one is reported and leaves the others be.
   */
  const each = (els: HTMLElement[], fn: (el: HTMLElement, spec: WidgetSpec, i: number) => void) =>
    els.forEach((el, i) =>
      safely(() => {
        if (!keep?.has(el)) fn(el, readSpec((name) => el.getAttribute(name), report), i);
      }),
    );
  // A page without a page type ("undefined|0") is one more kind of page. While a new route is drawn, its own type;
  // otherwise the type of the answer drawn (so a route's type never outlives its route).
  const keyOf = (i: number) => `${(keep ? routeType : page?.page_type) ?? storeConfig().pageType}|${i}`;

  /** Before the answer, each placeholder holds the box it will fill: from its ratios, or as it was last time. */
  const hold = () => {
    const memory = load();
    const els = all();
    // Every read before any write: one layout. A border-box placeholder's min-height holds its padding and border too.
    const boxes = els.map((el) => {
      const s = getComputedStyle(el);
      const frame = s.boxSizing[0] == 'b' ? parseFloat(s.paddingTop) + parseFloat(s.paddingBottom) + parseFloat(s.borderTopWidth) + parseFloat(s.borderBottomWidth) : 0;
      return [el.getBoundingClientRect().width, frame] as const;
    });
    each(els, (el, spec, i) => {
      const [width, frame] = boxes[i]!;
      holdAt(el, reserveHeight(spec, width, innerWidth, memory[keyOf(i)], innerHeight, frame));
      // A page's first Intl.NumberFormat costs 20-45 ms at 1x CPU (its locale data is loaded): built while the
      // answer is on its way rather than after it, for prices no money format known yet writes; after the page's
      // first frame, so that it never delays that. Decided once per page, by its first products placeholder: for US
      // dollars in English priceFormatter builds none, so a later placeholder in another currency, or a locale the
      // dashboard's answer brings, builds the page's first when the answer is drawn (rare; noted in the README).
      if (warming || spec.kind !== 'products') return;
      const [locale, currency, format] = money(el, spec, language(), pageFormat());
      warming = true;
      if (!format) requestAnimationFrame(() => setTimeout(formatter, 0, locale, currency));
    });
  };

  /** The answer is drawn: remember each placeholder's height, and give up what it does not need but the part the
   *  shopper sees. */
  const settle = (els: HTMLElement[], boxes: DOMRect[], scrolled: number) => {
    // Stored only with the shopper's consent: with an answer (none comes without it), or with none (the API's 204 for
    // a page it has nothing for) while the tracker keeps the visitor's id (a denial deletes it before this runs). Not
    // after a failure, which says nothing of what the next page of its type gets.
    const allowed = page?.response || (!page?.failed && attempt(() => document.cookie.includes(ID_KEY + '=')));
    let memory = load();
    // While the boxes are measured without their held height, a spacer keeps the document as tall as what the window
    // shows: shorter, the browser would pull the view back up from where the shopper has scrolled to. Where the window
    // ends is read with the answers drawn and the boxes still held (that layout applies the browser's scroll anchoring
    // for boxes above the window that grew). None at the top of the page (`scrolled`, read before the draw): nothing to
    // pull back, no layout forced for it, and a page that fits the window gets no scrollbar while it is measured. Not
    // a style of <html> or <body>: a change there stops scroll anchoring, which keeps the view still when a box above
    // the window changes height. A box whose end is in the window but not its top, and the elements that hold it (a
    // store's section, its <main>), are no anchor for that layout: the browser anchors to what the shopper sees after
    // them, so an answer taller than the box grows it above the window instead of pushing that down (the box, or an
    // element holding it, as the anchor would keep its top still). A box wholly above the window is left alone: the
    // browser finds what is in view inside the elements holding it. Anchoring is back before the boxes are measured.
    const straddling = els.filter((el, i) => held.has(el) && boxes[i]!.top < 0 && boxes[i]!.bottom > 0);
    const anchoring = (value: string) =>
      straddling.forEach((el) => {
        for (let a: HTMLElement | null = el; a && a != document.body; a = a.parentElement) a.style.overflowAnchor = value;
      });
    anchoring('none');
    const y = scrolled && scrollY;
    anchoring('');
    const spacer = y ? document.documentElement.appendChild(document.createElement('i')) : undefined;
    if (spacer) spacer.style.cssText = `position:absolute;top:${y + innerHeight - 1}px;width:1px;height:1px`;
    try {
      els.forEach((el) => held.has(el) && (el.style.minHeight = ''));
      // The height as its min-height is held: in the placeholder's box-sizing (a store's padding and border on it are
      // counted once). Not rendered ("auto"): NaN, which holds nothing and is read back as no memory.
      const heights = els.map((el) => [el.offsetWidth, parseFloat(getComputedStyle(el).height)] as const);
      els.forEach((el, i) => {
        const [w, h] = heights[i]!;
        memory = remember(memory, keyOf(i), { w, h });
        const kept = keptHeight(boxes[i]!.top, held.get(el) ?? 0, innerHeight);
        // Still held, so that a later draw of the page (the answer came while it was parsed) measures the content
        // without it, and does not remember the blank space kept as the placeholder's height.
        if (kept > h) {
          holdAt(el, kept);
          watchAway(el);
        } else held.delete(el);
      });
    } finally {
      spacer?.remove();
    }
    if (allowed) save(memory);
  };

  /** Draws the answer (none yet on a new route) into every placeholder but those kept as they are. */
  const draw = () => {
    const current = keep ? undefined : page;
    const lang = language();
    const response = current?.response;
    const settings = readSettings(response?.['config'], report);
    const locale = settings.locale || lang;
    const format = pageFormat(settings.moneyFormat);
    // Products already shown higher on the page, in the order placeholders render.
    const seen = new Set<string>();
    if (!current) hold();
    // A card or banner in focus that the new answer no longer has: focus stays in its placeholder (on its first link)
    // instead of falling to the page.
    const focused = document.activeElement;
    const host = focused?.closest(PLACEHOLDER_SELECTOR);
    const els = all();
    const boxes = els.map((el) => el.getBoundingClientRect());
    const scrolled = scrollY;
    each(els, (el, spec, i) => {
      if (spec.kind === 'invalid') report(spec.problem);
      const price = money(el, spec, locale, format);
      const view = {
        texts: texts(lang),
        // Built on the first price drawn: a first Intl.NumberFormat costs tens of ms, never before a banner.
        price: (amount: number) => formatter(...price)(amount),
        id: `dc${i}`,
        fields: settings.fields,
        button: settings.button,
        eager: boxes[i]!.top < innerHeight && boxes[i]!.bottom >= 0,
      };
      const shown = current && spec.kind === 'products' ? sections(response, current.page_type, spec, settings, seen, report) : [];
      if (!mounted.has(el)) {
        // One delegated listener per placeholder, for plain, modified and middle clicks.
        el.addEventListener('click', record as EventListener);
        el.addEventListener('auxclick', record as EventListener);
        mounted.add(el);
      }
      render(<Widget spec={spec} response={response} sections={shown} view={view} />, el);
    });
    if (host && !focused!.isConnected) host.querySelector<HTMLElement>('[href]')?.focus();
    if (current) safely(() => settle(els, boxes, scrolled));
  };

  /** The dashboard's custom styles (a preview may change them), then the widgets. */
  const drawWithStyles = () => {
    applyCustomStyles(storeConfig().customStyles, nonce());
    draw();
  };

  const start = () =>
    safely(() => {
      drawWithStyles();
      document.addEventListener(EDITOR_UPDATED, preview);
      document.addEventListener(EDITOR_RELOAD, preview);
    });

  // The dashboard's preview hands over a response (with its `config`) to draw, or asks to draw the last one again.
  const preview = (e: Event) =>
    safely(() => {
      const detail = (e as CustomEvent<unknown>).detail;
      if (e.type === EDITOR_UPDATED) {
        if (!isObject(detail)) return report(expected(`${EDITOR_UPDATED} detail`, 'a response object', detail, 'ignored'));
        page = { page_type: 'editor preview', response: detail as RecommendationsResponse };
      }
      drawWithStyles();
    });

  safely(() => {
    if (options.styles ?? true) injectStyles(nonce());
  });
  // From the start, not once the page is parsed: an answer that arrives while the page is parsed is drawn at once
  // into the placeholders parsed so far (and into later ones as they arrive).
  safely(() => {
    stop = datacue.onRecommendations((next) => {
      page = next;
      draw();
    });
  });
  if (document.readyState === 'loading') {
    // While the page is parsed, draw each placeholder as it arrives (its box held, the static banner's image asked
    // for at once: often the page's largest paint): the browser may paint a part of the page before the end of
    // parsing. Then draw again as soon as the document is parsed, before the page's deferred scripts
    // (DOMContentLoaded waits for them).
    const watch = new MutationObserver(() => all().length > mounted.size && safely(draw));
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

  /** One placeholder as it was before the widgets: no listeners, no content, no held box. */
  const release = (el: HTMLElement) => {
    el.removeEventListener('click', record as EventListener);
    el.removeEventListener('auxclick', record as EventListener);
    render(null, el);
    unhold(el);
    mounted.delete(el);
  };

  // Unmounted widgets draw no route.
  let live = true;
  /** A single-page storefront's new route is in place (its answer on its way). */
  const route = (config: unknown) =>
    live &&
    safely(() => {
      // Read quietly: the tracker's page() reports a config it cannot read.
      routeType = attempt(() => (config as { page_type?: unknown }).page_type);
      // The last route's placeholders, gone with its view, are let go.
      mounted.forEach((el) => el.isConnected || release(el));
      // The new ones hold their boxes and show the static banner; those that stay (a layout's) keep what they show
      // until the route's answer.
      keep = new Set(mounted);
      try {
        draw();
      } finally {
        keep = undefined;
      }
    });

  return {
    routing: (send) => (config) => {
      // The request leaves first; its answer comes after this draw in any case.
      const sent = send(config);
      route(config);
      return sent;
    },
    unmount: () =>
      safely(() => {
        live = false;
        stop();
        away?.disconnect();
        document.removeEventListener(EDITOR_UPDATED, preview);
        document.removeEventListener(EDITOR_RELOAD, preview);
        mounted.forEach(release);
      }),
  };
}
