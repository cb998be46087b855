// The demo's dashboard settings: defaults, validation of every field, the settings file (created, read, saved), and
// the `config` the local events API sends with every recommendations response.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, SECTION_NAMES, responseConfig, validateSettings } from '../demo-store/server/dashboard.mjs';
import { openSettings } from '../demo-store/server/settings-file.mjs';

type Settings = typeof DEFAULT_SETTINGS;
const defaults = (): Settings => structuredClone(DEFAULT_SETTINGS) as Settings;
/** The defaults with one change made by `edit`. */
const changed = (edit: (s: any) => void) => {
  const s = defaults();
  edit(s);
  return s;
};
const fieldsOf = (input: unknown) => (validateSettings(input).errors ?? []).map((e: { field: string }) => e.field);

describe('dashboard settings', () => {
  it('the defaults are DESIGN.md §7\'s: every section, slider, 2 / 4 per page, price and full price, sold-out hidden, no button', () => {
    const d = DEFAULT_SETTINGS.dashboard;
    expect(d.sections.map((s) => s.name)).toEqual(SECTION_NAMES);
    expect(SECTION_NAMES).toEqual(expect.arrayContaining(['related', 'recent', 'similar', 'top', 'categories']));
    for (const s of d.sections) expect(s).toMatchObject({ layout: 'slider', items_per_page: { mobile: 2, desktop: 4 } });
    expect(d).toMatchObject({ show_fields: ['price', 'full_price'], hide_out_of_stock: true, cta_button: { show_button: false } });
    expect(DEFAULT_SETTINGS.consent_banner).toBe(false);
    expect(validateSettings(defaults())).toEqual({ settings: defaults() });
  });

  it('accepts every valid value, and keeps only the known keys', () => {
    const input = changed((s) => {
      s.dashboard.sections = [{ name: 'recent', title: ' Seen lately ', layout: 'grid', size: 48, items_per_page: { mobile: 1, desktop: 12 }, colour: 'red' }];
      s.dashboard.show_fields = ['stock', 'brand', 'rating', 'price', 'full_price'];
      s.dashboard.hide_out_of_stock = false;
      s.dashboard.cta_button = { show_button: true, caption: 'See it', buy_caption: '', classes: 'btn btn-primary_2' };
      s.dashboard.money_format = '€{{amount_with_comma_separator}}';
      s.dashboard.locale = 'de-de';
      s.consent_banner = true;
      s.api_answer = 'slow';
      s.extra = 1;
    });
    const { settings } = validateSettings(input);
    expect(settings).toEqual({
      dashboard: {
        sections: [{ name: 'recent', title: 'Seen lately', layout: 'grid', size: 48, items_per_page: { mobile: 1, desktop: 12 } }],
        show_fields: ['price', 'full_price', 'brand', 'rating', 'stock'],
        hide_out_of_stock: false,
        cta_button: { show_button: true, caption: 'See it', buy_caption: '', classes: 'btn btn-primary_2' },
        money_format: '€{{amount_with_comma_separator}}',
        locale: 'de-DE',
      },
      consent_banner: true,
      api_answer: 'slow',
    });
    // No sections at all: every section hidden.
    expect(validateSettings(changed((s) => (s.dashboard.sections = []))).settings?.dashboard.sections).toEqual([]);
    // A settings file from before the API's answer could be set: answered at once.
    expect(validateSettings(changed((s: Partial<Settings>) => delete s.api_answer)).settings?.api_answer).toBe('normal');
  });

  it.each([
    ['not an object', () => 'x', 'settings'],
    ['dashboard missing', () => ({ consent_banner: false }), 'dashboard'],
    ['sections not a list', () => changed((s) => (s.dashboard.sections = 'all')), 'dashboard.sections'],
    ['a section not an object', () => changed((s) => (s.dashboard.sections[2] = 'top')), 'dashboard.sections[2]'],
    ['an unknown section', () => changed((s) => (s.dashboard.sections[0].name = 'banana')), 'dashboard.sections[0].name'],
    ['a section twice', () => changed((s) => (s.dashboard.sections[1].name = 'similar')), 'dashboard.sections[1].name'],
    ['a title with markup', () => changed((s) => (s.dashboard.sections[0].title = '<b>Hi</b>')), 'dashboard.sections[0].title'],
    ['a title too long', () => changed((s) => (s.dashboard.sections[0].title = 'x'.repeat(81))), 'dashboard.sections[0].title'],
    ['a layout of "banana"', () => changed((s) => (s.dashboard.sections[0].layout = 'banana')), 'dashboard.sections[0].layout'],
    ['a size of -3', () => changed((s) => (s.dashboard.sections[0].size = -3)), 'dashboard.sections[0].size'],
    ['a size of 0', () => changed((s) => (s.dashboard.sections[0].size = 0)), 'dashboard.sections[0].size'],
    ['a size over 48', () => changed((s) => (s.dashboard.sections[0].size = 49)), 'dashboard.sections[0].size'],
    ['a size of 2.5', () => changed((s) => (s.dashboard.sections[0].size = 2.5)), 'dashboard.sections[0].size'],
    ['a size as text', () => changed((s) => (s.dashboard.sections[0].size = '8')), 'dashboard.sections[0].size'],
    ['items per page missing', () => changed((s) => delete s.dashboard.sections[0].items_per_page), 'dashboard.sections[0].items_per_page'],
    ['0 per page on mobile', () => changed((s) => (s.dashboard.sections[0].items_per_page.mobile = 0)), 'dashboard.sections[0].items_per_page.mobile'],
    ['13 per page on desktop', () => changed((s) => (s.dashboard.sections[0].items_per_page.desktop = 13)), 'dashboard.sections[0].items_per_page.desktop'],
    ['show_fields not a list', () => changed((s) => (s.dashboard.show_fields = 'brand')), 'dashboard.show_fields'],
    ['an unknown field', () => changed((s) => (s.dashboard.show_fields = ['price', 'colour'])), 'dashboard.show_fields'],
    ['a field twice', () => changed((s) => (s.dashboard.show_fields = ['price', 'price'])), 'dashboard.show_fields'],
    ['hide_out_of_stock as 1', () => changed((s) => (s.dashboard.hide_out_of_stock = 1)), 'dashboard.hide_out_of_stock'],
    ['cta_button missing', () => changed((s) => delete s.dashboard.cta_button), 'dashboard.cta_button'],
    ['show_button as "yes"', () => changed((s) => (s.dashboard.cta_button.show_button = 'yes')), 'dashboard.cta_button.show_button'],
    ['a button without caption', () => changed((s) => Object.assign(s.dashboard.cta_button, { show_button: true, caption: '' })), 'dashboard.cta_button.caption'],
    ['a buy caption with markup', () => changed((s) => (s.dashboard.cta_button.buy_caption = '<img src=x onerror=alert(1)>')), 'dashboard.cta_button.buy_caption'],
    ['classes with a quote', () => changed((s) => (s.dashboard.cta_button.classes = 'a" onclick="x')), 'dashboard.cta_button.classes'],
    ['a money format without placeholder', () => changed((s) => (s.dashboard.money_format = '$ amount')), 'dashboard.money_format'],
    ['a money format with markup', () => changed((s) => (s.dashboard.money_format = '<b>{{amount}}</b>')), 'dashboard.money_format'],
    ['a money format not text', () => changed((s) => (s.dashboard.money_format = 5)), 'dashboard.money_format'],
    ['a locale that is no language tag', () => changed((s) => (s.dashboard.locale = 'not a locale')), 'dashboard.locale'],
    ['a locale not text', () => changed((s) => (s.dashboard.locale = null)), 'dashboard.locale'],
    ['consent_banner as "on"', () => changed((s) => (s.consent_banner = 'on')), 'consent_banner'],
    ['an API answer of "sometimes"', () => changed((s) => (s.api_answer = 'sometimes')), 'api_answer'],
  ])('refuses %s, naming the field', (_, input, field) => {
    const found = validateSettings(input());
    expect(found.settings).toBeUndefined();
    expect(fieldsOf(input())).toEqual([field]);
    expect(found.errors![0].message).toMatch(new RegExp(`^${field.replace(/[[\].]/g, '\\$&')}: expected `));
  });

  it('names every problem at once', () => {
    const input = changed((s) => {
      s.dashboard.sections[0].size = -3;
      s.dashboard.sections[3].layout = 'banana';
      s.dashboard.locale = '';
    });
    expect(fieldsOf(input)).toEqual(['dashboard.sections[0].size', 'dashboard.sections[3].layout', 'dashboard.locale']);
  });

  it('the response config: DESIGN.md §7 shape, an empty title or money format left out for the widgets\' defaults', () => {
    expect(responseConfig(DEFAULT_SETTINGS.dashboard)).toEqual({
      sections: SECTION_NAMES.map((name) => ({ name, layout: 'slider', size: 8, items_per_page: { mobile: 2, desktop: 4 } })),
      show_fields: ['price', 'full_price'],
      hide_out_of_stock: true,
      cta_button: { show_button: false, caption: 'View product', buy_caption: 'Add to cart', classes: 'button' },
      locale: 'en-US',
    });
    const d = changed((s) => {
      s.dashboard.sections[0].title = 'For you';
      s.dashboard.money_format = '{{amount}} kr';
    }).dashboard;
    expect(responseConfig(d).sections[0]).toEqual({ name: 'similar', title: 'For you', layout: 'slider', size: 8, items_per_page: { mobile: 2, desktop: 4 } });
    expect(responseConfig(d).money_format).toBe('{{amount}} kr');
  });
});

describe('the settings file', () => {
  const dirs: string[] = [];
  const fresh = () => {
    const dir = mkdtempSync(join(tmpdir(), 'demo-settings-'));
    dirs.push(dir);
    return join(dir, 'nested', 'settings.json');
  };
  afterEach(() => {
    dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
    vi.restoreAllMocks();
  });

  it('is created with the defaults on first start, and read on the next', async () => {
    const file = fresh();
    const first = await openSettings(file);
    expect(first.get()).toEqual(DEFAULT_SETTINGS);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(DEFAULT_SETTINGS);
    const wanted = changed((s) => (s.dashboard.sections[0].size = 3));
    expect(await first.save(wanted)).toEqual({ settings: wanted });
    expect(first.get()).toEqual(wanted);
    expect((await openSettings(file)).get()).toEqual(wanted);
  });

  it('a refused save changes nothing, in memory or on disk', async () => {
    const file = fresh();
    const settings = await openSettings(file);
    const before = readFileSync(file, 'utf8');
    const found = await settings.save(changed((s) => (s.dashboard.sections[0].layout = 'banana')));
    expect(found.errors).toHaveLength(1);
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(existsSync(`${file}.tmp`)).toBe(false);
  });

  it('saves one after another: the file ends with the last one asked for', async () => {
    const settings = await openSettings(fresh());
    const file = join(dirs[0]!, 'nested', 'settings.json');
    const saves = [1, 2, 3, 4, 5, 6, 7, 8].map((size) => settings.save(changed((s) => (s.dashboard.sections[0].size = size))));
    await Promise.all(saves);
    expect(settings.get().dashboard.sections[0].size).toBe(8);
    expect(JSON.parse(readFileSync(file, 'utf8')).dashboard.sections[0].size).toBe(8);
  });

  it('a file broken by hand: one message, the defaults, and the file kept until a save replaces it', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    for (const text of ['{"dashboard": ', JSON.stringify(changed((s) => (s.dashboard.sections[0].size = -3)))]) {
      const file = fresh();
      (await openSettings(file)).get(); // creates the folder
      writeFileSync(file, text);
      const settings = await openSettings(file);
      expect(settings.get()).toEqual(DEFAULT_SETTINGS);
      expect(readFileSync(file, 'utf8')).toBe(text);
      await settings.save(defaults());
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(DEFAULT_SETTINGS);
    }
    expect(error).toHaveBeenCalledTimes(2);
    expect(error.mock.calls[1]![0]).toMatch(/settings\.json: dashboard\.sections\[0\]\.size: expected/);
  });
});
