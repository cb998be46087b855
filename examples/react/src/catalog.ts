// The example store's few products and rooms.
export interface Product { id: string; name: string; price: number; category: string }
export interface Category { id: string; name: string }

export const CATEGORIES: Category[] = [
  { id: 'bedroom', name: 'Bedroom' },
  { id: 'living-room', name: 'Living room' },
];

export const PRODUCTS: Product[] = [
  { id: 'double-bed-2', name: 'Luxury Double Bed', price: 1299, category: 'bedroom' },
  { id: 'nightstand-1', name: 'Oak Nightstand', price: 189, category: 'bedroom' },
  { id: 'sofa-3', name: 'Contemporary Sofa', price: 899, category: 'living-room' },
  { id: 'lamp-4', name: 'Arc Floor Lamp', price: 149, category: 'living-room' },
];

export const productById = (id: string) => PRODUCTS.find((p) => p.id === id);
export const categoryById = (id: string) => CATEGORIES.find((c) => c.id === id);
