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
export interface OrderEvent {
  type: 'order';
  subtype: 'completed' | 'cancelled';
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
  extra?: Record<string, unknown>;
}

/** The JSON the events API answers for home and product pageviews and searches. */
export interface RecommendationsResponse {
  main_banners?: Banner[] | null;
  sub_banners?: Banner[] | null;
  related_product_skus?: RecommendedProduct[] | null;
  recent_product_skus?: RecommendedProduct[] | null;
  similar_product_skus?: RecommendedProduct[] | null;
  [key: string]: unknown;
}

/** What subscribers receive for every page event: the page type and its response (null for 204 or failure). */
export interface PageRecommendations {
  page_type: PageType;
  response: RecommendationsResponse | null;
}

export type RecommendationsListener = (page: PageRecommendations) => void;

export interface Datacue {
  /** For pages that do not set `window.datacueConfig`. */
  init(apiKey: string, options?: Options): void;
  /** Sets the user for every later event; null, undefined or "" means guest. */
  identify(userId: string | number | null | undefined, profile?: Profile): void;
  /**
   * Sends one event: returns at once, the request leaves after the browser has painted (at once if the page is being
   * hidden). Resolves with the parsed JSON response, or null (204, deferred, or sent by another page load).
   * With `defer === true` the event is stored and sent once on the next page load.
   */
  track(event: DatacueEvent, defer?: boolean): Promise<RecommendationsResponse | null>;
  /**
   * Single-page storefronts: sends the page event(s) for a new route from a config-shaped object; the api key,
   * options and user of the first config stay unless it names new ones.
   */
  page(config: PageConfig): Promise<RecommendationsResponse | null>;
  /**
   * Receives every page's recommendations, starting with the latest one if it already arrived. With consent
   * denied, the page's entry has `response: null` (the widgets show only the static banner).
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
