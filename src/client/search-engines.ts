import type { FilterCounts } from '../lib/search/portable-search.ts';
import { readSearchState, toPagefindOptions, type SearchState } from '../lib/search/search-state.ts';

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
  filters(): Promise<FilterCounts>;
  search(query: string | null, options: object): Promise<{ results: Array<{ data(): Promise<ResultItem> }>; filters: FilterCounts } | null>;
}

/** Pagefind, for the served site: fetched from `<base>pagefind/pagefind.js` on first use. */
export async function loadPagefind(base: string): Promise<SearchEngine> {
  const root = base.endsWith('/') ? base : `${base}/`;
  const pagefind = (await import(/* @vite-ignore */ `${root}pagefind/pagefind.js`)) as Pagefind;
  await pagefind.options({ baseUrl: root, excerptLength: 30, highlightParam: HIGHLIGHT_PARAM });
  await pagefind.init();
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

declare global {
  interface Window {
    /** Set by the portable site's `search-index.js`. */
    __surveySearchIndex?: import('../lib/search/portable-search.ts').SearchDocument[];
  }
}

/**
 * The portable index, for a copy opened from disk (where Pagefind cannot fetch its files): `search-index.js` is a
 * plain script that defines the index, so it loads from `file://` too. `root` is the site root relative to the page.
 */
export async function loadLocalIndex(root: string): Promise<SearchEngine> {
  if (!window.__surveySearchIndex) {
    await new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = `${root}search-index.js`;
      script.onload = () => resolve();
      script.onerror = () => reject(new Error('search-index.js could not be loaded'));
      document.head.append(script);
    });
  }
  const { prepareIndex, searchLocal } = await import('../lib/search/portable-search.ts');
  const index = prepareIndex(window.__surveySearchIndex ?? []);
  const toItem = (hit: ReturnType<typeof searchLocal>['hits'][number], words: string) => ({
    url: `${root}${hit.document.url}${words ? `?${new URLSearchParams({ [HIGHLIGHT_PARAM]: words })}` : ''}`,
    title: hit.document.title,
    meta: hit.document.meta,
    excerpt: hit.excerpt,
  });
  return {
    counts: async () => searchLocal(index, readSearchState(new URLSearchParams())).counts,
    async search(state) {
      const { hits, counts } = searchLocal(index, state);
      return { total: hits.length, counts, page: async (from, size) => hits.slice(from, from + size).map((hit) => toItem(hit, state.query)) };
    },
  };
}
