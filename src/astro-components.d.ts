/**
 * `tsc` (in `npm run check`, after `astro check`) reads .ts files only; a .ts module that renders a component
 * (src/middleware.ts) imports an `.astro` file, which `astro check` types in full and this names for tsc.
 */
declare module '*.astro' {
  const Component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default Component;
}
