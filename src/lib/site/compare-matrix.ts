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
 * column values a paper has (a value it gives twice counts once); columns keep the order given.
 *
 * Each paper's values are asked for once per theme and looked up among the columns, rather than each column
 * looking through every paper: at 10,000 papers the latter asked `valuesOf` some 400,000 times, 0.5 s of the build.
 */
export function countMatrix<Paper>(
  themes: ReadonlyArray<{ id: string; label: string; papers: readonly Paper[] }>,
  columns: readonly string[],
  valuesOf: (paper: Paper) => readonly string[],
): CountMatrix {
  const columnsByValue = new Map<string, number[]>();
  columns.forEach((column, at) => columnsByValue.set(column, [...(columnsByValue.get(column) ?? []), at]));
  const rows = themes.map((theme) => {
    const cells = columns.map(() => 0);
    for (const paper of theme.papers) {
      for (const value of new Set(valuesOf(paper))) for (const at of columnsByValue.get(value) ?? []) cells[at]! += 1;
    }
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
