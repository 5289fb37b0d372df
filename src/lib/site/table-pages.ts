/**
 * Big tables in pages. A theme or the all-papers table with more rows than {@link TABLE_PAGE_ROWS} is split into
 * static pages (`…/`, `…/page/2/`, …), each complete without JavaScript; the table script on the first page loads
 * the others' rows so sorting, filters and export still cover every paper.
 */

/** Rows per page of a big table: a first page stays light (about 60 KB gzipped) on a slow connection. */
export const TABLE_PAGE_ROWS = 200;

/** One page of a paginated table. */
export interface TablePage<Item> {
  /** 1-based. */
  number: number;
  items: Item[];
  /** 1-based position of the first and last row in the whole table. */
  first: number;
  last: number;
}

/** The pages of a table's rows; always at least one page (an empty table is one empty page). */
export function paginate<Item>(items: readonly Item[], size = TABLE_PAGE_ROWS): TablePage<Item>[] {
  const count = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: count }, (_, index) => ({
    number: index + 1,
    items: items.slice(index * size, (index + 1) * size),
    first: Math.min(items.length, index * size + 1),
    last: Math.min(items.length, (index + 1) * size),
  }));
}

/** The site path of a table page: the table's own path for the first, `<path>page/<n>/` after it. */
export function tablePagePath(tablePath: string, page: number): string {
  return page <= 1 ? tablePath : `${tablePath}page/${page}/`;
}

/**
 * Which page numbers a pager shows: the first, the last, and the current one with its neighbours; `null` marks a
 * gap. `[1, null, 4, 5, 6, null, 20]` for page 5 of 20.
 */
export function pagerNumbers(current: number, count: number): (number | null)[] {
  const shown = [...new Set([1, current - 1, current, current + 1, count])]
    .filter((page) => page >= 1 && page <= count)
    .sort((a, b) => a - b);
  return shown.flatMap((page, index) => (index > 0 && page - shown[index - 1]! > 1 ? [null, page] : [page]));
}
