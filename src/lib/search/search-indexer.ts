import type { SearchRecord } from './search-records.ts';

/**
 * Where a build's search indexer waits for the records: set on `globalThis` by the Pagefind integration when a build
 * starts (src/integrations/pagefind.ts), taken by the middleware when the first page is rendered (src/middleware.ts).
 * The two are bundled apart — the integration with the config, the middleware with the pages — and share only the
 * process, hence a registered symbol.
 */
export const SEARCH_INDEXER = Symbol.for('survey.search-indexer');

export interface SearchIndexer {
  /** Indexes the records as the batches come; the first call only counts. */
  index(batches: AsyncIterable<SearchRecord[]>): void;
}
