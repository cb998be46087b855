// The widgets' markup. Everything shown comes from the models, so names are text and URLs are already checked.
import { Fragment, h, type ComponentChildren } from 'preact';
import { discountPercent } from './format.js';
import type { BannerModel, ProductModel, SectionModel } from './model.js';
import { DEFAULT_PER_PAGE, type ButtonSettings, type Field, type SectionName } from './settings.js';
import type { Texts } from './titles.js';

/** What every widget of one placeholder shares. */
export interface View {
  texts: Texts;
  price: (amount: number) => string;
  /** Unique per placeholder, for ids that tie titles and buttons to lists. */
  id: string;
  /** The card fields the dashboard shows. */
  fields: Field[];
  button?: ButtonSettings | undefined;
  /** The placeholder starts inside the window: its banners and its first section's first row of cards load at once. */
  eager: boolean;
}

/** `detail` of the `datacue:add-to-cart` event a buy button dispatches from its card. */
export interface AddToCartDetail {
  product_id: string;
  variant_id: string;
  name: string;
  price: number | null;
  link: string | null;
  section: SectionName;
}

/** An image with its size (its box is right before it loads); lazy unless `eager`, then banners (`priority`) first. */
const Img = ({ eager, priority, ...props }: { src: string; width: number; height: number; alt: string; class: string; eager: boolean; priority?: boolean }) => (
  <img {...props} loading={eager ? 'eager' : 'lazy'} fetchpriority={eager && priority ? 'high' : undefined} decoding="async" />
);

/** Lets store code put the product in its cart (and cancel the event); otherwise the product page opens. */
function addToCart(e: MouseEvent, p: ProductModel, section: SectionName) {
  const detail: AddToCartDetail = { product_id: p.id, variant_id: p.variantId!, name: p.name, price: p.price ?? null, link: p.link ?? null, section };
  const card = (e.currentTarget as Element).closest('.dc-card')!;
  if (card.dispatchEvent(new CustomEvent('datacue:add-to-cart', { bubbles: true, cancelable: true, detail })) && p.link) location.assign(p.link);
}

export function ProductCard({ product: p, section, view, eager }: { product: ProductModel; section: SectionName; view: View; eager: boolean }) {
  const show = (field: Field) => view.fields.includes(field);
  const off = show('full_price') ? discountPercent(p.price, p.fullPrice) : undefined;
  const button = view.button;
  const stock = p.soldOut ? view.texts.soldOut : show('stock') && p.stock !== undefined && p.stock <= 5 ? view.texts.left.replace('{n}', String(p.stock)) : '';
  const body = (
    <>
      <span class="dc-card__media">
        {p.image && <Img class="dc-card__img" src={p.image} width={300} height={300} alt="" eager={eager} />}
        {p.badge && <span class="dc-card__badge">{p.badge}</span>}
      </span>
      {show('brand') && p.brand && <span class="dc-card__brand">{p.brand}</span>}
      <span class="dc-card__name">{p.name}</span>
      {show('rating') && p.stars !== undefined && (
        <span class="dc-card__rating" role="img" aria-label={view.texts.stars.replace('{n}', String(p.stars))}>
          {'★'.repeat(p.stars)}
          <span class="dc-card__rating-off">{'★'.repeat(5 - p.stars)}</span>
        </span>
      )}
      {show('price') && p.price !== undefined && (
        <span class="dc-card__price">
          <span class="dc-card__now">{view.price(p.price)}</span>
          {off !== undefined && (
            <>
              <del class="dc-card__was">
                <span class="dc-sr">{view.texts.was} </span>
                {view.price(p.fullPrice!)}
              </del>
              <span class="dc-card__off">-{off}%</span>
            </>
          )}
        </span>
      )}
      {stock && <span class={`dc-card__stock${p.soldOut ? ' dc-card__stock--out' : ''}`}>{stock}</span>}
    </>
  );
  const buttonClass = `dc-card__button ${button?.classes ?? ''}`;
  return (
    <li class={`dc-card${p.soldOut ? ' dc-card--sold-out' : ''}`} {...p.extra}>
      {p.link ? (
        <a class="dc-card__link" href={p.link} data-dc-product={p.id}>
          {body}
        </a>
      ) : (
        <div class="dc-card__link">{body}</div>
      )}
      {/* A sold-out product has no buy button; its link caption, if any, still opens it (a row's buttons line up). */}
      {button && p.link && (
        button.buyCaption && p.variantId && !p.soldOut ? (
          <button type="button" class={buttonClass} data-dc-product={p.id} onClick={(e) => addToCart(e, p, section)}>
            {button.buyCaption}
          </button>
        ) : (
          button.caption && (
            <a class={buttonClass} href={p.link} data-dc-product={p.id} tabIndex={-1}>
              {button.caption}
            </a>
          )
        )
      )}
    </li>
  );
}

/** 1 on a left-to-right page, -1 right to left, where the cards run from the right and a track's `scrollLeft` goes
 *  from 0 down to minus its end: paging and the arrow keys are mirrored. */
const sign = (el: Element) => (getComputedStyle(el).direction == 'rtl' ? -1 : 1);

/** A carousel's track, with where its last press's scroll goes (in the page's reading direction) until it ends, and
 *  where the track was at that press (its `scrollLeft`). */
type Track = HTMLUListElement & { pagedTo?: number | undefined; pagedFrom?: number };

/**
 * The WAI-ARIA carousel pattern on native scrolling with snap points (it swipes): previous, the cards, next, in
 * the order they are seen. The buttons page through it and wrap at the ends, so they are never disabled and the
 * focus never falls to the page; the arrow keys move between cards. No component state: the track is found from
 * the event, and what a press leaves for the next (where its scroll goes, where it found the track) is kept on the
 * track until that scroll ends.
 * Cards that all fit on the first page at any width (`paged` false: no more than the smaller of the phone and desktop
 * items per page, so resizing never needs them) have nothing to page through: the buttons are hidden (no focus, not
 * read) in their place, so the cards keep the width the box was held for.
 */
function Carousel({ listId, labelledBy, view, paged, children }: { listId: string; labelledBy: string; view: View; paged: boolean; children: ComponentChildren }) {
  const page = (e: MouseEvent, next: boolean) => {
    const t: Track = (e.currentTarget as Element).parentElement!.querySelector('ul')!;
    const s = sign(t);
    // Exact (clientWidth is rounded): pages start at whole multiples of it, and a rounded one drifts a pixel a page.
    const w = t.getBoundingClientRect().width;
    const end = t.scrollWidth - w;
    // While the last press's scroll is on its way (until the track's scrollend), a press pages on from where that one
    // goes: presses faster than the smooth scroll move a whole page each, and wrap at the ends. Pages start a whole
    // window apart from the start, then the end: previous goes to the start of the page before (from a last page that
    // is not full, to the page next showed before it).
    const at = t.pagedTo ?? t.scrollLeft * s;
    t.pagedTo = next ? (at >= end - 1 ? 0 : Math.min(at + w, end)) : at <= 1 ? end : at - 1 - ((at - 1) % w);
    t.pagedFrom = t.scrollLeft;
    // `scroll-behavior` in the stylesheet makes this smooth, unless the shopper asks for reduced motion.
    t.scrollTo({ left: s * t.pagedTo });
  };
  // A scroll's end ends the run of presses (a swipe may have taken over), unless the track is still where the last
  // press found it: that scrollend is taken for the scroll before's, told a frame late, before the press's own scroll
  // has begun (a swipe that ends exactly there is taken for it too).
  const endPaging = (e: Event) => {
    const t = e.currentTarget as Track;
    if (t.scrollLeft != t.pagedFrom) t.pagedTo = undefined;
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const track = e.currentTarget as Element;
    const step = ({ ArrowRight: 1, ArrowLeft: -1 } as Record<string, number>)[e.key];
    const links = [...track.querySelectorAll<HTMLElement>('.dc-card__link')];
    // The direction is read only for an arrow key.
    const next = step && links[links.indexOf(document.activeElement as HTMLElement) + step * sign(track)];
    if (next) {
      e.preventDefault();
      next.focus();
    }
  };
  // Its aria-label names the button; a button's content is not read, so the glyph needs no aria-hidden of its own.
  const button = (next: boolean) => (
    <button type="button" class={`dc-carousel__button dc-carousel__button--${next ? 'next' : 'prev'}`} style={paged ? undefined : { visibility: 'hidden' }} aria-controls={listId} aria-label={next ? view.texts.next : view.texts.previous} onClick={(e) => page(e, next)}>
      {next ? '›' : '‹'}
    </button>
  );
  return (
    <div class="dc-carousel" role="group" aria-roledescription="carousel" aria-labelledby={labelledBy}>
      {button(false)}
      <ul class="dc-carousel__track" id={listId} aria-labelledby={labelledBy} onKeyDown={onKeyDown} onScrollEnd={endPaging}>
        {children}
      </ul>
      {button(true)}
    </div>
  );
}

/** One section; `eager` when it is the first of a placeholder that starts inside the window. */
export function Section({ section, title, view, eager }: { section: SectionModel; title: string; view: View; eager: boolean }) {
  const id = `${view.id}-${section.key}`;
  const n = section.perPage;
  // Cards a row. The first row (a carousel's first page) is what the shopper sees, at whichever width: the rest waits
  // until it comes near.
  const { mobile, desktop } = n ?? DEFAULT_PER_PAGE;
  const cards = section.products.map((p, i) => <ProductCard key={p.id} product={p} section={section.name} view={view} eager={eager && i < Math.max(mobile, desktop)} />);
  const perPage = n && { '--dc-per-page-mobile': n.mobile, '--dc-per-page-desktop': n.desktop };
  return (
    // Not a named landmark: a page may show the same section twice (e.g. "recent" in two placeholders).
    <section class={`dc-section dc-section--${section.name} dc-section--${section.layout}`} data-dc-section={section.name} style={perPage}>
      <h2 class="dc-section__title" id={`${id}-title`}>
        {title}
      </h2>
      {section.layout === 'carousel' ? (
        <Carousel listId={`${id}-list`} labelledBy={`${id}-title`} view={view} paged={section.products.length > Math.min(mobile, desktop)}>
          {cards}
        </Carousel>
      ) : (
        <ul class="dc-grid" id={`${id}-list`} aria-labelledby={`${id}-title`}>
          {cards}
        </ul>
      )}
    </section>
  );
}

/**
 * One banner box. In the standard layout CSS holds its aspect ratio; in a store's own slot (`slot`) the image's
 * width and height attributes do, within whatever size the store gives the slot. Either way nothing moves when
 * the image arrives.
 */
export function BannerBox({ banner, wide, eager, slot, record = true }: { banner: BannerModel; wide: boolean; eager: boolean; slot?: boolean; record?: boolean }) {
  const cls = `dc-banner dc-banner--${slot ? 'slot' : wide ? 'wide' : 'narrow'}`;
  const img = <Img class="dc-banner__img" src={banner.image} width={wide ? 1200 : 480} height={720} alt={banner.name} eager={eager} priority />;
  return banner.link ? (
    <a class={cls} href={banner.link} data-dc-banner={record ? banner.id : undefined}>
      {img}
    </a>
  ) : (
    <div class={cls}>{img}</div>
  );
}
