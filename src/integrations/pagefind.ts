import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { SEARCH_INDEXER, type SearchIndexer } from '../lib/search/search-indexer.ts';
import type { SearchRecord } from '../lib/search/search-records.ts';

interface IndexResult {
  pages: number;
  ms: number;
}

/**
 * The Pagefind index, made while Astro renders the pages instead of after: when the first page is rendered,
 * `src/middleware.ts` hands over the search records (src/data/search-records.ts — every paper and theme page's
 * searchable part, made from the survey's data), and Pagefind, a process of its own, indexes them on the other core
 * while Astro writes the pages. `astro:build:done` waits for it (usually long done) and the index is in
 * `<site>/pagefind/`. A failure fails the build with Pagefind's messages.
 */
export function pagefindSearch(): AstroIntegration {
  let outDir: URL | undefined;
  let indexing: Promise<IndexResult> | undefined;
  return {
    name: 'survey-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = config.outDir;
      },
      'astro:build:start': () => {
        const indexer: SearchIndexer = {
          index(batches) {
            indexing ??= indexRecords(batches, join(fileURLToPath(outDir!), 'pagefind'));
            // Held until the build is done, where a failure is reported; not an unhandled rejection meanwhile.
            indexing.catch(() => undefined);
          },
        };
        (globalThis as Record<symbol, unknown>)[SEARCH_INDEXER] = indexer;
      },
      'astro:build:done': async ({ logger }) => {
        delete (globalThis as Record<symbol, unknown>)[SEARCH_INDEXER];
        if (!indexing) throw new Error('search: no page was rendered, so nothing was handed to the search index');
        const waitFrom = performance.now();
        const { pages, ms } = await indexing;
        const waited = Math.round(performance.now() - waitFrom);
        logger.info(`indexed ${pages} pages in ${ms} ms, alongside the pages; the build waited ${waited} ms for it`);
      },
    },
  };
}

/** Feeds the records to Pagefind as they come, a batch at a time, then writes the index to `outputPath`. */
async function indexRecords(batches: AsyncIterable<SearchRecord[]>, outputPath: string): Promise<IndexResult> {
  const started = performance.now();
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(errors.join('; '));
    let pages = 0;
    // One batch is indexed while the next is made; no more than two are held.
    let previous: Promise<void> = Promise.resolve();
    for await (const batch of batches) {
      const adding = Promise.all(batch.map((record) => index.addHTMLFile({ url: record.url, content: record.html }))).then((results) => {
        const problems = results.flatMap((result) => result.errors);
        if (problems.length > 0) throw new Error(problems.join('; '));
      });
      await previous;
      previous = adding;
      pages += batch.length;
    }
    await previous;
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(written.errors.join('; '));
    return { pages, ms: Math.round(performance.now() - started) };
  } catch (error) {
    throw new Error(`search: indexing failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await pagefind.close();
  }
}
