// What the script tags put on `window`, and the events the widgets dispatch, for TypeScript users of dist/datacue.js
// and dist/datacue-storefront.js. The package's types include it: `/// <reference types="@datacue/storefront" />` in
// a project that only uses the tags.
import type { Datacue, DatacueConfig, RecommendationsResponse } from './types.js';
import type { AddToCartDetail } from '../widgets/components.js';

declare global {
  interface Window {
    /** Installed by datacue.js, or by the async snippet's queue before datacue.js arrives. */
    datacue?: Datacue;
    /** The page's config, read by datacue.js when it loads. */
    datacueConfig?: DatacueConfig;
  }
  interface GlobalEventHandlersEventMap {
    /** A card's buy button (bubbles from the card): cancel it to add to your cart yourself, else the product opens. */
    'datacue:add-to-cart': CustomEvent<AddToCartDetail>;
    /** The dashboard's preview, on `document`: draw every placeholder from this response (with its `config`). */
    'datacue:editor:updated': CustomEvent<RecommendationsResponse>;
    /** The dashboard's preview, on `document`: draw the last response again. */
    'datacue:editor:reload': Event;
  }
}
