import { getCollection, type CollectionEntry } from 'astro:content';
import { describeOrphan, describeOrphanIntro, findOrphanIntros, findOrphans, type OrphanNote } from '../lib/curation/orphans.ts';
import { formatWarning } from '../lib/input/input-error.ts';
import { resolveContentPaths } from '../loaders/content-paths.ts';
import {
  displayPath,
  publishedPath,
  introPatterns,
  loadDepartedPapers,
  loadSurveyConfig,
  loadVocabularies,
  readIntros,
  readNotes,
} from '../loaders/survey-files.ts';
import { checkCuratedRefs, type DepartedLink } from '../lib/curation/paper-refs.ts';
import { hasFiles } from '../loaders/curated-files.ts';
import type { Vocabularies } from '../schemas/facets.ts';
import { applyNote, hasWords, type CuratedPaper } from '../lib/curation/notes.ts';
import { compareNewestFirst, compareRecentlyAdded } from '../lib/site/paper-display.ts';
import { UNSORTED_THEME_ID } from '../schemas/survey.ts';
import { listedThemeIds, primaryThemeId, UNSORTED_TITLE } from '../lib/classify/paper-themes.ts';
import { ALL_COLUMNS, columnsWithData, DEFAULT_THEME_COLUMNS } from '../lib/site/table-columns.ts';
import type { TableColumn } from '../schemas/table-columns.ts';
import { indexAuthors, type IndexedAuthor } from '../lib/site/author-index.ts';
import { extensionOf, SOURCE_FORMATS } from '../lib/sources/source-formats.ts';
import { generatedPapersStamp, readGeneratedPapers } from '../loaders/generated-papers.ts';
import { generatedEntriesReady } from '../loaders/ingest-gate.ts';
import { PAPERS_FOLDER } from '../lib/ingest/plan-entries.ts';
import { join } from 'node:path';

export type ThemeEntry = CollectionEntry<'themes'>['data'];
export type NoteEntry = CollectionEntry<'notes'>;
export type IntroEntry = CollectionEntry<'intros'>;

/** Everything the pages need about the survey, computed once per build and shared by every page. */
export interface SurveyData {
  survey: ReturnType<typeof loadSurveyConfig>['data']['survey'];
  themes: ThemeEntry[];
  themesById: Map<string, ThemeEntry>;
  /** Every paper shown on the site (hidden ones left out), newest first, with the curator's notes applied. */
  papers: CuratedPaper[];
  /** Every paper including hidden ones: the data export keeps them, flagged. */
  allPapers: CuratedPaper[];
  papersById: Map<string, CuratedPaper>;
  /** Every paper by id, hidden ones included (a note may still name a hidden paper). */
  allPapersById: Map<string, CuratedPaper>;
  /** Papers per theme id (primary or secondary), featured first, then newest; `unsorted` holds papers with no theme. */
  papersByTheme: Map<string, CuratedPaper[]>;
  /** Papers per primary theme, in the same order: the order of previous/next links. */
  papersByPrimaryTheme: Map<string, CuratedPaper[]>;
  /** Every shown paper, most recently added to the survey first (then newest): "Recently added" and the feeds. */
  recentlyAdded: CuratedPaper[];
  /**
   * The tables with a theme page: every theme in order, then `unsorted` when any paper fits no theme; each with
   * its columns. The theme pages and their later table pages are made from this one list.
   */
  themeTables: Array<{ id: string; title: string; scope: string; columns: readonly TableColumn[] }>;
  /** Papers the curator marked `featured`, newest first. */
  featured: CuratedPaper[];
  notesById: Map<string, NoteEntry>;
  /** Notes whose paper is in no listing: kept and listed for the curator, never published as pages. */
  orphans: OrphanNote[];
  /** Theme intros (`themes/<id>.mdx`) for themes `survey.yaml` no longer defines: kept and listed for the curator. */
  orphanIntros: Array<{ themeId: string; file: string }>;
  /** Papers the survey once had and no listing holds now, by id, with their last known title: what links to them show. */
  departed: ReadonlyMap<string, string>;
  /** Links in notes and intros to papers that have left: listed on /notes/orphans/ for the curator. */
  departedLinks: DepartedLink[];
  /** The survey intro (`intro`) and theme intros (`themes/<id>`). */
  introsById: Map<string, IntroEntry>;
  /** The facet vocabularies, for the order of facet values. */
  vocabularies: Vocabularies;
  /** Every named author of the shown papers, most papers first (the authors index). */
  authors: IndexedAuthor[];
  /** The columns of the all-papers table. */
  allPapersColumns: readonly TableColumn[];
  /** The formats of the listings the papers came from, as a curator calls them ("BibTeX", "RIS", …). */
  sourceFormats: string[];
}

let cached: { data: Promise<SurveyData>; papersStamp: string } | undefined;

/**
 * The survey's data, loaded once and memoised, so no page pays for reading, `getCollection()` or sorting again (the
 * cost would grow with the survey on every page). In `npm run dev` it is loaded again when a re-ingest has
 * rewritten the generated papers; a changed note or intro reloads this module itself, as Astro's collections do.
 */
export function getSurveyData(): Promise<SurveyData> {
  const papersStamp = import.meta.env.DEV ? generatedPapersStamp(papersFolder()) : '';
  if (cached?.papersStamp !== papersStamp) cached = { data: loadSurveyData(), papersStamp };
  return cached.data;
}

const papersFolder = () => join(resolveContentPaths().generated, PAPERS_FOLDER);

/** The labels of the formats the papers' listings are in, in the order ingest knows them. */
function formatsOf(papers: readonly CuratedPaper[]): string[] {
  const endings = new Set(papers.flatMap((paper) => [paper.source, ...paper.alsoIn].map((place) => extensionOf(place.listing))));
  return SOURCE_FORMATS.filter((format) => format.extensions.some((ending) => endings.has(ending))).map((format) => format.label);
}

/** Featured papers first, then newest first. */
function compareForTables(a: CuratedPaper, b: CuratedPaper): number {
  return Number(b.featured) - Number(a.featured) || compareNewestFirst(a, b);
}

async function loadSurveyData(): Promise<SurveyData> {
  const paths = resolveContentPaths();
  const config = loadSurveyConfig(paths).data;
  // A new survey has no themes, notes or intros yet: those collections are empty, and asking for them only warns.
  const [themeEntries, noteEntries, introEntries] = await Promise.all([
    config.themes.length > 0 ? getCollection('themes') : [],
    hasFiles(paths.notes, ['*.mdx']) ? getCollection('notes') : [],
    hasFiles(paths.root, introPatterns(paths)) ? getCollection('intros') : [],
  ]);
  const notesById = new Map(noteEntries.map((entry) => [entry.id, entry]));
  const themes = themeEntries.map((entry) => entry.data).sort((a, b) => a.order - b.order);
  // Under `npm run build` the ingest may still be writing the papers (src/loaders/ingest-gate.ts).
  const { files: writtenByIngest } = await generatedEntriesReady();
  const published = (listing: string) => publishedPath(listing, paths.root);
  const allPapers = readGeneratedPapers(
    papersFolder(),
    config.themes.map((theme) => theme.id),
    { writtenByIngest },
  )
    .map((paper) => {
      const note = notesById.get(paper.id);
      // The places a paper was read from, as the site names them (not the curator's absolute paths).
      const placed = {
        ...paper,
        source: { ...paper.source, listing: published(paper.source.listing) },
        alsoIn: paper.alsoIn.map((place) => ({ ...place, listing: published(place.listing) })),
      };
      return applyNote(placed, note && { frontmatter: note.data, hasBody: hasWords(note.body ?? '') });
    })
    .sort(compareNewestFirst);
  const papers = allPapers.filter((paper) => !paper.hidden);

  const papersByTheme = new Map<string, CuratedPaper[]>([
    ...themes.map((t) => [t.id, [] as CuratedPaper[]] as const),
    [UNSORTED_THEME_ID, []],
  ]);
  const papersByPrimaryTheme = new Map<string, CuratedPaper[]>([...papersByTheme.keys()].map((id) => [id, [] as CuratedPaper[]]));
  for (const paper of [...papers].sort(compareForTables)) {
    for (const themeId of listedThemeIds(paper)) papersByTheme.get(themeId)?.push(paper);
    papersByPrimaryTheme.get(primaryThemeId(paper))?.push(paper);
  }

  const departed = loadDepartedPapers(paths, new Set(allPapers.map((paper) => paper.id)));
  const orphans = findOrphans(
    noteEntries.map((entry) => ({ id: entry.id, file: entry.filePath ?? `${entry.id}.mdx` })),
    allPapers.map((paper) => paper.id),
    departed,
  );
  for (const orphan of orphans)
    console.warn(`[survey] warning: ${formatWarning(describeOrphan({ ...orphan, file: displayPath(orphan.file) }))}`);
  const themeIds = new Set(themes.map((theme) => theme.id));
  const orphanIntros = findOrphanIntros(
    introEntries.map((entry) => ({ id: entry.id, file: displayPath(entry.filePath ?? `${entry.id}.mdx`) })),
    themeIds,
  );
  for (const intro of orphanIntros) console.warn(`[survey] warning: ${formatWarning(describeOrphanIntro(intro))}`);

  return {
    survey: config.survey,
    vocabularies: loadVocabularies(paths),
    themes,
    themesById: new Map(themes.map((theme) => [theme.id, theme])),
    papers,
    allPapers,
    papersById: new Map(papers.map((paper) => [paper.id, paper])),
    allPapersById: new Map(allPapers.map((paper) => [paper.id, paper])),
    papersByTheme,
    papersByPrimaryTheme,
    recentlyAdded: [...papers].sort(compareRecentlyAdded),
    themeTables: [
      ...themes.map((theme) => ({
        id: theme.id,
        title: theme.title,
        scope: theme.scope,
        columns: theme.columns ?? columnsWithData(DEFAULT_THEME_COLUMNS, papers),
      })),
      ...(papersByTheme.get(UNSORTED_THEME_ID)!.length > 0
        ? [
            {
              id: UNSORTED_THEME_ID,
              title: UNSORTED_TITLE,
              scope: 'papers that no theme fits yet',
              columns: columnsWithData(DEFAULT_THEME_COLUMNS, papers),
            },
          ]
        : []),
    ],
    featured: papers.filter((paper) => paper.featured),
    notesById,
    orphans,
    orphanIntros,
    departed,
    departedLinks: checkCuratedRefs([...readNotes(paths.notes), ...readIntros(paths)], {
      paperIds: new Set(allPapers.map((paper) => paper.id)),
      themeIds,
      departed,
    }).departed,
    introsById: new Map(introEntries.map((entry) => [entry.id, entry])),
    authors: indexAuthors(papers),
    sourceFormats: formatsOf(allPapers),
    allPapersColumns: columnsWithData(ALL_COLUMNS, papers),
  };
}
