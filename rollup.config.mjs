import typescript from '@rollup/plugin-typescript';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const minify = () =>
  terser({ ecma: 2020, compress: { passes: 3, unsafe_arrows: true, unsafe: true, pure_getters: true }, mangle: { properties: false }, format: { comments: false } });

/** Script-tag builds: one self-contained minified IIFE each. */
const script = (input, file) => ({
  input,
  output: { file, format: 'iife', sourcemap: false },
  plugins: [resolve({ browser: true }), typescript({ declaration: false, outDir: 'dist', rootDir: '.' }), minify()],
});

export default [
  script('src/browser.ts', 'dist/datacue.js'),
  // npm entries: ESM with .d.ts; dependencies stay external so the app's bundler dedupes them.
  {
    input: { index: 'src/index.ts' },
    output: { dir: 'dist/esm', format: 'es', sourcemap: true },
    external: [/^preact/, 'nanoid', 'js-cookie'],
    plugins: [typescript({ declaration: true, declarationDir: 'dist/esm', outDir: 'dist/esm', rootDir: '.' })],
  },
];
