// rollup.config.mjs turns the widgets' stylesheet into a minified string.
declare module '*.css' {
  const css: string;
  export default css;
}
