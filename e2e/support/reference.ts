// The reference's own snippets, so that tests paste them unchanged: read from a committed copy of the reference's
// storefront samples (fixtures/reference-samples.md: its headings, html and json blocks, verbatim), never from
// outside the repository.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from './servers';

export const REFERENCE = resolve(ROOT, 'e2e/support/fixtures/reference-samples.md');
const text = readFileSync(REFERENCE, 'utf8');
const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');

/** The first fenced block of `lang` after the heading whose text is `heading` (e.g. 'Home page'). */
export function snippet(heading: string, lang = 'html', from = text): string {
  const at = from.search(new RegExp(`^#+ ${heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'm'));
  if (at < 0) throw new Error(`no heading "${heading}" in the reference`);
  const block = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(from.slice(at));
  if (!block?.[1]) throw new Error(`no ${lang} block after "${heading}"`);
  return block[1];
}

/** A block of our README, so that what it tells store owners to paste is what the tests run. */
export const readmeSnippet = (heading: string, lang = 'html'): string => snippet(heading, lang, readme);

/** The JSON sample blocks of the reference that follow `heading` (response samples, envelopes). */
export function jsonBlocks(heading: string): unknown[] {
  const at = text.search(new RegExp(`^#+ ${heading}\\s*$`, 'm'));
  if (at < 0) throw new Error(`no heading "${heading}" in the reference`);
  const body = text.indexOf('\n', at) + 1;
  const next = text.slice(body).search(/^#+ /m);
  const section = text.slice(body, next < 0 ? undefined : body + next);
  return [...section.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!));
}
