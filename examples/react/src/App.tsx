// The example storefront: each route says what DataCue should know about the page (its config) and where the
// widgets go (the data-dc-* placeholders); App sends the config per route and mounts the widgets once.
import type { ReactNode } from 'react';
import type { PageConfig } from '@datacue/storefront';
import { useDatacuePage, useDatacueWidgets } from './datacue';
import { Link, usePath } from './router';
import { CATEGORIES, PRODUCTS, categoryById, productById, type Product } from './catalog';

const price = (amount: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(amount);

function ProductList({ products }: { products: Product[] }) {
  return (
    <ul className="products">
      {products.map((p) => (
        <li key={p.id}>
          <Link to={`/product/${p.id}`}>{p.name}</Link> <span>{price(p.price)}</span>
        </li>
      ))}
    </ul>
  );
}

function route(path: string): { config: PageConfig; title: string; view: ReactNode } {
  const url = new URL(path, location.origin);
  const [, kind = '', id = ''] = url.pathname.split('/');
  if (!kind) {
    return {
      config: { page_type: 'home' },
      title: 'Welcome',
      view: (
        <>
          <div data-dc-main-insert-banner="1" />
          <ProductList products={PRODUCTS} />
          <div data-dc-products="" />
        </>
      ),
    };
  }
  const product = kind === 'product' ? productById(id) : undefined;
  if (product) {
    return {
      config: { page_type: 'product', product_id: product.id },
      title: product.name,
      view: (
        <>
          <p className="price">{price(product.price)}</p>
          <div data-dc-products="" />
        </>
      ),
    };
  }
  const category = kind === 'category' ? categoryById(id) : undefined;
  if (category) {
    return {
      config: { page_type: 'category', category_id: category.id, category_update: { name: category.name, link: `/category/${category.id}` } },
      title: category.name,
      view: (
        <>
          <ProductList products={PRODUCTS.filter((p) => p.category === category.id)} />
          <div data-dc-products="" />
        </>
      ),
    };
  }
  return { config: { page_type: '404' }, title: 'Not found', view: <div data-dc-products="" /> };
}

export function App() {
  const { config, title, view } = route(usePath());
  useDatacueWidgets();
  useDatacuePage(config);
  return (
    <>
      <header>
        <Link to="/">Casa Cue</Link>
        <nav>
          {CATEGORIES.map((c) => (
            <Link key={c.id} to={`/category/${c.id}`}>{c.name}</Link>
          ))}
        </nav>
      </header>
      <main>
        <h1>{title}</h1>
        {view}
      </main>
    </>
  );
}
