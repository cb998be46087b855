// What the script tags put on `window`, for TypeScript users of dist/datacue.js and dist/datacue-storefront.js. The
// package's types include it: `/// <reference types="@datacue/storefront" />` in a project that only uses the tags.
import type { Datacue, DatacueConfig } from './types.js';

declare global {
  interface Window {
    /** Installed by datacue.js, or by the async snippet's queue before datacue.js arrives. */
    datacue?: Datacue;
    /** The page's config, read by datacue.js when it loads. */
    datacueConfig?: DatacueConfig;
  }
}
