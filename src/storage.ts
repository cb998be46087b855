// localStorage that never throws: blocked, full or missing storage falls back to memory for this page.

const memory = new Map<string, string>();

export function read(key: string): string | null {
  try {
    const v = localStorage.getItem(key);
    if (v !== null) return v;
  } catch {
    /* blocked: memory below */
  }
  return memory.get(key) ?? null;
}

export function write(key: string, value: string): void {
  memory.set(key, value);
  try {
    localStorage.setItem(key, value);
  } catch {
    /* full or blocked: memory keeps it for this page */
  }
}
