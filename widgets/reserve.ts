// How tall a placeholder will be once its answer is drawn, so that it can hold that box before the answer comes
// and nothing below it moves. Pure: the caller measures widths and keeps the remembered layouts.
import { attempt } from '../src/attempt.js';
import type { WidgetSpec } from './placeholders.js';

/** What a placeholder measured after its last answer: its width and the height its content took at that width. */
export interface Remembered {
  w: number;
  h: number;
}

export type Memory = Record<string, Remembered>;

/** Placeholders remembered at most: the least recently drawn are forgotten first. */
export const MEMORY_CAP = 24;

/** The widgets' spacing and the width under which banners stack (keep in step with styles.css). */
const GAP = 16;
const PHONE = 640;

/**
 * The height to hold for a placeholder `width` px wide in a window `viewport` px wide. A remembered answer at the
 * same width is exact. Otherwise banners follow their fixed ratios: the standard layout's first row
 * (narrow | static | narrow, on a phone the wide box over two narrow ones) inside its margins, a slot its banner's
 * ratio. Products: see below; `windowHeight` is the window's. A height not remembered is the content's: `frame` is
 * added to it, the padding and border that the placeholder's min-height holds as well (border-box).
 */
export function reserveHeight(spec: WidgetSpec, width: number, viewport: number, last?: Remembered, windowHeight = 0, frame = 0): number {
  if (width <= 0) return 0;
  // Products: the last answer's height also at another width (the shopper's window rarely changes between pages).
  return last && (spec.kind == 'products' || Math.abs(last.w - width) < 1) ? last.h : frame + contentHeight(spec, width, viewport, windowHeight);
}

function contentHeight(spec: WidgetSpec, width: number, viewport: number, windowHeight: number): number {
  switch (spec.kind) {
    case 'banners':
      // Phone: 0.6 w + GAP + 1.5 (w - GAP) / 2 = 1.35 w + GAP / 4.
      return GAP * 2 + (viewport > PHONE ? (width - 2 * GAP) / 3 : 1.35 * width + GAP / 4);
    case 'slot':
      return width * (spec.which === 'main' ? 0.6 : 1.5);
    case 'products': {
      // Never seen: one carousel section (the default layout), its title over one row of square cards (four a page
      // beside the buttons; on a phone two, the buttons over them), a little over what the widgets' stylesheet draws
      // with name and price, in the store's line height (measured with 1.6, prices wrapped on narrow cards: width / 4 +
      // 132-161 px above 640 px, width / 2 + 153-182 on phones), since a box too tall keeps its height where giving it
      // up would move what is in view. A phone's also for larger store text (or a phone's text scaling): at line height
      // 1.5 its box is width / 2 + 177 at 16 px text, 188 at 18 and 199 at 20 (wider, 16 to 20 px text adds 16 px to a
      // box held 37 over).
      const grid = spec.override.layout == 'grid';
      const section = grid ? 0 : viewport > PHONE ? width / 4 + 165 : width / 2 + 200;
      // How many sections (all those of the page), category rows or grid rows come is the answer's: held at least a
      // window tall, so that what follows the box is out of view while its top is in view (whatever comes pushes down
      // only what is out of view), and in view only once its top is above the window (the drawn answer grows it
      // above what the shopper sees: see mount's settle). Wherever the box starts, also below the window: a shopper
      // may scroll to it before the answer comes.
      return grid || spec.section === '' || spec.section === 'categories' ? Math.max(section, windowHeight) : section;
    }
    default:
      return 0;
  }
}

/** The memory with `key` set to `value`, most recent last, capped at MEMORY_CAP entries. */
export function remember(memory: Memory, key: string, value: Remembered): Memory {
  const { [key]: _, ...rest } = memory;
  const entries = Object.entries(rest);
  // A negative start keeps the last MEMORY_CAP - 1 (all of them when there are fewer).
  return Object.fromEntries([...entries.slice(1 - MEMORY_CAP), [key, value]]);
}

/** Reads stored memory defensively: anything malformed is an empty memory. */
export const parseMemory = (text: string | null | undefined): Memory =>
  attempt(() => {
    const out: Memory = {};
    // JSON null throws here (an empty memory); another scalar has no entries that are layouts.
    for (const [key, v] of Object.entries(JSON.parse(text ?? '{}') as Record<string, Partial<Remembered> | null>)) {
      if (typeof v?.w === 'number' && typeof v.h === 'number' && v.h >= 0) out[key] = { w: v.w, h: v.h };
    }
    return out;
  }) ?? {};

/**
 * After the answer is drawn: how much of the height it held the box keeps (its caller keeps nothing when that is no
 * more than the box's content, or 0 or less: a box below the window).
 * Giving height up moves what is below, so the box keeps the part of its held box inside the window: the part below
 * the window goes (what that moves stays out of view), and all of it when the box is above the window (scroll
 * anchoring keeps the view still).
 */
export const keptHeight = (top: number, reserved: number, viewportHeight: number): number =>
  top + reserved <= 0 ? 0 : Math.min(reserved, viewportHeight - top);
