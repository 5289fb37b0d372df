import type { CuratedPaper } from '../curation/notes.ts';
import { FACET_KINDS, type FacetKind } from '../../schemas/facet-kinds.ts';
import { sitePaths, type SiteLinker } from './site-url.ts';
import { toBibtex, toCsv } from './export-formats.ts';
import { formatByline } from './paper-display.ts';

/** One paper in `data/papers.json` (documented in the README). `null` means the listing did not say. */
export interface ExportedPaper {
  id: string;
  title: string;
  abstract: string;
  authors: { count: number } | null;
  organization: { handle: string; name: string } | null;
  date: string | null;
  /** The day the paper was added to the survey (first seen by ingest). */
  added: string;
  upvotes: number | null;
  themes: string[];
  urls: { url: string; kind: string }[];
  code: string | null;
  /** Facet values (evidence is on the paper's page): approach, modality, domain, benchmark, model, and headline results. */
  facets: Record<FacetKind | 'results', string[]>;
  tags: string[];
  summary: string | null;
  featured: boolean;
  /** Whether the curator wrote a note on the paper. */
  annotated: boolean;
  /** Left out of the site by the curator; `path` then leads nowhere. */
  hidden: boolean;
  path: string;
}

/** The public data export of the survey: every paper (hidden ones flagged), newest first, with the path of its page. */
export function exportPapers(papers: readonly CuratedPaper[], pathOf: SiteLinker): { papers: ExportedPaper[] } {
  return {
    papers: papers.map((paper) => ({
      id: paper.id,
      title: paper.title,
      abstract: paper.abstract,
      authors: paper.authorCount === null ? null : { count: paper.authorCount },
      organization: paper.organization,
      date: paper.date,
      added: paper.added,
      upvotes: paper.upvotes,
      themes: paper.themes,
      urls: paper.links,
      code: paper.code,
      facets: {
        ...(Object.fromEntries(FACET_KINDS.map((kind) => [kind, paper.facets[kind].map((facet) => facet.value)])) as Record<FacetKind, string[]>),
        results: paper.facets.results.map((result) => result.text),
      },
      tags: paper.tags,
      summary: paper.summary,
      featured: paper.featured,
      annotated: paper.annotated,
      hidden: paper.hidden,
      path: pathOf(sitePaths.paper(paper.id)),
    })),
  };
}

/** The columns of `papers.csv`, in order. */
export const CSV_COLUMNS = ['id', 'title', 'date', 'added', 'authors', 'organization', 'upvotes', 'themes', 'approach', 'benchmark', 'model', 'code', 'url', 'hidden'] as const;

/** Papers as CSV rows (a header row, then one row per paper); list values are joined with "; ". */
export function papersToCsv(papers: readonly CuratedPaper[], link: SiteLinker): string {
  const rows = papers.map((paper) => [
    paper.id,
    paper.title,
    paper.date ?? '',
    paper.added,
    paper.authorCount === null ? '' : String(paper.authorCount),
    paper.organization?.name ?? '',
    paper.upvotes === null ? '' : String(paper.upvotes),
    paper.themes.join('; '),
    paper.facets.approach.map((facet) => facet.value).join('; '),
    paper.facets.benchmark.map((facet) => facet.value).join('; '),
    paper.facets.model.map((facet) => facet.value).join('; '),
    paper.code ?? '',
    link(sitePaths.paper(paper.id)),
    paper.hidden ? 'true' : 'false',
  ]);
  return toCsv(CSV_COLUMNS, rows);
}

/** Papers as BibTeX: one `@misc` each, with title, year, note and URL (the paper's page). */
export function papersToBibtex(papers: readonly CuratedPaper[], link: SiteLinker): string {
  return toBibtex(
    papers.map((paper) => ({
      id: paper.id,
      title: paper.title,
      year: paper.date?.slice(0, 4) ?? '',
      byline: formatByline(paper),
      url: link(sitePaths.paper(paper.id)),
    })),
  );
}
