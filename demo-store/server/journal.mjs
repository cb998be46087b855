// An append-only JSON Lines file: one record per line, written synchronously so that an answered request is on disk.
import { appendFileSync, closeSync, createReadStream, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';

/** Whether the file's last byte is not a newline: a write cut short by a crash. */
function endsMidLine(file) {
  const { size } = statSync(file);
  if (!size) return false;
  const fd = openSync(file, 'r');
  try {
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    return last[0] !== 0x0a;
  } finally {
    closeSync(fd);
  }
}

/**
 * Opens the journal at `file`, creating it and its folder when missing. `replay` reads every record back in order,
 * skipping lines that are not JSON (a line cut short by a crash), so a restart continues where the last run ended.
 */
export function openJournal(file) {
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, '');
  if (endsMidLine(file)) appendFileSync(file, '\n'); // the next record starts on a line of its own

  return {
    file,
    append(record) {
      appendFileSync(file, JSON.stringify(record) + '\n');
    },
    async replay(onRecord) {
      const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
      for await (const line of lines) {
        let record;
        try {
          record = JSON.parse(line);
        } catch {
          continue; // a damaged or empty line: the rest of the journal is still good
        }
        onRecord(record);
      }
    },
  };
}
