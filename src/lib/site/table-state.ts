import { TABLE_FILTERS, type TableFilter } from './table-columns.ts';

/** What a reader did to a table: text filter, chips, sort and hidden columns. Lives in the page URL. */
export interface TableState {
  query: string;
  filters: Record<TableFilter, string[]>;
  sort: string;
  direction: 'asc' | 'desc';
  hidden: string[];
}

/** Reads `?q=…&approach=…&sort=date&dir=desc&hide=upvotes,links`; unknown keys are ignored. */
export function readTableState(params: URLSearchParams): TableState {
  return {
    query: (params.get('q') ?? '').trim(),
    filters: Object.fromEntries(
      TABLE_FILTERS.map((name) => [name, [...new Set(params.getAll(name).filter(Boolean))]]),
    ) as TableState['filters'],
    sort: params.get('sort') ?? '',
    direction: params.get('dir') === 'asc' ? 'asc' : 'desc',
    hidden: (params.get('hide') ?? '').split(',').filter(Boolean),
  };
}

/** The query string of a state, in a stable order, so a filtered view can be shared and reloaded. */
export function writeTableState(state: TableState): string {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const name of TABLE_FILTERS) for (const value of state.filters[name]) params.append(name, value);
  if (state.sort) {
    params.set('sort', state.sort);
    params.set('dir', state.direction);
  }
  if (state.hidden.length > 0) params.set('hide', state.hidden.join(','));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Whether a row passes: every word of the text filter appears in it, and every chosen filter (AND) has one of its chosen values (OR). */
export function rowMatches(row: { text: string; filters: Partial<Record<TableFilter, string[]>> }, state: TableState): boolean {
  const words = state.query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.every((word) => row.text.includes(word))) return false;
  return TABLE_FILTERS.every(
    (name) => state.filters[name].length === 0 || state.filters[name].some((value) => row.filters[name]?.includes(value)),
  );
}

/** Compares two cells' sort keys: empty (unknown) always last, numbers and dates as such, text alphabetically. */
export function compareSortKeys(a: string, b: string, type: string, direction: 'asc' | 'desc'): number {
  if (a === '' || b === '') return a === b ? 0 : a === '' ? 1 : -1;
  const order = type === 'number' ? Number(a) - Number(b) : a.localeCompare(b, 'en');
  return direction === 'asc' ? order : -order;
}
