// npm entry `@datacue/storefront/widgets`: the widget mounter for single-page storefronts. No side effects on import.
export { mountWidgets, injectStyles, type MountOptions } from './mount.js';
export { PLACEHOLDER_SELECTOR, type WidgetSpec, type Layout } from './placeholders.js';
export type { SectionName } from './model.js';
export type { AddToCartDetail } from './components.js';
