import { FACET_KINDS } from '../../schemas/facet-kinds.ts';
import type { CuratedPaper } from '../curation/notes.ts';
import { listedThemeIds } from '../classify/paper-themes.ts';
import { paperYear } from './paper-display.ts';
import type { TableFilter } from './table-columns.ts';

/** The values a row offers to each table filter (what `data-filters` holds). */
export function rowFilterValues(paper: CuratedPaper): Record<TableFilter, string[]> {
  return {
    ...(Object.fromEntries(FACET_KINDS.map((kind) => [kind, paper.facets[kind].map((facet) => facet.value)])) as Record<(typeof FACET_KINDS)[number], string[]>),
    theme: [...listedThemeIds(paper)],
    year: [paperYear(paper)],
    code: [paper.code ? 'with code' : 'no code'],
    annotated: [paper.annotated ? 'annotated' : 'not annotated'],
  };
}
