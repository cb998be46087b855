import type { SectionName } from './model.js';

// Default section titles of the original widgets (storefront-behaviour.md), by page language.
const TITLES: Record<'en' | 'es', Record<Exclude<SectionName, 'categories'>, string> & { categories: string; previous: string; next: string; was: string; soldOut: string; left: string; stars: string }> = {
  en: {
    related: 'Recommended for you',
    recent: 'Recently viewed',
    similar: 'Similar products',
    top: 'Top products',
    categories: 'Picked for you in',
    previous: 'Previous products',
    next: 'Next products',
    was: 'Was',
    soldOut: 'Sold out',
    left: 'Only {n} left',
    stars: '{n} out of 5',
  },
  es: {
    related: 'Recomendaciones para ti',
    recent: 'Productos que viste hace poco',
    similar: 'Productos similares',
    top: 'Productos Top',
    categories: 'Elegidos para ti en',
    previous: 'Productos anteriores',
    next: 'Productos siguientes',
    was: 'Antes',
    soldOut: 'Agotado',
    left: 'Quedan {n}',
    stars: '{n} de 5',
  },
};

export type Texts = (typeof TITLES)['en'];

/** The texts for a page language such as "es-CL"; English when there is none for it. */
export const texts = (lang: string | undefined): Texts => (lang?.toLowerCase().startsWith('es') ? TITLES.es : TITLES.en);
