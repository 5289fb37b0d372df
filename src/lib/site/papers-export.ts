import type { CuratedPaper } from '../curation/notes.ts';
import { FACET_KINDS, type FacetKind } from '../../schemas/facet-kinds.ts';
import { sitePaths, type SiteLinker } from './site-url.ts';
import { csvDocument, csvLine, formatBibtexEntry, type BibtexEntry } from './export-formats.ts';
import { formatByline, formatPersonName, listedInPaste } from './paper-display.ts';

/** One paper in `data/papers.json` (documented in the README). `null` means the sources did not say. */
export interface ExportedPaper {
  id: string;
  title: string;
  abstract: string | null;
  /** Names in reading order, "Given Family" (a literal name as written); `names` is empty when only a count is known. */
  authors: { count: number | null; names: string[] };
  organization: { handle: string; name: string } | null;
  /** As precise as the sources say: `2023-03-20`, `2023-03` or `2023`. */
  date: string | null;
  /** The day the paper was added to the survey (first seen by ingest). */
  added: string;
  upvotes: number | null;
  /** Lower case, without `https://doi.org/`. */
  doi: string | null;
  /** The arXiv id, without its version. */
  arxiv: string | null;
  venue: string | null;
  /** The paper's own page, as its sources give it. */
  url: string | null;
  keywords: string[];
  /** The BibTeX key the curator's `.bib` gave it. */
  citationKey: string | null;
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
  /** Where the paper came from: each file and line of the listings that holds it, the one whose figures won first. */
  sources: string[];
}

/** The public data export of the survey: every paper (hidden ones flagged), newest first, with the path of its page. */
export function exportPapers(papers: readonly CuratedPaper[], pathOf: SiteLinker): { papers: ExportedPaper[] } {
  return {
    papers: papers.map((paper) => ({
      id: paper.id,
      title: paper.title,
      abstract: paper.abstract,
      authors: { count: paper.authors.count, names: paper.authors.names.map(formatPersonName) },
      organization: paper.organization,
      date: paper.date,
      added: paper.added,
      upvotes: paper.upvotes,
      doi: paper.doi,
      arxiv: paper.arxiv,
      venue: paper.venue,
      url: paper.url,
      keywords: paper.keywords,
      citationKey: paper.citationKey,
      themes: paper.themes,
      urls: paper.links,
      code: paper.code,
      facets: {
        ...(Object.fromEntries(FACET_KINDS.map((kind) => [kind, paper.facets[kind].map((facet) => facet.value)])) as Record<
          FacetKind,
          string[]
        >),
        results: paper.facets.results.map((result) => result.text),
      },
      tags: paper.tags,
      summary: paper.summary,
      featured: paper.featured,
      annotated: paper.annotated,
      hidden: paper.hidden,
      path: pathOf(sitePaths.paper(paper.id)),
      sources: [paper.source, ...paper.alsoIn].map((place) => `${place.listing}:${place.line}`),
    })),
  };
}

/**
 * The columns of `papers.csv`, in order. The survey's CSV reader reads this file back (title, authors, author_count,
 * date, doi, arxiv, url, abstract, venue, keywords, organization, upvotes), so a survey can be rebuilt from its export.
 */
export const CSV_COLUMNS = [
  'id',
  'title',
  'authors',
  'author_count',
  'date',
  'added',
  'doi',
  'arxiv',
  'venue',
  'organization',
  'upvotes',
  'themes',
  'approach',
  'benchmark',
  'model',
  'code',
  'url',
  'keywords',
  'page',
  'abstract',
  'hidden',
] as const;

/**
 * A paper's CSV line and BibTeX entry, made once for all the exports that hold it (a paper is in two or three themes'
 * on average), per linker (told apart by the root it links to). A route keeps one for the files it writes; the
 * survey's own exports, written once each, keep none, so nothing is held while the paper pages render.
 */
export interface ExportCache {
  csvLines: WeakMap<CuratedPaper, Map<string, string>>;
  bibtexEntries: WeakMap<CuratedPaper, Map<string, { entry: BibtexEntry; text: string }>>;
}

/** An empty {@link ExportCache}. */
export function createExportCache(): ExportCache {
  return { csvLines: new WeakMap(), bibtexEntries: new WeakMap() };
}

function once<T>(cache: WeakMap<CuratedPaper, Map<string, T>> | undefined, paper: CuratedPaper, link: SiteLinker, make: () => T): T {
  if (!cache) return make();
  const linker = link('/');
  let byLinker = cache.get(paper);
  if (!byLinker) cache.set(paper, (byLinker = new Map()));
  let value = byLinker.get(linker);
  if (value === undefined) byLinker.set(linker, (value = make()));
  return value;
}

/** Papers as CSV rows (a header row, then one row per paper); list values are joined with "; ". */
export function papersToCsv(papers: readonly CuratedPaper[], link: SiteLinker, cache?: ExportCache): string {
  return csvDocument(
    CSV_COLUMNS,
    papers.map((paper) => once(cache?.csvLines, paper, link, () => csvLine(csvFields(paper, link)))),
  );
}

/** A paper's fields, in the order of {@link CSV_COLUMNS}. */
function csvFields(paper: CuratedPaper, link: SiteLinker): string[] {
  return [
    paper.id,
    paper.title,
    // "Family, Given", and an organisation's name in braces, so the CSV reader gives the same names back.
    paper.authors.names.map((name) => (name.given ? `${name.family}, ${name.given}` : `{${name.family}}`)).join('; '),
    paper.authors.count === null ? '' : String(paper.authors.count),
    paper.date ?? '',
    paper.added,
    paper.doi ?? '',
    paper.arxiv ?? '',
    paper.venue ?? '',
    paper.organization?.name ?? '',
    paper.upvotes === null ? '' : String(paper.upvotes),
    paper.themes.join('; '),
    paper.facets.approach.map((facet) => facet.value).join('; '),
    paper.facets.benchmark.map((facet) => facet.value).join('; '),
    paper.facets.model.map((facet) => facet.value).join('; '),
    paper.code ?? '',
    paper.url ?? '',
    paper.keywords.join('; '),
    link(sitePaths.paper(paper.id)),
    paper.abstract ?? '',
    paper.hidden ? 'true' : 'false',
  ];
}

/**
 * A paper as a BibTeX entry: the citation key of the curator's `.bib` if it came from one (so `\cite{}` keys keep
 * working), else its id; its own URL, else its page on the survey.
 */
export function bibtexEntryOf(paper: CuratedPaper, link: SiteLinker): BibtexEntry {
  return {
    key: paper.citationKey ?? paper.id,
    title: paper.title,
    authors: paper.authors.names,
    moreAuthors: paper.authors.names.length > 0 && paper.authors.count === null,
    date: paper.date ?? '',
    venue: paper.venue,
    doi: paper.doi,
    arxiv: paper.arxiv,
    url: paper.url ?? link(sitePaths.paper(paper.id)),
    abstract: paper.abstract,
    keywords: paper.keywords,
    note:
      paper.authors.names.length > 0
        ? null
        : `${formatByline(paper)}${listedInPaste(paper) ? '; listed in the Hugging Face Daily Papers' : ''}`,
  };
}

/** Papers as BibTeX, one entry each (see {@link bibtexEntryOf}); a citation key used twice gets `-2`, `-3`, …. */
export function papersToBibtex(papers: readonly CuratedPaper[], link: SiteLinker, cache?: ExportCache): string {
  const used = new Set<string>();
  return papers
    .map((paper) => {
      const { entry, text } = once(cache?.bibtexEntries, paper, link, () => {
        const entry = bibtexEntryOf(paper, link);
        return { entry, text: formatBibtexEntry(entry) };
      });
      let key = entry.key;
      for (let n = 2; used.has(key); n += 1) key = `${entry.key}-${n}`;
      used.add(key);
      return key === entry.key ? text : formatBibtexEntry({ ...entry, key });
    })
    .join('\n');
}
