// npm entry `@datacue/storefront/widgets`: the widget mounter for single-page storefronts. No side effects on import.
import type { Datacue } from '../src/types.js';
import { mount, type MountOptions } from './mount.js';

export { injectStyles, type MountOptions } from './mount.js';

/**
 * Renders every placeholder now, and again for each page's recommendations; returns a function that unmounts them.
 * Each `datacue.page()` of a single-page storefront's new route (called once its view is in place) first makes the
 * route's placeholders hold their boxes and show the static banner, so nothing waits empty for the answer.
 */
export function mountWidgets(datacue: Pick<Datacue, 'onRecommendations' | 'track' | 'page'>, options?: MountOptions): () => void {
  if (typeof document === 'undefined') return () => {}; // server-side rendering: nothing to fill
  const widgets = mount(datacue, options);
  const send = datacue.page;
  const page = (datacue.page = widgets.routing(send));
  return () => {
    // Unless another mount wrapped it since: that one's wrapper stays, and calls through this one's.
    if (datacue.page === page) datacue.page = send;
    widgets.unmount();
  };
}
export { PLACEHOLDER_SELECTOR, type WidgetSpec, type Layout } from './placeholders.js';
export type { SectionName } from './model.js';
export type { AddToCartDetail } from './components.js';
