// Layout shifts as the browser reports them, recorded in the page from its first paint on.
import type { Page } from '@playwright/test';
import { PLACEHOLDER_SELECTOR } from '../../widgets/placeholders';

export interface Shift {
  value: number;
  recentInput: boolean;
  /** The nodes the browser says moved, each as tag.class, and whether it lies inside a widget placeholder. */
  sources: { node: string; inWidget: boolean; afterWidget: boolean; from: number[]; to: number[] }[];
}

declare global {
  interface Window {
    shifts: Shift[];
  }
}

/** Records every layout shift of every page of the context, from the first paint on. */
export async function watchShifts(page: Page) {
  await page.addInitScript((placeholders) => {
    window.shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[] })[]) {
        window.shifts.push({
          value: e.value,
          recentInput: e.hadRecentInput,
          sources: e.sources.map(({ node, previousRect: p, currentRect: c }) => {
            const el = node instanceof Element ? node : node?.parentElement;
            const rect = (r: DOMRectReadOnly) => [r.x, r.y, r.width, r.height].map(Math.round);
            return {
              from: rect(p),
              to: rect(c),
              node: el ? `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).trim().replace(/\s+/g, '.')}` : ''}` : '#text',
              inWidget: !!el?.closest(placeholders),
              // After a placeholder in the document: content a widget could push.
              afterWidget: [...document.querySelectorAll(placeholders)].some(
                (ph) => !!el && !!(ph.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING),
              ),
            };
          }),
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  }, PLACEHOLDER_SELECTOR);
}


/** Waits until what the page changed has been painted: the next frame and the one after it. */
export const painted = (page: Page): Promise<unknown> =>
  page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

/** Layout-shift entries reach observers after the frame that made them: waits for that frame and a moment more. */
export const shiftsReported = async (page: Page): Promise<unknown> => {
  await painted(page);
  return page.waitForTimeout(50);
};
