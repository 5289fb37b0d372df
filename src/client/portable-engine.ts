import { prepareIndex, searchLocal, type SearchDocument } from '../lib/search/portable-search.ts';
import { readSearchState } from '../lib/search/search-state.ts';
import { HIGHLIGHT_PARAM, type SearchEngine } from './search-engines.ts';

declare global {
  interface Window {
    /** Set by the portable site's `search-index.js`. */
    __surveySearchIndex?: SearchDocument[];
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
      return {
        total: hits.length,
        counts,
        page: async (from, size) => hits.slice(from, from + size).map((hit) => toItem(hit, state.query)),
      };
    },
  };
}
