// Loads the outbox for dist/datacue.js: injects dist/datacue-outbox.js, a sibling of this script (with its nonce, for
// nonce-based Content-Security-Policies), which calls back through HOOK. Replaces load-outbox.ts in the IIFE build.
import { HOOK, type StartOutbox } from './outbox-chunk.js';

// Only while this script runs is it document.currentScript (this build runs only in browsers).
const self = document.currentScript as HTMLScriptElement | null;

export const loadOutbox = (): Promise<StartOutbox> =>
  new Promise((done, fail) => {
    const s = document.createElement('script');
    (window as unknown as Record<string, unknown>)[HOOK] = done;
    // The setter takes the URL object as its text.
    s.src = new URL('datacue-outbox.js', self?.src || 'https://cdn.datacue.co/js/') as unknown as string;
    // `self` is null only where no script tag runs this (a module, eval): no nonce to pass on, and "undefined" is harmless.
    s.nonce = self?.nonce!;
    s.onerror = fail;
    document.head.append(s);
  });
