// The dashboard settings in the data folder (settings.json): created with the defaults on first start, read at
// start, replaced whole on each valid save (written to a temporary file, then renamed, so a crash never leaves half).
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DEFAULT_SETTINGS, validateSettings } from './dashboard.mjs';

const write = async (file, settings) => {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(`${file}.tmp`, JSON.stringify(settings, null, 2) + '\n');
  await rename(`${file}.tmp`, file);
};

/**
 * Opens `file`: returns `get()` (the current settings) and `save(input)` (validates; `{settings}` once written, or
 * `{errors}` with nothing changed). A file someone broke by hand is reported and the defaults are used until the
 * next save replaces it.
 */
export async function openSettings(file) {
  let current = structuredClone(DEFAULT_SETTINGS);
  let text;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if (e.code !== 'ENOENT') throw e;
    await write(file, current);
  }
  if (text !== undefined) {
    let found;
    try {
      found = validateSettings(JSON.parse(text));
    } catch (e) {
      found = { errors: [{ message: `not JSON (${e.message})` }] };
    }
    if (found.settings) current = found.settings;
    else console.error(`demo store: ${file}: ${found.errors.map((e) => e.message).join('; ')}; using the defaults until the QA view saves settings`);
  }

  // Saves run one after another, so the file always ends with the last one asked for.
  let queue = Promise.resolve();
  return {
    get: () => current,
    save(input) {
      const found = validateSettings(input);
      if (found.errors) return Promise.resolve(found);
      const saved = queue.then(async () => {
        await write(file, found.settings);
        current = found.settings;
        return found;
      });
      queue = saved.catch(() => undefined);
      return saved;
    },
  };
}
