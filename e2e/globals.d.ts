// What browser tests read back from store pages.
import type { Datacue } from '../src/types';

declare global {
  interface Window {
    datacue: Datacue;
    datacueConfig?: unknown;
    pageResult?: unknown;
    trackResult?: unknown;
    seen?: unknown;
  }
}
