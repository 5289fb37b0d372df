import { FACET_KINDS, FACET_LABELS, type FacetKind } from '../../schemas/facet-kinds.ts';
import { TABLE_COLUMNS, type TableColumn } from '../../schemas/table-columns.ts';

/** A theme's table when its definition names no `columns`. */
export const DEFAULT_THEME_COLUMNS: readonly TableColumn[] = [
  'date',
  'authors',
  'approach',
  'benchmark',
  'model',
  'results',
  'code',
  'upvotes',
  'themes',
];
/** The all-papers table shows everything. */
export const ALL_COLUMNS: readonly TableColumn[] = TABLE_COLUMNS;
/**
 * The columns worth showing for a survey's papers: the upvotes column only when some paper has upvotes (only the
 * Daily Papers paste gives them; a survey of a reference library would show a column of "unknown").
 */
export function columnsWithData(
  columns: readonly TableColumn[],
  papers: ReadonlyArray<{ upvotes: number | null }>,
): readonly TableColumn[] {
  return papers.some((paper) => paper.upvotes !== null) ? columns : columns.filter((column) => column !== 'upvotes');
}

/** Tables inside notes stay small. */
export const COMPACT_COLUMNS: readonly TableColumn[] = ['date', 'authors', 'code'];

/** Column headings. */
export const COLUMN_LABELS: Record<TableColumn, string> = {
  date: 'Date',
  authors: 'Authors',
  upvotes: 'Upvotes',
  code: 'Code',
  links: 'Links',
  themes: 'Themes',
  ...(Object.fromEntries(FACET_KINDS.map((kind) => [kind, FACET_LABELS[kind]])) as Record<FacetKind, string>),
  results: FACET_LABELS.results,
};

/** How a column sorts when a reader sorts by it. */
export const COLUMN_SORT: Record<TableColumn, 'text' | 'number' | 'date'> = {
  date: 'date',
  authors: 'text',
  upvotes: 'number',
  code: 'text',
  links: 'number',
  themes: 'text',
  approach: 'text',
  modality: 'text',
  domain: 'text',
  benchmark: 'text',
  model: 'text',
  results: 'number',
};

/** Filters a reader can apply to a table (chips), besides the text filter: the facets, theme, year, code, note. */
export const TABLE_FILTERS = [...FACET_KINDS, 'theme', 'year', 'code', 'annotated'] as const;
export type TableFilter = (typeof TABLE_FILTERS)[number];
export const FILTER_LABELS: Record<TableFilter, string> = {
  ...(Object.fromEntries(FACET_KINDS.map((kind) => [kind, FACET_LABELS[kind]])) as Record<FacetKind, string>),
  theme: 'Theme',
  year: 'Year',
  code: 'Code',
  annotated: 'Curator’s note',
};
