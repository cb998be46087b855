// The public surface: config, events (a discriminated union on `type`), responses and the tracker.

/** A product, variant, category or order id. Numbers are accepted and sent as strings. */
export type Id = string;

export type PageType =
  | 'home'
  | 'product'
  | 'category'
  | 'search'
  | 'cart'
  | '404'
  | 'order confirmation'
  | 'checkout';

/**
 * What the shopper agreed to (DESIGN.md §9). `pending`: nothing stored or sent, events wait in memory; `denied`:
 * nothing stored or sent, and what earlier pages stored is deleted; `granted`: normal.
 */
export type ConsentState = 'granted' | 'denied' | 'pending';

export interface Options {
  /** Send events here instead of https://events.datacue.co/ (a first-party proxy, the demo store's API). */
  events_url?: string;
  /** true: send to https://staging-events.datacue.co/. */
  _staging?: boolean;
  /** Log every event and response to the console. */
  debug?: boolean;
  /**
   * The shopper's consent. Absent: granted, except that a browser sending Global Privacy Control
   * (`navigator.globalPrivacyControl === true`) is treated as denied. A later config without it keeps the state.
   */
  consent?: ConsentState;
  /**
   * How the widgets write prices, Shopify-style: `{{amount}}`, `{{amount_no_decimals}}`,
   * `{{amount_with_comma_separator}}` or `{{amount_no_decimals_with_comma_separator}}` in any text ("${{amount}}",
   * "{{amount_with_comma_separator}} €"). Absent: `Intl.NumberFormat` for the store's currency and locale (US dollars in
   * English as "${{amount}}" writes them, the same text). The dashboard's `money_format` wins; read by
   * datacue-storefront.js from `window.datacueConfig` (the tracker ignores it).
   */
  money_format?: string;
}

export interface Profile {
  sex?: string;
  segment?: string;
  location?: string;
  [key: string]: unknown;
}

/** One variant of a product, as `product_update` carries it. */
export interface ProductUpdate {
  variant_id?: Id;
  product_id?: Id;
  name?: string;
  price?: number;
  full_price?: number;
  link?: string;
  photo_url?: string;
  available?: boolean;
  stock?: number;
  category_ids?: Id[];
  brand?: string;
  description?: string;
  [key: string]: unknown;
}

export interface CategoryUpdate {
  name?: string;
  link?: string;
}

export interface CartItem {
  product_id: Id;
  variant_id?: Id;
  /** Older samples use `variant`. */
  variant?: Id;
  quantity: number;
  unit_price: number;
  currency?: string;
}

export interface OrderDetails {
  /** Orders cannot be cancelled from the browser: 'cancelled' is not sent (a `datacue:` message says so). */
  order_status?: 'completed';
  cart: CartItem[];
  timestamp?: string;
}

/** What every config may carry besides the page. */
export interface ConfigBase {
  api_key?: string;
  user_id?: string | number | null;
  options?: Options;
  /** Set by the DataCue dashboard's preview of the widgets (with `page_type: 'editor preview'`): CSS it applies. */
  editor?: { custom_styles?: string };
}

/** The page part of a config, one shape per `page_type` (DESIGN.md §3). */
export type PageFields =
  | { page_type: 'home' | 'cart' | '404' | 'checkout' }
  | {
      page_type: 'product';
      product_id: Id | number;
      variant_id?: Id | number | null;
      product_update?: ProductUpdate[] | ProductUpdate;
    }
  | { page_type: 'category'; category_id: Id | number; category_name?: string; category_update?: CategoryUpdate }
  /** Older shape: `category_name` instead of `category_id`. */
  | { page_type: 'category'; category_name: string; category_update?: CategoryUpdate }
  | { page_type: 'search'; term: string }
  | { page_type: 'order confirmation'; order_id?: Id | number; order_details?: OrderDetails }
  /** The dashboard's preview of the widgets: sends nothing. */
  | { page_type: 'editor preview' };

/** What `page()` takes for a single-page route: a page, and optionally new api_key, options or user_id. */
export type PageConfig = ConfigBase & PageFields;

/** `window.datacueConfig`: a page config, or only the api key, options and user (a page that sends nothing itself). */
export type DatacueConfig = PageConfig | (ConfigBase & { page_type?: undefined });

export interface HomePageview { type: 'pageview'; subtype: 'home' }
export interface ProductPageview {
  type: 'pageview';
  subtype: 'product';
  product_id: Id;
  variant_id?: Id;
  product_update?: ProductUpdate[];
}
export interface CategoryPageview {
  type: 'pageview';
  subtype: 'category';
  category_id: Id;
  category_name?: string;
  category_update?: CategoryUpdate;
}
export interface SimplePageview { type: 'pageview'; subtype: 'cart' | '404' | 'checkout' }
export interface OrderConfirmationPageview { type: 'pageview'; subtype: 'order confirmation'; order_id?: Id }
export type PageviewEvent =
  | HomePageview
  | ProductPageview
  | CategoryPageview
  | SimplePageview
  | OrderConfirmationPageview;

export interface SearchEvent { type: 'search'; term: string }
export interface CartUpdateEvent { type: 'cart'; subtype: 'update'; cart: CartItem[]; cart_link: string }
export interface WishlistEvent { type: 'wishlist'; subtype: 'add' | 'remove'; product_id: Id; variant_id?: Id }
export interface CheckoutStartedEvent { type: 'checkout'; subtype: 'started'; cart: CartItem[]; cart_link: string }
export interface LoginEvent { type: 'login' }
export interface BannerClickEvent { type: 'click'; subtype: 'banner'; banner_id: Id; category_id?: Id }
export interface ProductClickEvent {
  type: 'click';
  subtype: 'product' | 'related' | 'similar' | 'recent';
  product_id: Id;
}
/** A completed order. Orders cannot be cancelled from the browser (the reference), so there is no 'cancelled'. */
export interface OrderEvent {
  type: 'order';
  subtype: 'completed';
  order_id: Id;
  cart: CartItem[];
  timestamp?: string;
}

export type DatacueEvent =
  | PageviewEvent
  | SearchEvent
  | CartUpdateEvent
  | WishlistEvent
  | CheckoutStartedEvent
  | LoginEvent
  | BannerClickEvent
  | ProductClickEvent
  | OrderEvent;

/** What is POSTed to the events API. */
export interface Envelope {
  user: { anonymous_id: string; user_id?: string | undefined; profile?: Profile | undefined };
  event: DatacueEvent;
  timestamp: string;
}

export interface Banner {
  banner_id: Id;
  link: string;
  photo_url: string;
  name?: string;
  category_id?: Id;
}

export interface RecommendedProduct {
  product_id: Id;
  variant_id?: Id;
  name: string;
  price: number | string;
  full_price?: number | string;
  photo_url: string;
  link: string;
  category_1?: string;
  brand?: string;
  /** 0-100; the card shows it as five stars (58 shows 3). */
  rating?: number;
  stock?: number;
  available?: boolean;
  /** Each scalar is on the card as `data-dc-extra-<key>`; `discount` also shows as a badge. */
  extra?: Record<string, unknown>;
}

/** A row of the related-categories section. */
export interface RelatedCategory {
  name: string;
  products: RecommendedProduct[];
}

export type CardField = 'price' | 'full_price' | 'brand' | 'rating' | 'stock';

/** The store's dashboard settings, as the response carries them under `config` (DESIGN.md §7). */
export interface DashboardConfig {
  /** The sections to show, in order; a section left out is hidden. Absent: every section. */
  sections?: {
    name: 'related' | 'recent' | 'similar' | 'categories' | 'top';
    title?: string;
    /** Default 'slider'. */
    layout?: 'grid' | 'slider';
    /** How many products (at most 48). Default: every product the API sent. */
    size?: number;
    /** Default 2 / 4. */
    items_per_page?: { mobile: number; desktop: number };
  }[];
  show_fields?: CardField[];
  hide_out_of_stock?: boolean;
  cta_button?: { show_button: boolean; caption?: string; buy_caption?: string; classes?: string };
  money_format?: string;
  locale?: string;
}

/** The JSON the events API answers for home and product pageviews and searches. */
export interface RecommendationsResponse {
  main_banners?: Banner[] | null;
  sub_banners?: Banner[] | null;
  related_product_skus?: RecommendedProduct[] | null;
  recent_product_skus?: RecommendedProduct[] | null;
  similar_product_skus?: RecommendedProduct[] | null;
  top_product_skus?: RecommendedProduct[] | null;
  related_categories?: RelatedCategory[] | null;
  config?: DashboardConfig | null;
  [key: string]: unknown;
}

/** What subscribers receive for every page event: the page type and its response (null for 204 or failure). */
export interface PageRecommendations {
  page_type: PageType;
  response: RecommendationsResponse | null;
  /** True when the page event failed (refused, or kept for a retry): null then says nothing about what the API has. */
  failed?: boolean;
}

export type RecommendationsListener = (page: PageRecommendations) => void;

export interface Datacue {
  /** For pages that do not set `window.datacueConfig`. */
  init(apiKey: string, options?: Options): void;
  /** Sets the user for every later event; null, undefined or "" means guest. */
  identify(userId: string | number | null | undefined, profile?: Profile): void;
  /**
   * Sends one event: returns at once, the request leaves after the browser has painted (at once if the page is being
   * hidden). Resolves with the parsed JSON response, or null (204, deferred, sent by another page load, or consent
   * withdrawn or `forget()` while it was on its way).
   * With `defer === true` the event is stored and sent once on the next page load.
   */
  track(event: DatacueEvent, defer?: boolean): Promise<RecommendationsResponse | null>;
  /**
   * Single-page storefronts: sends the page event(s) for a new route from a config-shaped object; the api key,
   * options and user of the first config stay unless it names new ones.
   */
  page(config: PageConfig): Promise<RecommendationsResponse | null>;
  /**
   * Receives the recommendations of each page event, starting with the latest one if it already arrived; only the
   * newest page event's (a slower answer of an earlier route never comes). With consent denied, or withdrawn while
   * the answer was on its way, the page's entry has `response: null` (the widgets show only the static banner).
   */
  onRecommendations(listener: RecommendationsListener): () => void;
  /**
   * Changes the shopper's consent: granting sends what waited (this page's event first), denying drops it and
   * deletes what earlier pages stored. An unknown value is reported and treated as pending.
   */
  consent(state: ConsentState): void;
  /** Deletes the visitor id and every event waiting (in memory and in storage); the next event starts a new id. */
  forget(): void;
}
