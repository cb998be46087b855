import { describe, expect, it } from 'vitest';
import { MEMORY_CAP, keptHeight, parseMemory, remember, reserveHeight } from '../widgets/reserve';

const banners = { kind: 'banners' } as const;

describe('reserveHeight', () => {
  it('holds the standard layout row: narrow | wide | narrow (all (w - 2 gaps) / 3 tall) within its margins', () => {
    expect(reserveHeight(banners, 932, 1280)).toBe(32 + 300);
  });
  it('on a phone, the wide box over a row of two narrow ones', () => {
    expect(reserveHeight(banners, 350, 390)).toBeCloseTo(32 + 210 + 16 + 167 * 1.5, 9);
  });
  it('a slot holds its banner ratio: main 5:3, sub 2:3', () => {
    expect(reserveHeight({ kind: 'slot', which: 'main', index: 1 }, 500, 1280)).toBe(300);
    expect(reserveHeight({ kind: 'slot', which: 'sub', index: 2 }, 200, 1280)).toBe(300);
  });
  it('a remembered answer at the same width is exact, whatever the kind (an empty slot holds nothing)', () => {
    expect(reserveHeight(banners, 932, 1280, { w: 932, h: 1048 })).toBe(1048);
    expect(reserveHeight({ kind: 'slot', which: 'sub', index: 3 }, 200, 1280, { w: 200.4, h: 0 })).toBe(0);
  });
  it('products never seen: one carousel section, a little over what the stylesheet draws at line height 1.6 (432 px at 1,200 wide, 313 at 609; on a phone 332 at 358, 326 at 288)', () => {
    const carousel = { kind: 'products', section: 'related', override: {} } as const;
    expect(reserveHeight(carousel, 1160, 1280)).toBe(455);
    for (const [w, drawn] of [[1200, 432], [609, 313], [768, 324]]) expect(reserveHeight(carousel, w!, w! + 32)).toBeGreaterThan(drawn!);
    expect(reserveHeight({ ...carousel, section: '' }, 700, 740)).toBe(340);
    // A phone's two cards a page take the whole width, so the row is as tall as half of it.
    expect(reserveHeight(carousel, 350, 390)).toBe(375);
    // Larger store text: 18 and 20 px at line height 1.5 (358 px wide).
    for (const drawn of [367, 378]) expect(reserveHeight(carousel, 358, 390)).toBeGreaterThan(drawn);
    for (const [w, drawn] of [[358, 332], [288, 326], [328, 346], [608, 457]]) expect(reserveHeight(carousel, w!, w! + 32)).toBeGreaterThan(drawn!);
  });
  it("products whose count is the answer's (every section of the page, category rows, a grid's rows): a window tall at least", () => {
    const all = { kind: 'products', section: '', override: {} } as const;
    expect(reserveHeight(all, 1160, 1280, undefined, 800)).toBe(800);
    expect(reserveHeight(all, 1160, 1280, undefined, 300)).toBe(455);
    expect(reserveHeight({ ...all, section: 'categories' }, 350, 390, undefined, 844)).toBe(844);
    expect(reserveHeight({ ...all, override: { layout: 'grid' } }, 900, 1280, undefined, 800)).toBe(800);
    // A named carousel section is one row.
    expect(reserveHeight({ ...all, section: 'related' }, 1160, 1280, undefined, 800)).toBe(455);
    // What the last answer took, however tall the window.
    expect(reserveHeight(all, 1160, 1280, { w: 1160, h: 300 }, 800)).toBe(300);
    expect(reserveHeight({ ...all, override: { layout: 'grid' } }, 900, 1280, { w: 880, h: 700 }, 800)).toBe(700);
    expect(reserveHeight({ kind: 'products', section: 'top', override: {} }, 900, 1280, { w: 900, h: 0 }, 800)).toBe(0);
  });
  it('a box that takes no width (hidden) holds nothing', () => {
    expect(reserveHeight(banners, 0, 1280, { w: 0, h: 50 })).toBe(0);
  });
  it("a border-box placeholder's padding and border (frame) are added to a height foreseen, never to one remembered", () => {
    const carousel = { kind: 'products', section: 'related', override: {} } as const;
    expect(reserveHeight(carousel, 1160, 1280, undefined, 800, 52)).toBe(455 + 52);
    expect(reserveHeight({ ...carousel, section: '' }, 1160, 1280, undefined, 800, 52)).toBe(800 + 52);
    expect(reserveHeight(banners, 932, 1280, undefined, 0, 10)).toBe(32 + 300 + 10);
    expect(reserveHeight({ kind: 'slot', which: 'main', index: 1 }, 500, 1280, undefined, 0, 4)).toBe(304);
    // Remembered: in the placeholder's own box-sizing already (products at another width too).
    expect(reserveHeight(carousel, 1160, 1280, { w: 1160, h: 507 }, 800, 52)).toBe(507);
    expect(reserveHeight(carousel, 1000, 1280, { w: 1160, h: 507 }, 800, 52)).toBe(507);
    // A banner remembered at another width is foreseen again, with its frame.
    expect(reserveHeight(banners, 932, 1280, { w: 600, h: 900 }, 0, 10)).toBe(342);
    expect(reserveHeight(banners, 0, 1280, undefined, 0, 52)).toBe(0);
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
