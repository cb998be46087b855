// The local events API's recommendation engine: it learns from every accepted event and answers page events with
// banners and products in the reference's response shapes. Pure (no I/O): fold events in with `record`, ask `answer`.
import {
  BANNERS,
  CATEGORIES,
  PRODUCTS,
  categoryById,
  discountPercent,
  photoUrl,
  productById,
  productLink,
  productsIn,
  search,
  variantOf,
} from '../shared/catalog.mjs';
import { DEFAULT_DASHBOARD } from './dashboard.mjs';

/** Rows of related categories, one category each. */
export const CATEGORY_ROWS = 2;
/** Recently viewed products remembered per visitor. */
const RECENT_KEPT = 20;
/** A product view counts as "viewed together" with this many of the visitor's previous views. */
const TOGETHER_WINDOW = 4;
/** Bought together weighs more than viewed together, and a purchase more than a view. */
const VIEW_WEIGHT = 1;
const BUY_WEIGHT = 3;
/** Visitors remembered; the least recently seen are forgotten first, so a flood of ids cannot exhaust memory. */
const MAX_VISITORS = 10_000;

/** Whose history an event belongs to: the user id when known, else the anonymous id (as the reference records). */
export const visitorKey = (user) => (user.user_id ? `user:${user.user_id}` : `anon:${user.anonymous_id}`);

/** A product as the reference's responses carry it. */
export function productObject(product, variant = product.variants[0]) {
  const off = discountPercent(product);
  return {
    product_id: product.product_id,
    variant_id: variant.variant_id,
    name: product.name,
    price: product.price,
    full_price: product.full_price,
    photo_url: photoUrl(product, variant),
    link: productLink(product),
    category_1: product.category_id,
    brand: product.brand,
    rating: product.rating,
    available: variant.stock > 0,
    stock: variant.stock,
    extra: off ? { discount: `${off}%` } : {},
  };
}

const increment = (map, key, by = 1) => map.set(key, (map.get(key) ?? 0) + by);

export function createModel() {
  /** key → { recent: [{product_id, variant_id}] newest first, categories: Map<category_id, views>, cart: [product_id] } */
  const visitors = new Map();
  /** product_id → views + BUY_WEIGHT × units bought */
  const popularity = new Map();
  /** product_id → Map<product_id, weight>: viewed or bought together, symmetric */
  const together = new Map();

  function visitor(key) {
    const found = visitors.get(key) ?? { recent: [], categories: new Map(), cart: [] };
    visitors.delete(key); // re-inserted last: Map order is least recently seen first
    visitors.set(key, found);
    if (visitors.size > MAX_VISITORS) visitors.delete(visitors.keys().next().value);
    return found;
  }

  function pair(a, b, weight) {
    if (a === b) return;
    increment(together.get(a) ?? together.set(a, new Map()).get(a), b, weight);
    increment(together.get(b) ?? together.set(b, new Map()).get(b), a, weight);
  }

  /** After a log in, what the visitor did anonymously becomes the user's history. */
  function adoptAnonymous(user) {
    const anonKey = `anon:${user.anonymous_id}`;
    const anon = user.user_id && user.anonymous_id && visitors.get(anonKey);
    if (!anon) return;
    visitors.delete(anonKey);
    const known = visitor(visitorKey(user));
    const seen = new Set(anon.recent.map((r) => r.product_id));
    known.recent = [...anon.recent, ...known.recent.filter((r) => !seen.has(r.product_id))].slice(0, RECENT_KEPT);
    anon.categories.forEach((n, c) => increment(known.categories, c, n));
    if (!known.cart.length) known.cart = anon.cart;
  }

  function viewProduct(v, productId, variantId) {
    const product = productById(productId);
    if (!product) return;
    const variant = variantOf(product, variantId) ?? product.variants[0];
    v.recent.slice(0, TOGETHER_WINDOW).forEach((r) => pair(productId, r.product_id, VIEW_WEIGHT));
    v.recent = [{ product_id: productId, variant_id: variant.variant_id }, ...v.recent.filter((r) => r.product_id !== productId)].slice(0, RECENT_KEPT);
    increment(v.categories, product.category_id);
    increment(popularity, productId);
  }

  function buy(v, cart) {
    const ids = [...new Set(cart.map((l) => l.product_id))].filter(productById);
    ids.forEach((a, i) => ids.slice(i + 1).forEach((b) => pair(a, b, BUY_WEIGHT)));
    for (const line of cart) {
      const product = productById(line.product_id);
      if (!product) continue;
      increment(popularity, product.product_id, BUY_WEIGHT * line.quantity);
      increment(v.categories, product.category_id);
    }
  }

  /** Learns from one accepted envelope. */
  function record({ user, event }) {
    adoptAnonymous(user);
    const v = visitor(visitorKey(user));
    if (event.type === 'pageview' && event.subtype === 'product') viewProduct(v, event.product_id, event.variant_id);
    else if (event.type === 'pageview' && event.subtype === 'category') {
      const category = categoryById(event.category_id ?? event.category_name);
      if (category) increment(v.categories, category.id);
    } else if (event.type === 'cart' && event.subtype === 'update') v.cart = event.cart.map((l) => l.product_id);
    else if (event.type === 'order' && event.subtype !== 'cancelled') {
      buy(v, event.cart);
      v.cart = []; // the cart became the order
    }
    else if (event.type === 'wishlist' && event.subtype === 'add' && productById(event.product_id)) increment(popularity, event.product_id);
  }

  const popularityOf = (id) => popularity.get(id) ?? 0;

  /** Categories the visitor looked at most first (`first` ahead of all), then the rest in catalog order. */
  function rankedCategories(v, first) {
    const views = (id) => (id === first ? Infinity : v.categories.get(id) ?? 0);
    return CATEGORIES.map((c) => c.id).sort((a, b) => views(b) - views(a));
  }

  function banners(v, mains, subs, first) {
    const ranked = rankedCategories(v, first);
    return {
      main_banners: ranked.slice(0, mains).map((id) => BANNERS[id].main),
      sub_banners: ranked.flatMap((id) => BANNERS[id].subs).slice(0, subs),
    };
  }

  /** The rank of every product: viewed or bought together with `seeds` first (strongest first), then popular. */
  function related(v, seeds) {
    const scores = new Map();
    for (const id of seeds) together.get(id)?.forEach((w, other) => increment(scores, other, w));
    const score = (p) => scores.get(p.product_id) ?? 0;
    const affinity = (p) => v.categories.get(p.category_id) ?? 0;
    return [...PRODUCTS].sort(
      (a, b) => score(b) - score(a) || affinity(b) - affinity(a) || popularityOf(b.product_id) - popularityOf(a.product_id),
    );
  }

  /** Same category or brand, the category counting more, then the closest price. */
  function similar(product) {
    const score = (p) => (p.category_id === product.category_id ? 2 : 0) + (p.brand === product.brand ? 1 : 0);
    const distance = (p) => Math.abs(Math.log(p.price / product.price));
    return PRODUCTS.filter((p) => score(p) > 0).sort((a, b) => score(b) - score(a) || distance(a) - distance(b));
  }

  /** A category's products, most viewed and bought first. */
  const popularIn = (id) => productsIn(id).sort((a, b) => popularityOf(b.product_id) - popularityOf(a.product_id));

  /** Related to the category: its own products first, then those viewed or bought with them. */
  function top(v, id) {
    const own = popularIn(id);
    return [...own, ...related(v, own.map((p) => p.product_id))];
  }

  const recentOf = (v) =>
    v.recent.map((r) => {
      const product = productById(r.product_id);
      return { product, variant: variantOf(product, r.variant_id) };
    });

  /**
   * The products a page shows by itself, which no section may repeat: the product viewed, what is in the cart on the
   * cart page, a search's results, and the category's own grid (its products, in the order the grid shows them first)
   * on its page.
   */
  function shownByPage(v, type, event) {
    if (type === 'product') return [event.product_id];
    if (type === 'cart') return [...v.cart];
    if (type === 'search') return search(event.term ?? '').map((p) => p.product_id);
    const category = type === 'category' && categoryById(event.category_id ?? event.category_name);
    return category ? productsIn(category.id).map((p) => p.product_id) : [];
  }

  /**
   * The response to an envelope already recorded: recommendations for page events and searches, null (204) for the
   * rest. Every page type gets related categories, related and recently viewed; category pages add top, product pages
   * add similar and their related is product-based (reference, "Types of recommendations"). The sections are filled
   * in the order the dashboard gives, each with its size, and a product appears once per page: never in two sections,
   * never one the page shows by itself. A section the dashboard leaves out is not sent; sold-out products only when
   * the dashboard shows them.
   */
  function answer({ user, event }, dashboard = DEFAULT_DASHBOARD) {
    const isPage = event.type === 'pageview';
    if (!isPage && event.type !== 'search') return null;
    const type = isPage ? event.subtype : 'search';
    const v = visitor(visitorKey(user));
    const product = type === 'product' ? productById(event.product_id) : undefined;
    const category = type === 'category' ? categoryById(event.category_id ?? event.category_name) : undefined;
    const viewed = v.recent.map((r) => r.product_id);
    const taken = new Set(shownByPage(v, type, event));

    /** The first `size` of `ranked` ({product, variant} or products) not yet on the page, now taken. */
    function take(ranked, size, skip = new Set()) {
      const out = [];
      for (const item of ranked) {
        if (out.length >= size) break;
        const { product: p, variant = p.variants[0] } = item.product ? item : { product: item };
        if (taken.has(p.product_id) || skip.has(p.product_id) || (dashboard.hide_out_of_stock && !(variant.stock > 0))) continue;
        taken.add(p.product_id);
        out.push(productObject(p, variant));
      }
      return out;
    }

    const sections = {
      // Product pages: related to the product. Elsewhere: to what the visitor viewed, leaving out what they saw.
      related: (size) => ['related_product_skus', product ? take(related(v, [product.product_id]), size) : take(related(v, viewed.slice(0, TOGETHER_WINDOW)), size, new Set(viewed))],
      similar: (size) => type === 'product' && ['similar_product_skus', product ? take(similar(product), size) : []],
      top: (size) => type === 'category' && ['top_product_skus', category ? take(top(v, category.id), size) : []],
      categories: (size) => [
        'related_categories',
        rankedCategories(v, category?.id)
          .filter((id) => id !== category?.id) // its own products are the page's grid
          .reduce((rows, id) => {
            const products = rows.length < CATEGORY_ROWS ? take(popularIn(id), size) : [];
            return products.length ? [...rows, { name: categoryById(id).name, products }] : rows;
          }, []),
      ],
      recent: (size) => ['recent_product_skus', take(recentOf(v), size)],
    };

    const response = type === 'home' ? banners(v, 1, 2) : type === 'category' ? banners(v, 2, 2, category?.id) : {};
    for (const { name, size } of dashboard.sections) {
      const section = sections[name]?.(size);
      if (section) response[section[0]] = section[1];
    }
    return response;
  }

  return { record, answer };
}
