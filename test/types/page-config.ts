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
