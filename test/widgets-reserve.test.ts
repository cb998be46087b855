import { describe, expect, it } from 'vitest';
import { MEMORY_CAP, keptHeight, parseMemory, remember, reserveHeight } from '../widgets/reserve';

const banners = { kind: 'banners' } as const;

/**
 * What a browser makes of the CSS length the reserve gives (its `px`, `calc(<px> + <em>)` and `max(...)`), in a
 * placeholder whose text is `font` px; anything else fails the test.
 */
function inPx(length: string, font = 16): number {
  const one = (v: string): number => {
    const calc = /^calc\((-?[\d.]+)px \+ ([\d.]+)em\)$/.exec(v);
    if (calc) return Number(calc[1]) + Number(calc[2]) * font;
    if (v === '0' || /^-?[\d.]+px$/.test(v)) return parseFloat(v);
    throw new Error(`not a length the reserve gives: ${v}`);
  };
  const max = /^max\((.+), ([^,]+)\)$/.exec(length);
  return max ? Math.max(one(max[1]!), one(max[2]!)) : one(length);
}
const held = (...args: Parameters<typeof reserveHeight>) => inPx(reserveHeight(...args));

describe('reserveHeight', () => {
  it('holds the standard layout row: narrow | wide | narrow (all (w - 2 gaps) / 3 tall) within its margins', () => {
    expect(held(banners, 932, 1280)).toBe(32 + 300);
  });
  it('on a phone, the wide box over a row of two narrow ones', () => {
    expect(held(banners, 350, 390)).toBeCloseTo(32 + 210 + 16 + 167 * 1.5, 9);
  });
  it('a slot holds its banner ratio: main 5:3, sub 2:3', () => {
    expect(held({ kind: 'slot', which: 'main', index: 1 }, 500, 1280)).toBe(300);
    expect(held({ kind: 'slot', which: 'sub', index: 2 }, 200, 1280)).toBe(300);
  });
  it('a remembered answer at the same width is exact, whatever the kind (an empty slot holds nothing)', () => {
    expect(held(banners, 932, 1280, { w: 932, h: 1048 })).toBe(1048);
    expect(held({ kind: 'slot', which: 'sub', index: 3 }, 200, 1280, { w: 200.4, h: 0 })).toBe(0);
  });
  it('products never seen: one carousel section, a little over what the stylesheet draws at line height 1.6 (432 px at 1,200 wide, 313 at 609; on a phone 332 at 358, 326 at 288)', () => {
    const carousel = { kind: 'products', section: 'related', override: {} } as const;
    expect(held(carousel, 1160, 1280)).toBe(455);
    for (const [w, drawn] of [[1200, 432], [609, 313], [768, 324]]) expect(held(carousel, w!, w! + 32)).toBeGreaterThan(drawn!);
    expect(held({ ...carousel, section: '' }, 700, 740)).toBe(340);
    // A phone's two cards a page take the whole width, so the row is as tall as half of it.
    expect(held(carousel, 350, 390)).toBe(360);
    for (const [w, drawn] of [[358, 332], [288, 326], [328, 346], [608, 457]]) expect(held(carousel, w!, w! + 32)).toBeGreaterThan(drawn!);
  });
  it("the names and prices grow with the store's text: that part of a never-seen section is in em (a phone's box drawn at 358 px wide with line height 1.5: 356 px at 16 px text, 367 at 18, 378 at 20)", () => {
    const carousel = { kind: 'products', section: 'related', override: {} } as const;
    expect(reserveHeight(carousel, 358, 390)).toBe('calc(268px + 6em)');
    for (const [font, drawn] of [[16, 356], [18, 367], [20, 378]]) expect(inPx(reserveHeight(carousel, 358, 390), font!)).toBeGreaterThan(drawn!);
    expect(inPx(reserveHeight(carousel, 1160, 1280), 20) - inPx(reserveHeight(carousel, 1160, 1280))).toBe(24);
    // At least a window tall, whatever the text.
    expect(reserveHeight({ ...carousel, section: '' }, 1160, 1280, undefined, 800)).toBe('max(calc(359px + 6em), 800px)');
  });
  it("products whose count is the answer's (every section of the page, category rows, a grid's rows): a window tall at least", () => {
    const all = { kind: 'products', section: '', override: {} } as const;
    expect(held(all, 1160, 1280, undefined, 800)).toBe(800);
    expect(held(all, 1160, 1280, undefined, 300)).toBe(455);
    expect(held({ ...all, section: 'categories' }, 350, 390, undefined, 844)).toBe(844);
    expect(held({ ...all, override: { layout: 'grid' } }, 900, 1280, undefined, 800)).toBe(800);
    // A grid's first row is at least a carousel's, in a window shorter than that.
    expect(held({ ...all, override: { layout: 'grid' } }, 900, 1280, undefined, 300)).toBe(390);
    // A named carousel section is one row.
    expect(held({ ...all, section: 'related' }, 1160, 1280, undefined, 800)).toBe(455);
    // What the last answer took, however tall the window.
    expect(held(all, 1160, 1280, { w: 1160, h: 300 }, 800)).toBe(300);
    expect(held({ ...all, override: { layout: 'grid' } }, 900, 1280, { w: 880, h: 700 }, 800)).toBe(700);
    expect(held({ kind: 'products', section: 'top', override: {} }, 900, 1280, { w: 900, h: 0 }, 800)).toBe(0);
  });
  it('a box that takes no width (hidden) holds nothing', () => {
    expect(held(banners, 0, 1280, { w: 0, h: 50 })).toBe(0);
  });
});

describe('layout memory', () => {
  it('keeps the most recent entries, capped, the oldest forgotten first', () => {
    let memory = {};
    for (let i = 0; i < MEMORY_CAP + 5; i++) memory = remember(memory, `home|${i}`, { w: 1, h: i });
    expect(Object.keys(memory)).toHaveLength(MEMORY_CAP);
    expect(Object.keys(memory)[0]).toBe('home|5');
    memory = remember(memory, 'home|5', { w: 2, h: 2 });
    expect(Object.keys(memory).at(-1)).toBe('home|5');
    expect(Object.keys(memory)).toHaveLength(MEMORY_CAP);
  });
  it('reads stored text defensively', () => {
    expect(parseMemory(null)).toEqual({});
    expect(parseMemory(undefined)).toEqual({}); // storage blocked
    expect(parseMemory('{oops')).toEqual({});
    expect(parseMemory('[1,2]')).toEqual({});
    expect(parseMemory('null')).toEqual({});
    expect(parseMemory('"wh"')).toEqual({});
    expect(parseMemory('7')).toEqual({});
    expect(parseMemory('{"a":{"w":1,"h":2},"b":{"w":"1","h":2},"c":null,"d":{"w":1,"h":-3}}')).toEqual({ a: { w: 1, h: 2 } });
  });
});

describe('keptHeight', () => {
  it('keeps of the held box only the part inside the window', () => {
    expect(keptHeight(100, 400, 800)).toBe(400); // all of it in view: kept (content taller than that grows past it)
    expect(keptHeight(900, 400, 800)).toBeLessThanOrEqual(0); // below the window: nothing kept
    expect(keptHeight(700, 400, 800)).toBe(100); // down to the window's bottom edge, not the 300 px below it
    expect(keptHeight(200, 1626, 800)).toBe(600); // a remembered section whose answer failed: not 1,000 px of blank below
    expect(keptHeight(-500, 400, 800)).toBe(0); // scrolled past: scroll anchoring keeps the view
    expect(keptHeight(-100, 400, 800)).toBe(400); // its end in view: what follows it must not move
  });
});
