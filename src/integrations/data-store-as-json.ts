import type { AstroIntegration } from 'astro';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';

/** Astro's virtual module holding the content layer's data store, as Vite resolves it. */
const RESOLVED_DATA_STORE_ID = '\0astro:data-layer-content';

/**
 * Builds the content data store into the server bundle as a JSON string instead of a JavaScript object literal.
 *
 * Astro 5 turns `data-store.json` into one object literal (rollup's `dataToEsm`) that Rollup then parses: for ten
 * thousand papers that is about 40 MB of source, an AST of gigabytes, and most of the build's time and memory. The
 * same data as `JSON.parse("…")` is a single string literal to Rollup and parses faster at run time. This is the fix
 * Astro made upstream (withastro/astro#17223) in a release that needs Node 22; the module's default export is the
 * same value, so Astro reads it as before. Build only: the dev server keeps Astro's own module and its reloading.
 */
export function dataStoreAsJson(): AstroIntegration {
  return {
    name: 'survey-data-store-as-json',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        if (command !== 'build') return;
        const dataStoreFile = new URL('data-store.json', config.cacheDir);
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'survey:data-store-as-json',
                enforce: 'pre',
                // Astro's own plugin loads the module first; replacing its code before Rollup parses it is what counts.
                async transform(_code: string, id: string) {
                  if (id !== RESOLVED_DATA_STORE_ID || !existsSync(dataStoreFile)) return null;
                  const json = await readFile(dataStoreFile, 'utf8');
                  return { code: `export default JSON.parse(${JSON.stringify(json)});`, map: { mappings: '' } };
                },
              },
            ],
          },
        });
      },
    },
  };
}
