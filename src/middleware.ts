import { defineMiddleware } from 'astro:middleware';
import { surveySearchRecords } from './data/search-records.ts';
import { SEARCH_INDEXER, type SearchIndexer } from './lib/search/search-indexer.ts';

let handedOver = false;

/**
 * When a build renders its first page, hands the search records to the build's indexer (src/integrations/pagefind.ts),
 * so the index is made while the pages are rendered. The dev server has no indexer, and this does nothing.
 */
export const onRequest = defineMiddleware((_context, next) => {
  const indexer = (globalThis as Record<symbol, SearchIndexer | undefined>)[SEARCH_INDEXER];
  if (indexer && !handedOver) {
    handedOver = true;
    indexer.index(surveySearchRecords());
  }
  return next();
});
