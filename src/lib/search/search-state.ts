/** What a search is: its words, the chosen filter values, and the order. Lives in the page URL. */
export interface SearchState {
  query: string;
  filters: Record<SearchFilter, string[]>;
  sort: SearchSort;
}

/** The filters of the search page, in the order it shows them; the same names as the tables' filters. */
export const SEARCH_FILTERS = ['theme', 'year', 'approach', 'modality', 'code', 'annotated'] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];
export type SearchSort = '' | 'newest' | 'upvotes';

/** Counts of each filter value among documents that pass every *other* filter (as a faceted search shows them). */
export type FilterCounts = Record<string, Record<string, number>>;

/** Reads `?q=…&theme=…&theme=…&year=…&sort=…`; unknown values are kept out. */
export function readSearchState(params: URLSearchParams): SearchState {
  const sort = params.get('sort');
  return {
    query: (params.get('q') ?? '').trim(),
    filters: Object.fromEntries(
      SEARCH_FILTERS.map((name) => [name, [...new Set(params.getAll(name).filter(Boolean))]]),
    ) as SearchState['filters'],
    sort: sort === 'newest' || sort === 'upvotes' ? sort : '',
  };
}

/** The query string for a state, in a stable order, so a search can be shared and bookmarked. */
export function writeSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const name of SEARCH_FILTERS) for (const value of state.filters[name]) params.append(name, value);
  if (state.sort) params.set('sort', state.sort);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Pagefind's search options for a state: OR within one filter, AND across filters; sorted results keep undated papers. */
export function toPagefindOptions(state: SearchState): {
  filters: Record<string, { any: string[] }>;
  sort?: Record<string, 'asc' | 'desc'>;
} {
  const filters: Record<string, { any: string[] }> = {};
  for (const name of SEARCH_FILTERS) if (state.filters[name].length > 0) filters[name] = { any: state.filters[name] };
  if (state.sort === 'newest') return { filters, sort: { date: 'desc' } };
  if (state.sort === 'upvotes') return { filters, sort: { upvotes: 'desc' } };
  return { filters };
}

/** Whether a state asks for anything at all (an empty search shows nothing). */
export function isEmptySearch(state: SearchState): boolean {
  return !state.query && SEARCH_FILTERS.every((name) => state.filters[name].length === 0);
}
