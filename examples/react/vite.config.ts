import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const built = (file: string) => fileURLToPath(new URL(`../../dist/esm/${file}`, import.meta.url));

export default defineConfig({
  // React's JSX through Vite's own esbuild: no plugin needed.
  esbuild: { jsx: 'automatic', jsxImportSource: 'react' },
  resolve: {
    // Inside this repository the package is the one `npm run build` makes in ../../dist. In your store, after
    // `npm install @datacue/storefront`, leave this alias out.
    alias: [
      { find: /^@datacue\/storefront\/widgets$/, replacement: built('widgets.js') },
      { find: /^@datacue\/storefront$/, replacement: built('index.js') },
    ],
  },
});
