import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';

/** Astro's virtual module holding the content layer's data store, as Vite resolves it. */
const RESOLVED_DATA_STORE_ID = '\0astro:data-layer-content';

/**
 * Keeps the content data store out of the server bundle: the bundled module reads `data-store.json` when the pages
 * are rendered, instead of carrying its contents.
 *
 * Astro 5 turns `data-store.json` into one object literal (rollup's `dataToEsm`) that Rollup then parses: when the
 * papers were a collection, for ten thousand papers about 40 MB of source and an AST of gigabytes (the store now
 * holds the themes, notes and intros, and this matters for a survey with very many notes). As one JSON string (the fix Astro made upstream,
 * withastro/astro#17223, in a release that needs Node 22) it is cheap to parse but still 40 MB for Rollup to carry
 * through the bundle; read from disk, the module is two lines (for 10,000 papers: the bundling step from 5.8 s to
 * 3.7 s, and the build's peak memory from about 2.1 GB to 1.4 GB). The file is the one Astro has just written to its
 * cache for this build, and static pages are rendered in the same process, right after bundling; the module's
 * default export is the same value, so Astro reads it as before. Build only: the dev server keeps Astro's own module
 * and its reloading.
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
                // Loaded before Astro's own plugin would load it (and turn 40 MB of JSON into a module Rollup then parses).
                load: {
                  order: 'pre',
                  handler(id: string) {
                    if (id !== RESOLVED_DATA_STORE_ID || !existsSync(dataStoreFile)) return null;
                    const path = JSON.stringify(fileURLToPath(dataStoreFile));
                    return {
                      code: `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${path}, 'utf8'));`,
                      map: { mappings: '' },
                    };
                  },
                },
              },
            ],
          },
        });
      },
    },
  };
}
