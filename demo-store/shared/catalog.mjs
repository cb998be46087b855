// The demo store's catalog: categories, products with variants, and the banners the events API recommends.
// Plain data and lookups with no Node or DOM dependency: the server and the single-page storefront both import it.

export const CATEGORIES = [
  { id: 'bedroom', name: 'Bedroom', tagline: 'Sleep well, wake up happy', hue: 258 },
  { id: 'living-room', name: 'Living room', tagline: 'Room for everyone', hue: 18 },
  { id: 'kitchen', name: 'Kitchen', tagline: 'Cook, eat, linger', hue: 42 },
  { id: 'bathroom', name: 'Bathroom', tagline: 'Calm starts here', hue: 190 },
  { id: 'outdoors', name: 'Outdoors', tagline: 'Summer, all year', hue: 132 },
];

/** Finish and fabric colours; a variant is one of these. */
const COLORS = {
  Oak: '#c8a06a',
  Walnut: '#7a5236',
  White: '#eeeae4',
  Black: '#2e2e33',
  Grey: '#8d9096',
  Navy: '#2f4466',
  Sand: '#d9c7a3',
  Sage: '#9fb49a',
  Terracotta: '#c8704f',
  Brass: '#c9a43e',
  Steel: '#a9b0b8',
  Gold: '#d4af37',
  Bamboo: '#cdb67a',
  Teak: '#9a6b3f',
  Natural: '#b98b5e',
};

// [category, kind (drawing), name, brand, price, full_price (null: not discounted), stock, colours (null: no variants)]
const ROWS = [
  ['bedroom', 'bed', 'Luxury Double Bed', 'Nordhus', 1299, 1599, 8, ['Oak', 'Walnut']],
  ['bedroom', 'bed', 'Basic Single Bed', 'Casa Alta', 299, null, 20, ['White', 'Oak']],
  ['bedroom', 'nightstand', 'Bedside Table', 'Teka', 89, null, 35, ['Oak', 'White', 'Black']],
  ['bedroom', 'wardrobe', 'Two-Door Wardrobe', 'Nordhus', 649, 749, 5, ['White', 'Oak']],
  ['bedroom', 'dresser', 'Six-Drawer Dresser', 'Zayra', 429, null, 12, null],
  ['bedroom', 'table-lamp', 'Linen Bedside Lamp', 'Lumo', 59, 79, 40, ['Sand', 'Sage']],
  ['bedroom', 'mirror', 'Standing Mirror', 'Zayra', 149, null, 0, null],
  ['bedroom', 'rug', 'Wool Bedroom Rug', 'Verde', 199, 249, 14, ['Grey', 'Terracotta']],
  ['bedroom', 'bed', 'Upholstered King Bed', 'Zayra', 1599, null, 3, ['Grey', 'Navy']],
  ['living-room', 'sofa', 'Soft Three-Seat Sofa', 'Nordhus', 899, 1099, 6, ['Grey', 'Navy', 'Sand']],
  ['living-room', 'sofa', 'Contemporary Sofa', 'Zayra', 729, null, 9, ['Terracotta', 'Grey']],
  ['living-room', 'loveseat', 'Compact Loveseat', 'Casa Alta', 499, 599, 11, ['Sage', 'Grey']],
  ['living-room', 'armchair', 'Wingback Armchair', 'Zayra', 389, null, 7, ['Navy', 'Sand']],
  ['living-room', 'coffee-table', 'Round Coffee Table', 'Teka', 249, 299, 18, ['Oak', 'Walnut']],
  ['living-room', 'shelf', 'Open Bookcase', 'Nordhus', 319, null, 10, ['Oak', 'White']],
  ['living-room', 'tv-stand', 'Low TV Stand', 'Teka', 279, null, 13, ['Walnut', 'Black']],
  ['living-room', 'floor-lamp', 'Arc Floor Lamp', 'Lumo', 179, 229, 16, ['Black', 'Brass']],
  ['living-room', 'rug', 'Patterned Living Room Rug', 'Verde', 259, null, 0, null],
  ['kitchen', 'table', 'Oak Dining Table', 'Teka', 799, 949, 4, ['Oak', 'Walnut']],
  ['kitchen', 'chair', 'Dining Chair', 'Teka', 119, null, 48, ['Oak', 'Black', 'White']],
  ['kitchen', 'stool', 'Counter Bar Stool', 'Casa Alta', 99, 129, 30, ['Black', 'Oak']],
  ['kitchen', 'pendant', 'Pendant Kitchen Light', 'Lumo', 139, null, 22, ['Brass', 'Black']],
  ['kitchen', 'shelf', 'Pantry Shelf', 'Casa Alta', 189, null, 9, null],
  ['kitchen', 'cart', 'Rolling Kitchen Cart', 'Casa Alta', 159, 199, 15, ['White', 'Sage']],
  ['kitchen', 'flatware', 'Decorative Flatware Set', 'Aurum', 79, 99, 60, ['Steel', 'Gold']],
  ['kitchen', 'table', 'Extendable Dining Table', 'Nordhus', 1099, null, 2, ['White', 'Oak']],
  ['kitchen', 'chair', 'Bistro Chair', 'Verde', 89, null, 0, ['Black']],
  ['bathroom', 'rack', 'Handicraft Towel Rack', 'Verde', 49, null, 34, ['Bamboo', 'Black']],
  ['bathroom', 'organizer', 'Scandinavian Organizer', 'Nordhus', 69, 89, 28, ['White', 'Oak']],
  ['bathroom', 'mirror', 'Round Bathroom Mirror', 'Zayra', 129, null, 17, ['Brass', 'Black']],
  ['bathroom', 'cabinet', 'Mirror Cabinet', 'Teka', 219, 259, 8, null],
  ['bathroom', 'vanity', 'Floating Vanity', 'Nordhus', 549, null, 4, ['Oak', 'White']],
  ['bathroom', 'basket', 'Laundry Basket', 'Verde', 39, null, 50, ['Sand', 'Grey']],
  ['bathroom', 'rug', 'Cotton Bath Mat', 'Aurum', 29, 35, 70, ['White', 'Sage', 'Terracotta']],
  ['bathroom', 'stool', 'Teak Shower Stool', 'Teka', 89, null, 12, null],
  ['bathroom', 'rack', 'Ladder Towel Rail', 'Casa Alta', 79, 99, 0, ['Black']],
  ['outdoors', 'sofa', 'Wicker Outdoor Sofa', 'Verde', 699, 849, 5, ['Sand', 'Grey']],
  ['outdoors', 'lounger', 'Teak Sun Lounger', 'Teka', 449, null, 7, null],
  ['outdoors', 'table', 'Garden Dining Table', 'Verde', 529, null, 6, ['Teak', 'Black']],
  ['outdoors', 'chair', 'Folding Garden Chair', 'Casa Alta', 69, 89, 40, ['Sage', 'Terracotta', 'Black']],
  ['outdoors', 'parasol', 'Tilting Parasol', 'Lumo', 159, 199, 14, ['Sand', 'Terracotta']],
  ['outdoors', 'planter', 'Terracotta Planter Set', 'Verde', 49, null, 55, null],
  ['outdoors', 'lantern', 'Solar Lantern', 'Lumo', 35, 45, 80, ['Black', 'Brass']],
  ['outdoors', 'armchair', 'Rope Lounge Chair', 'Zayra', 349, null, 9, ['Navy', 'Sand']],
  ['outdoors', 'bench', 'Acacia Garden Bench', 'Verde', 239, null, 0, null],
];

/** The reference's variant id for a product without variants. */
export const NO_VARIANTS = 'no-variants';

const slugify = (text) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** Splits a product's stock over its variants, the first ones getting the remainder. */
function variantsOf(colors, stock, fallbackColor) {
  if (!colors) return [{ variant_id: NO_VARIANTS, name: '', color: fallbackColor, stock }];
  return colors.map((name, i) => ({
    variant_id: slugify(name),
    name,
    color: COLORS[name],
    stock: Math.floor(stock / colors.length) + (i < stock % colors.length ? 1 : 0),
  }));
}

/** Shoppers' ratings, 0-100 (the reference's scale: five stars), spread so that every star count shows. */
const RATINGS = [92, 78, 58, 100, 84, 66, 45, 96, 72, 88, 35, 81];

const describe = (name, brand, category) =>
  `The ${name} by ${brand}: made to last, easy to live with, and at home in any ${category.toLowerCase()}.`;

export const PRODUCTS = ROWS.map(([category_id, kind, name, brand, price, full_price, stock, colors], i) => {
  const category = CATEGORIES.find((c) => c.id === category_id);
  return {
    product_id: `p${i + 1}`,
    slug: slugify(name),
    name,
    category_id,
    kind,
    brand,
    price,
    full_price: full_price ?? price,
    stock,
    rating: RATINGS[i % RATINGS.length],
    available: stock > 0,
    description: describe(name, brand, category.name),
    variants: variantsOf(colors, stock, COLORS.Natural),
  };
});

export const productById = (id) => PRODUCTS.find((p) => p.product_id === id);
export const productBySlug = (slug) => PRODUCTS.find((p) => p.slug === slug);
export const categoryById = (id) => CATEGORIES.find((c) => c.id === id);
export const productsIn = (categoryId) => PRODUCTS.filter((p) => p.category_id === categoryId);
export const variantOf = (product, variantId) => product.variants.find((v) => v.variant_id === variantId);

export const productLink = (product) => `/product/${product.slug}`;
export const categoryLink = (category) => `/category/${category.id}`;
export const photoUrl = (product, variant = product.variants[0]) =>
  `/img/product/${product.product_id}/${variant.variant_id}.svg`;

/** Whole percent off the full price, 0 when not discounted. */
export const discountPercent = (p) => (p.full_price > p.price ? Math.round((1 - p.price / p.full_price) * 100) : 0);

/**
 * Banners of a category: one wide (main) banner for the category, and narrow (sub) banners for its two most
 * discounted products that are in stock.
 */
function bannersOf(category) {
  const main = {
    banner_id: `B-${category.id}`,
    name: category.name,
    link: categoryLink(category),
    photo_url: `/img/banner/B-${category.id}.svg`,
    category_id: category.id,
  };
  const subs = productsIn(category.id)
    .filter((p) => p.available)
    .sort((a, b) => discountPercent(b) - discountPercent(a) || b.price - a.price)
    .slice(0, 2)
    .map((p) => ({
      banner_id: `B-${category.id}-${p.product_id}`,
      name: p.name,
      link: productLink(p),
      photo_url: `/img/banner/B-${category.id}-${p.product_id}.svg`,
      category_id: category.id,
    }));
  return { main, subs };
}

export const BANNERS = Object.fromEntries(CATEGORIES.map((c) => [c.id, bannersOf(c)]));

/** The static banner of the home page: the same for everyone, its clicks not recorded. */
export const STATIC_BANNER = { photo_url: '/img/banner/static.svg', link: '/category/living-room' };

/** Products matching every word of a search term (a trailing plural "s" ignored) in their name, brand, category, kind or colours. */
export function search(term) {
  const words = String(term).toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  const haystack = (p) =>
    [p.name, p.brand, categoryById(p.category_id).name, p.kind, ...p.variants.map((v) => v.name)].join(' ').toLowerCase();
  return PRODUCTS.filter((p) => words.every((w) => haystack(p).includes(w.replace(/s$/, ''))));
}
