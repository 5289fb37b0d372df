import type { CuratedPaper } from '../curation/notes.ts';
import { paperYear } from './paper-display.ts';

/** A count matrix: rows (themes) × columns (approaches, years), each cell the number of papers in both. */
export interface CountMatrix {
  columns: string[];
  rows: Array<{ id: string; label: string; cells: number[]; total: number }>;
  /** The largest cell, for shading. */
  max: number;
}

/**
 * Counts, for each theme (primary or secondary), the papers having each column value. `valuesOf` says which
 * column values a paper has; columns keep the order given.
 */
export function countMatrix(
  themes: ReadonlyArray<{ id: string; label: string; papers: readonly CuratedPaper[] }>,
  columns: readonly string[],
  valuesOf: (paper: CuratedPaper) => readonly string[],
): CountMatrix {
  const rows = themes.map((theme) => {
    const cells = columns.map((column) => theme.papers.filter((paper) => valuesOf(paper).includes(column)).length);
    return { id: theme.id, label: theme.label, cells, total: theme.papers.length };
  });
  return { columns: [...columns], rows, max: Math.max(1, ...rows.flatMap((row) => row.cells)) };
}

/** The approaches in vocabulary order, then any other value a curator set, in first-seen order. */
export function approachColumns(papers: readonly CuratedPaper[], vocabularyOrder: readonly string[]): string[] {
  const seen = new Set(papers.flatMap((paper) => paper.facets.approach.map((facet) => facet.value)));
  return [...vocabularyOrder.filter((value) => seen.has(value)), ...[...seen].filter((value) => !vocabularyOrder.includes(value))];
}

/** Years present, newest first, `undated` last. */
export function yearColumns(papers: readonly CuratedPaper[]): string[] {
  return [...new Set(papers.map(paperYear))].sort((a, b) => (a === 'undated' ? 1 : b === 'undated' ? -1 : b.localeCompare(a)));
}
