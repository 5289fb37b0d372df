import { toPagefindOptions, type FilterCounts, type SearchState } from '../lib/search/search-state.ts';

/** A result as the search page shows it. `url` is ready to follow. */
export interface ResultItem {
  url: string;
  title: string;
  meta: Record<string, string | undefined>;
  /** HTML: text escaped by the engine, matched words in `<mark>`. */
  excerpt: string;
}

/** What the search page needs from an engine: filter counts, and results it can page through. */
export interface SearchEngine {
  counts(): Promise<FilterCounts>;
  search(state: SearchState): Promise<{ total: number; counts: FilterCounts; page(from: number, size: number): Promise<ResultItem[]> }>;
}

/** The parameter that carries the query words to a result's page, where they are highlighted. */
export const HIGHLIGHT_PARAM = 'highlight';

interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(indexPath: string, options: Record<string, unknown>): Promise<void>;
  filters(): Promise<FilterCounts>;
  search(query: string | null, options: object): Promise<{ results: Array<{ data(): Promise<ResultItem> }>; filters: FilterCounts } | null>;
}

/**
 * Pagefind, for the served site: fetched from `<base>pagefind/pagefind.js` on first use. A large survey's index has
 * further parts (`parts`, folders from the root: src/lib/search/index-parts.ts), merged in so one search covers them all.
 */
export async function loadPagefind(base: string, parts: readonly string[] = []): Promise<SearchEngine> {
  const root = base.endsWith('/') ? base : `${base}/`;
  const pagefind = (await import(/* @vite-ignore */ `${root}pagefind/pagefind.js`)) as Pagefind;
  const options = { baseUrl: root, excerptLength: 30, highlightParam: HIGHLIGHT_PARAM };
  await pagefind.options(options);
  await pagefind.init();
  await Promise.all(parts.map((part) => pagefind.mergeIndex(`${root}${part}`, options)));
  return {
    counts: () => pagefind.filters(),
    async search(state) {
      const found = await pagefind.search(state.query || null, toPagefindOptions(state));
      const results = found?.results ?? [];
      return {
        total: results.length,
        counts: found?.filters ?? {},
        page: (from, size) => Promise.all(results.slice(from, from + size).map((result) => result.data())),
      };
    },
  };
}
