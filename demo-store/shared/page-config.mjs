// The page-type fields of `window.datacueConfig` (reference: "The config object"), for the server-rendered pages
// and the SPA's routes alike.
import { categoryLink, photoUrl, productLink } from './catalog.mjs';
import { variantLabel } from './views.mjs';

export const homeConfig = () => ({ page_type: 'home' });

export const categoryConfig = (category) => ({
  page_type: 'category',
  category_id: category.id,
  category_update: { name: category.name, link: categoryLink(category) },
});

/** `product_update` lists every variant; `variant_id` only when the shopper chose one. */
export const productConfig = (product, chosenVariant) => ({
  page_type: 'product',
  product_id: product.product_id,
  ...(chosenVariant ? { variant_id: chosenVariant.variant_id } : {}),
  product_update: product.variants.map((v) => ({
    variant_id: v.variant_id,
    name: variantLabel(product, v),
    price: product.price,
    full_price: product.full_price,
    photo_url: photoUrl(product, v),
    link: productLink(product),
    available: v.stock > 0,
    stock: v.stock,
    category_ids: [product.category_id],
    brand: product.brand,
    description: product.description,
  })),
});

export const searchConfig = (term) => ({ page_type: 'search', term });
export const cartConfig = () => ({ page_type: 'cart' });
export const notFoundConfig = () => ({ page_type: '404' });

/** Sends the order from the browser (reference: "Order confirmation", frontend). */
export const orderConfig = (order) => ({
  page_type: 'order confirmation',
  order_id: order.order_id,
  order_details: { order_status: 'completed', cart: order.cart, timestamp: order.timestamp },
});
