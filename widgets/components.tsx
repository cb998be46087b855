// The widgets' markup. Everything shown comes from the models, so names are text and URLs are already checked.
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
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

const Img = (props: { src: string; width: number; height: number; alt: string; class: string }) => (
  <img {...props} loading="lazy" decoding="async" />
);

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

/** Native scrolling with snap points; the buttons page through it and the arrow keys move between cards. */
function Carousel({ listId, labelledBy, view, children }: { listId: string; labelledBy: string; view: View; children: ComponentChildren }) {
  const track = useRef<HTMLUListElement>(null);
  const [ends, setEnds] = useState([true, true]);
  const update = () => {
    const t = track.current;
    if (t) setEnds([t.scrollLeft < 1, t.scrollLeft + t.clientWidth > t.scrollWidth - 1]);
  };
  useLayoutEffect(update, [children]);
  const page = (direction: number) => track.current?.scrollBy({ left: direction * track.current.clientWidth });
  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    const links = Array.from(track.current?.querySelectorAll<HTMLElement>('.dc-card__link') ?? []);
    const next = step && links[links.indexOf(document.activeElement as HTMLElement) + step];
    if (next) {
      e.preventDefault();
      next.focus();
    }
  };
  return (
    // The buttons come first in the tab order: after the last card the track is at its end and "next" disabled.
    <div class="dc-carousel">
      <button type="button" class="dc-carousel__button dc-carousel__button--prev" aria-controls={listId} aria-label={view.texts.previous} disabled={ends[0]} onClick={() => page(-1)}>
        <span aria-hidden="true">‹</span>
      </button>
      <button type="button" class="dc-carousel__button dc-carousel__button--next" aria-controls={listId} aria-label={view.texts.next} disabled={ends[1]} onClick={() => page(1)}>
        <span aria-hidden="true">›</span>
      </button>
      <ul class="dc-carousel__track" id={listId} aria-labelledby={labelledBy} ref={track} onScroll={update} onKeyDown={onKeyDown}>
        {children}
      </ul>
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
  const img = <Img class="dc-banner__img" src={banner.image!} width={wide ? 1200 : 480} height={720} alt={banner.name} />;
  return banner.link ? (
    <a class={cls} href={banner.link} data-dc-banner={record ? banner.id : undefined}>
      {img}
    </a>
  ) : (
    <div class={cls}>{img}</div>
  );
}
