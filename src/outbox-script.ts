// Script-tag entry of dist/datacue-outbox.js: hands the outbox to the tracker that injected it (load-outbox-script.ts).
import { HOOK, startOutbox } from './outbox-chunk.js';

(window as unknown as Record<string, ((s: typeof startOutbox) => void) | undefined>)[HOOK]?.(startOutbox);
