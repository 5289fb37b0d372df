import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { SEARCH_INDEXER, type SearchIndexer } from '../lib/search/search-indexer.ts';
import type { SearchRecord } from '../lib/search/search-records.ts';
import { configuredIndexPartPages } from '../data/search-index-parts.ts';
import { openSearchIndex } from './search-index.ts';
import { recordsFolderOfBuildScript, sendRecordsToParent } from './records-to-build-script.ts';

/**
 * The Pagefind index, made from the search records (src/data/search-records.ts: every paper and theme page's
 * searchable part, from the survey's data) that `src/middleware.ts` hands over when the first page is rendered.
 *
 * Under `npm run build` (scripts/build.ts) the records go to the build script as they are made, and Pagefind parses
 * them on the other core while Astro renders, and writes the index beside the rest of the pages, a part at a time
 * (parts larger than 10,000 pages, which only SURVEY_SEARCH_PART_PAGES makes, once Astro has exited), in a folder of its own moved into the site at the end. A plain
 * `astro build` indexes them itself and writes the index when the build is done. Either way it is `<site>/pagefind/` (and, for a
 * large survey, its parts in `<site>/pagefind/part-N/`: src/lib/search/index-parts.ts),
 * and a failure fails the build with Pagefind's messages.
 */
export function pagefindSearch(): AstroIntegration {
  let outDir: URL | undefined;
  let handing: Promise<number> | undefined;
  const toParent = recordsFolderOfBuildScript();
  return {
    name: 'survey-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = config.outDir;
      },
      'astro:build:start': () => {
        const indexer: SearchIndexer = {
          index(batches) {
            handing ??= toParent ? sendRecordsToParent(batches, toParent) : indexHere(batches, fileURLToPath(outDir!));
            // Held until the build is done, where a failure is reported; not an unhandled rejection meanwhile.
            handing.catch(() => undefined);
          },
        };
        (globalThis as Record<symbol, unknown>)[SEARCH_INDEXER] = indexer;
      },
      'astro:build:done': async ({ logger }) => {
        delete (globalThis as Record<symbol, unknown>)[SEARCH_INDEXER];
        if (!handing) throw new Error('search: no page was rendered, so nothing was handed to the search index');
        const pages = await handing;
        logger.info(toParent ? `handed ${pages} pages to the search index` : `indexed ${pages} pages`);
      },
    },
  };
}

/** Indexes the batches in this process (a plain `astro build`) and writes the index into the site. */
async function indexHere(batches: AsyncIterable<SearchRecord[]>, siteRoot: string): Promise<number> {
  const index = await openSearchIndex(configuredIndexPartPages());
  try {
    for await (const records of batches) index.add(records);
  } catch (error) {
    await index.close();
    throw error;
  }
  return (await index.write(siteRoot)).pages;
}
