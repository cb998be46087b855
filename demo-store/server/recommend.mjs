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
  variantOf,
} from '../shared/catalog.mjs';

/** Products per section (the widgets' default section size). */
export const SECTION_SIZE = 8;
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
    available: variant.stock > 0,
    stock: variant.stock,
    extra: off ? { discount: `${off}%` } : {},
  };
}

const increment = (map, key, by = 1) => map.set(key, (map.get(key) ?? 0) + by);

export function createModel() {
  /** key → { recent: [{product_id, variant_id}] newest first, categories: Map<category_id, views> } */
  const visitors = new Map();
  /** product_id → views + BUY_WEIGHT × units bought */
  const popularity = new Map();
  /** product_id → Map<product_id, weight>: viewed or bought together, symmetric */
  const together = new Map();

  function visitor(key) {
    const found = visitors.get(key) ?? { recent: [], categories: new Map() };
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
    } else if (event.type === 'order' && event.subtype !== 'cancelled') buy(v, event.cart);
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

  const available = (exclude) => PRODUCTS.filter((p) => p.available && !exclude.has(p.product_id));

  /**
   * Viewed or bought together with `seeds`, strongest first, then the most popular products, those of the
   * visitor's favourite categories first.
   */
  function related(v, seeds, exclude) {
    const score = (p) => seeds.reduce((sum, id) => sum + (together.get(id)?.get(p.product_id) ?? 0), 0);
    const candidates = available(exclude);
    const linked = candidates.filter((p) => score(p) > 0).sort((a, b) => score(b) - score(a));
    const taken = new Set(linked.map((p) => p.product_id));
    const affinity = (p) => v.categories.get(p.category_id) ?? 0;
    const popular = candidates
      .filter((p) => !taken.has(p.product_id))
      .sort((a, b) => affinity(b) - affinity(a) || popularityOf(b.product_id) - popularityOf(a.product_id));
    return [...linked, ...popular].slice(0, SECTION_SIZE).map((p) => productObject(p));
  }

  /** Same category or brand, the category counting more, then the closest price. */
  function similar(product) {
    const score = (p) => (p.category_id === product.category_id ? 2 : 0) + (p.brand === product.brand ? 1 : 0);
    const distance = (p) => Math.abs(Math.log(p.price / product.price));
    return available(new Set([product.product_id]))
      .filter((p) => score(p) > 0)
      .sort((a, b) => score(b) - score(a) || distance(a) - distance(b))
      .slice(0, SECTION_SIZE)
      .map((p) => productObject(p));
  }

  /** The category's products, most viewed and bought first. */
  const top = (categoryId) =>
    available(new Set())
      .filter((p) => p.category_id === categoryId)
      .sort((a, b) => popularityOf(b.product_id) - popularityOf(a.product_id))
      .slice(0, SECTION_SIZE)
      .map((p) => productObject(p));

  function recent(v, exclude) {
    return v.recent
      .filter((r) => !exclude.has(r.product_id))
      .slice(0, SECTION_SIZE)
      .map((r) => {
        const product = productById(r.product_id);
        return productObject(product, variantOf(product, r.variant_id));
      });
  }

  /**
   * The response to an envelope already recorded: recommendations for page events and searches, null (204) for the
   * rest. The reference documents responses for home and product pageviews and searches; the other page types get
   * the sections the widgets show for them too, so that every page of the store has recommendations.
   */
  function answer({ user, event }) {
    const isPage = event.type === 'pageview';
    if (!isPage && event.type !== 'search') return null;
    const v = visitor(visitorKey(user));
    const recentIds = new Set(v.recent.map((r) => r.product_id));
    switch (isPage ? event.subtype : 'search') {
      case 'home':
        return {
          ...banners(v, 1, 2),
          related_product_skus: related(v, [...recentIds].slice(0, TOGETHER_WINDOW), recentIds),
          recent_product_skus: recent(v, new Set()),
        };
      case 'product': {
        const product = productById(event.product_id);
        const here = new Set([event.product_id]);
        return {
          similar_product_skus: product ? similar(product) : [],
          related_product_skus: related(v, [event.product_id], here),
          recent_product_skus: recent(v, here),
        };
      }
      case 'category': {
        const category = categoryById(event.category_id ?? event.category_name);
        return {
          ...banners(v, 2, 2, category?.id),
          top_product_skus: category ? top(category.id) : [],
          recent_product_skus: recent(v, new Set()),
        };
      }
      default:
        return {
          related_product_skus: related(v, [...recentIds].slice(0, TOGETHER_WINDOW), recentIds),
          recent_product_skus: recent(v, new Set()),
        };
    }
  }

  return { record, answer };
}
