// The widgets' markup. Everything shown comes from the models, so names are text and URLs are already checked.
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useRef } from 'preact/hooks';
import { discountPercent } from './format.js';
import type { BannerModel, ProductModel, SectionModel } from './model.js';
import type { Texts } from './titles.js';

/** What every widget of one placeholder shares. */
export interface View {
  texts: Texts;
  price: (amount: number) => string;
  /** Unique per placeholder, for ids that tie titles and buttons to lists. */
  id: string;
}

/** Whether the placeholder being drawn starts inside the window: its images load at once, banners first. */
export const AboveFold = createContext(false);

/** An image with its size (its box is right before it loads); lazy below the fold, eager above it. */
function Img({ priority, ...props }: { src: string; width: number; height: number; alt: string; class: string; priority?: boolean }) {
  const eager = useContext(AboveFold);
  return <img {...props} loading={eager ? 'eager' : 'lazy'} fetchpriority={eager && priority ? 'high' : undefined} decoding="async" />;
}

export function ProductCard({ product: p, view }: { product: ProductModel; view: View }) {
  const off = discountPercent(p.price, p.fullPrice);
  const body = (
    <>
      <span class="dc-card__media">
        {p.image && <Img class="dc-card__img" src={p.image} width={300} height={300} alt="" />}
        {off !== undefined && <span class="dc-card__badge">-{off}%</span>}
      </span>
      <span class="dc-card__name">{p.name}</span>
      {p.price !== undefined && (
        <span class="dc-card__price">
          <span class="dc-card__now">{view.price(p.price)}</span>
          {off !== undefined && (
            <del class="dc-card__was">
              <span class="dc-sr">{view.texts.was} </span>
              {view.price(p.fullPrice!)}
            </del>
          )}
        </span>
      )}
    </>
  );
  return (
    <li class="dc-card">
      {p.link ? (
        <a class="dc-card__link" href={p.link} data-dc-product={p.id}>
          {body}
        </a>
      ) : (
        <div class="dc-card__link">{body}</div>
      )}
    </li>
  );
}

/**
 * The WAI-ARIA carousel pattern on native scrolling with snap points (it swipes): previous, the cards, next, in
 * the order they are seen. The buttons page through it and wrap at the ends, so they are never disabled and the
 * focus never falls to the page; the arrow keys move between cards.
 */
function Carousel({ listId, labelledBy, view, children }: { listId: string; labelledBy: string; view: View; children: ComponentChildren }) {
  const track = useRef<HTMLUListElement>(null);
  const page = (direction: number) => {
    const t = track.current;
    if (!t) return;
    const end = t.scrollWidth - t.clientWidth;
    const at = t.scrollLeft;
    // `scroll-behavior` in the stylesheet makes this smooth, unless the shopper asks for reduced motion.
    t.scrollTo({ left: direction > 0 ? (at >= end - 1 ? 0 : at + t.clientWidth) : at <= 1 ? end : at - t.clientWidth });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    const links = Array.from(track.current?.querySelectorAll<HTMLElement>('.dc-card__link') ?? []);
    const next = step && links[links.indexOf(document.activeElement as HTMLElement) + step];
    if (next) {
      e.preventDefault();
      next.focus();
    }
  };
  const button = (direction: number) => (
    <button type="button" class={`dc-carousel__button dc-carousel__button--${direction > 0 ? 'next' : 'prev'}`} aria-controls={listId} aria-label={direction > 0 ? view.texts.next : view.texts.previous} onClick={() => page(direction)}>
      <span aria-hidden="true">{direction > 0 ? '›' : '‹'}</span>
    </button>
  );
  return (
    <div class="dc-carousel" role="group" aria-roledescription="carousel" aria-labelledby={labelledBy}>
      {button(-1)}
      <ul class="dc-carousel__track" id={listId} aria-labelledby={labelledBy} ref={track} onKeyDown={onKeyDown}>
        {children}
      </ul>
      {button(1)}
    </div>
  );
}

export function Section({ section, title, carousel, view }: { section: SectionModel; title: string; carousel: boolean; view: View }) {
  const id = `${view.id}-${section.key}`;
  const cards = section.products.map((p) => <ProductCard key={p.id} product={p} view={view} />);
  return (
    // Not a named landmark: a page may show the same section twice (e.g. "recent" in two placeholders).
    <section class={`dc-section dc-section--${section.name}`}>
      <h2 class="dc-section__title" id={`${id}-title`}>
        {title}
      </h2>
      {carousel ? (
        <Carousel listId={`${id}-list`} labelledBy={`${id}-title`} view={view}>
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
export function BannerBox({ banner, wide, slot, record = true }: { banner: BannerModel; wide: boolean; slot?: boolean; record?: boolean }) {
  const cls = `dc-banner dc-banner--${slot ? 'slot' : wide ? 'wide' : 'narrow'}`;
  const img = <Img class="dc-banner__img" src={banner.image!} width={wide ? 1200 : 480} height={720} alt={banner.name} priority />;
  return banner.link ? (
    <a class={cls} href={banner.link} data-dc-banner={record ? banner.id : undefined}>
      {img}
    </a>
  ) : (
    <div class={cls}>{img}</div>
  );
}
