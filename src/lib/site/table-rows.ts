import { FACET_KINDS } from '../../schemas/facet-kinds.ts';
import type { CuratedPaper } from '../curation/notes.ts';
import { listedThemeIds } from '../classify/paper-themes.ts';
import { paperYear } from './paper-display.ts';
import type { TableFilter } from './table-columns.ts';

/** A paper's filter values, made once: a paper's row is in several tables, and its page and search record ask too. */
const filterValuesOf = new WeakMap<CuratedPaper, Readonly<Record<TableFilter, readonly string[]>>>();

/** The values a row offers to each table filter (what `data-filters` holds). Shared between callers: not to be changed. */
export function rowFilterValues(paper: CuratedPaper): Readonly<Record<TableFilter, readonly string[]>> {
  let values = filterValuesOf.get(paper);
  if (!values) {
    values = {
      ...(Object.fromEntries(FACET_KINDS.map((kind) => [kind, paper.facets[kind].map((facet) => facet.value)])) as Record<
        (typeof FACET_KINDS)[number],
        string[]
      >),
      theme: [...listedThemeIds(paper)],
      year: [paperYear(paper)],
      code: [paper.code ? 'with code' : 'no code'],
      annotated: [paper.annotated ? 'annotated' : 'not annotated'],
    };
    filterValuesOf.set(paper, values);
  }
  return values;
}
