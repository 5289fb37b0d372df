import type { Paper } from '../../schemas/paper.ts';

/**
 * A table row's citation data (`data-cite`), for the table's BibTeX export and its text filter, which finds every
 * author by name. Free of zod and of the survey's other modules: the browser's table script imports it.
 */

/** What a row's `data-cite` holds for the table's BibTeX export and text filter: only the fields a paper has. */
interface RowCitationData {
  /** Citation key. */
  k?: string;
  /** Authors as [given, family] (given empty for a literal name). */
  a?: Array<[string, string]>;
  /** 1 when the authors are some of them (the source's list ended "and others"). */
  m?: 1;
  v?: string;
  d?: string;
  x?: string;
  u?: string;
}

/** A row's citation data, short-keyed to keep big tables light; undefined when the paper has none of it. */
export function rowCitation(paper: Pick<Paper, 'citationKey' | 'authors' | 'venue' | 'doi' | 'arxiv' | 'url'>): string | undefined {
  const data: RowCitationData = {
    ...(paper.citationKey && { k: paper.citationKey }),
    ...(paper.authors.names.length > 0 && { a: paper.authors.names.map((name) => [name.given ?? '', name.family] as [string, string]) }),
    ...(paper.authors.names.length > 0 && paper.authors.count === null && { m: 1 as const }),
    ...(paper.venue && { v: paper.venue }),
    ...(paper.doi && { d: paper.doi }),
    ...(paper.arxiv && { x: paper.arxiv }),
    ...(paper.url && { u: paper.url }),
  };
  return Object.keys(data).length > 0 ? JSON.stringify(data) : undefined;
}

/** Reads a row's `data-cite` (see {@link rowCitation}). */
export function readRowCitation(attribute: string | undefined) {
  const data = (attribute ? JSON.parse(attribute) : {}) as RowCitationData;
  return {
    key: data.k ?? null,
    authors: (data.a ?? []).map(([given, family]) => ({ given: given || null, family })),
    moreAuthors: data.m === 1,
    venue: data.v ?? null,
    doi: data.d ?? null,
    arxiv: data.x ?? null,
    url: data.u ?? null,
  };
}
