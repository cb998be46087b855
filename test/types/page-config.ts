// Type-level checks of the public surface, compiled by test/types.test.ts: each @ts-expect-error line must fail to
// type-check (tsc reports an unused @ts-expect-error otherwise), every other line must pass.
import type { Datacue, DatacueConfig, PageConfig } from '../../src/index';

declare const dc: Datacue;

void dc.page({ page_type: 'product', product_id: 'p1', product_update: [{ variant_id: 'v1', price: 10 }] });
void dc.page({ page_type: 'product', product_id: 12, variant_id: null });
void dc.page({ page_type: 'category', category_id: 'c1', category_update: { name: 'Sofas' } });
void dc.page({ page_type: 'category', category_name: 'Sofas' });
void dc.page({ page_type: 'search', term: 'sofa' });
void dc.page({ page_type: 'home', user_id: 'u2', options: { debug: true } });
void dc.page({ page_type: 'order confirmation', order_id: 'O1', order_details: { cart: [] } });

// @ts-expect-error a product page needs its product_id
void dc.page({ page_type: 'product' });
// @ts-expect-error a category page needs category_id (or the older category_name)
void dc.page({ page_type: 'category' });
// @ts-expect-error a search page needs its term
void dc.page({ page_type: 'search' });
// @ts-expect-error product_id belongs to product pages
void dc.page({ page_type: 'home', product_id: 'p1' });
// @ts-expect-error page() is for a page: page_type is required
void dc.page({ api_key: 'k' });
// @ts-expect-error orders are not cancelled from the browser
void dc.page({ page_type: 'order confirmation', order_id: 'O1', order_details: { order_status: 'cancelled', cart: [] } });
// @ts-expect-error not a page type
void dc.page({ page_type: 'blog' });

// window.datacueConfig may also carry only the key, options and user.
export const keyOnly: DatacueConfig = { api_key: 'k', user_id: null };
export const product: DatacueConfig = { api_key: 'k', page_type: 'product', product_id: 'p1' };
// @ts-expect-error the same rule holds for datacueConfig
export const productWithoutId: DatacueConfig = { api_key: 'k', page_type: 'product' };
export const route: PageConfig = { page_type: 'cart' };

// The rest of the config: the widgets' money format and the dashboard preview's styles.
export const styled: DatacueConfig = { api_key: 'k', page_type: 'editor preview', editor: { custom_styles: '.dc-card{}' }, options: { money_format: '${{amount}}' } };

// track() takes the reference's events; an order is only ever completed from the browser.
void dc.track({ type: 'order', subtype: 'completed', order_id: 'O1', cart: [{ product_id: 'p1', variant_id: 'v1', quantity: 1, unit_price: 5 }] });
// @ts-expect-error orders are not cancelled from the browser, through track() either
void dc.track({ type: 'order', subtype: 'cancelled', order_id: 'O1', cart: [] });

// The response is typed as DESIGN.md §7 has it: every section, the dashboard's config, the card fields.
dc.onRecommendations(({ response }) => {
  const top: string | undefined = response?.top_product_skus?.[0]?.brand;
  const row: string | undefined = response?.related_categories?.[0]?.name;
  const layout: 'grid' | 'slider' | undefined = response?.config?.sections?.[0]?.layout;
  const rating: number | undefined = response?.related_product_skus?.[0]?.rating;
  void [top, row, layout, rating];
});

// The widgets' events are typed on document, window and elements (importing the widgets entry declares them).
document.addEventListener('datacue:add-to-cart', (e) => {
  const variant: string = e.detail.variant_id;
  void variant;
});
document.addEventListener('datacue:editor:updated', (e) => void e.detail.main_banners);
