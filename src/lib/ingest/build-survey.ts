import { createPaperSchema, type Paper } from '../../schemas/paper.ts';
import type { SurveyConfig } from '../../schemas/survey.ts';
import { classifyLink, extractLinks } from '../text/abstract-links.ts';
import { compileThemeMatchers, scoreThemes } from '../classify/theme-keywords.ts';
import { rankRelatedPapers } from '../text/related-papers.ts';
import { vectorize } from '../text/tf-idf.ts';
import { measureTextSimilarity, type TextSimilarity } from '../text/similarity.ts';
import { assignThemes } from '../classify/theme-placement.ts';
import { compileVocabularies, extractFacets } from '../classify/facets.ts';
import { shareTermSets } from '../text/term-matcher.ts';
import type { Vocabularies } from '../../schemas/facets.ts';
import { InputError, type InputWarning } from '../input/input-error.ts';
import { describeOrphan, findOrphans, type OrphanNote } from '../curation/orphans.ts';
import { checkCurated, parseNotes } from './curated-review.ts';
import { assignPaperIds } from './paper-ids.ts';
import { readSource } from '../sources/read-source.ts';
import { mergeRecords, type MergedPaper, type SourceOccurrence } from './merge-records.ts';
import { extensionOf } from '../sources/source-formats.ts';
import { updateHistory, type SurveyChanges } from './paper-history.ts';
import type { PaperHistory } from '../../schemas/history.ts';

/** One file of the listings folder as read from disk, in any format ingest reads. */
export interface ListingSource {
  /** Path shown in messages, e.g. `content/listings/reflective-agents.txt`; its extension says its format. */
  file: string;
  /** File name without its extension: the key for its settings in `content/survey.yaml` (the full name works too). */
  name: string;
  bytes: Uint8Array;
  /** Day the file was last modified: the capture date of last resort. */
  modifiedDay: string;
}

/** A curator's note file as read from disk (`content/notes/<paper-id>.mdx`). */
export interface NoteSource {
  /** The paper id: the file name without `.mdx`. */
  id: string;
  /** Path shown in messages. */
  file: string;
  text: string;
}

export interface SurveyInputs {
  listings: readonly ListingSource[];
  config: SurveyConfig;
  /** Curators' notes: read for their frontmatter (pinned themes) and to report orphans; never written. */
  notes: readonly NoteSource[];
  /** The survey intro and the theme intros (`intro`, `themes/<theme-id>`), read for the papers and themes they name. */
  intros?: readonly NoteSource[];
  /** Facet vocabularies (`content/facets/*.yaml`); missing kinds extract nothing. */
  vocabularies?: Partial<Vocabularies>;
  /** What the survey remembered after the last ingest (`content/history.json`); none on the first ingest. */
  history?: PaperHistory;
  /** Told when each stage starts and how far it has got, for progress on long runs. */
  onProgress?: (stage: string, done: number, total: number) => void;
}

/** A paper made of several records (in several files, or twice in one); the `kept` record's figures won. */
export interface MergedRecords {
  id: string;
  title: string;
  kept: { listing: string; line: number };
  merged: { listing: string; line: number }[];
}

export interface BuiltSurvey {
  papers: Paper[];
  /** Every paper that more than one record made. */
  merges: MergedRecords[];
  orphans: OrphanNote[];
  warnings: InputWarning[];
  /** The history to keep for the next ingest: each paper's added day, upvotes, and when it left. */
  history: PaperHistory;
  /** What changed since the last ingest. */
  changes: SurveyChanges;
}

/**
 * The pure core of `npm run ingest`: parse every listing, merge duplicates, give ids, assign themes (pins win),
 * extract facets and links, find related papers and validate each paper with the site's schema. Throws an
 * {@link InputError} on bad input. In two steps, {@link readSurvey} then {@link completeSurvey}, so that ingest can
 * have the text similarity worked out meanwhile, in parallel.
 */
export function buildSurvey(inputs: SurveyInputs): BuiltSurvey {
  const reading = readSurvey(inputs);
  return completeSurvey(reading, measureTextSimilarity(textsOf(reading.papers)));
}

/** Every paper of the listings, in order, the records of one paper merged, with the readers' warnings. */
export type ListedPapers = ReturnType<typeof collectListedPapers>;

/** The title and abstract of each paper, as the text similarity reads them. */
export function textsOf(papers: ReadonlyArray<{ title: string; abstract: string | null }>): Array<{ title: string; abstract: string }> {
  return papers.map(({ title, abstract }) => ({ title, abstract: abstract ?? '' }));
}

/**
 * Every paper of the listings, in order: each file read by the reader of its format (files in name order), and the
 * records of one paper merged (see merge-records.ts), with the readers' warnings.
 */
export function collectListedPapers(inputs: Pick<SurveyInputs, 'listings' | 'config' | 'onProgress'>) {
  const { config } = inputs;
  const progress = inputs.onProgress ?? (() => {});
  const warnings: InputWarning[] = [];
  const occurrences: SourceOccurrence[] = [];
  const ordered = [...inputs.listings].sort((a, b) => a.file.localeCompare(b.file));
  for (const [index, listing] of ordered.entries()) {
    progress('reading listings', index, ordered.length);
    const fileName = fileNameOf(listing);
    const settings = config.listings[fileName] ?? config.listings[listing.name];
    const captured = settings?.captured ?? config.survey.captured ?? listing.modifiedDay;
    const reading = readSource(listing, captured);
    // Only the paste leaves years out of dates, to be read in the capture year: elsewhere the day matters less.
    if (!settings?.captured && !config.survey.captured && reading.format.id === 'hf-paste') {
      warnings.push({
        file: listing.file,
        line: 1,
        message: `no capture date set: reading dates without a year as ${captured.slice(0, 4)} (the file's modification day, ${captured}); set listings.${listing.name}.captured in ${surveyFileOf(listing.file)}`,
      });
    }
    warnings.push(...reading.warnings);
    // A file that gives no paper is kept quiet by nothing else: an export cut short, or saved empty, would take its
    // papers out of the survey without a word.
    if (reading.records.length === 0)
      warnings.push({ file: listing.file, line: 1, message: `no papers read from this ${reading.format.label}: is the file whole?` });
    for (const record of reading.records)
      occurrences.push({ ...record, listing: listing.file, format: reading.format.id, captured, order: occurrences.length });
  }
  // A capture day set for a file that is not there (`zotero.bib` for `zotero.ris`, or a listing renamed) dates nothing.
  const named = new Set(ordered.flatMap((listing) => [listing.name, fileNameOf(listing)]));
  for (const key of Object.keys(config.listings).filter((name) => !named.has(name))) {
    warnings.push({
      file: ordered[0] ? surveyFileOf(ordered[0].file) : 'survey.yaml',
      line: 1,
      message: `listings.${key} names no listing (${ordered.length > 0 ? `there are ${ordered.map(fileNameOf).join(', ')}` : 'there is none'}): its capture day is not used`,
    });
  }
  return { papers: mergeRecords(occurrences), warnings };
}

/** A listing's file name, its settings' other key in `survey.yaml` (`zotero.bib` beside `zotero`). */
const fileNameOf = (listing: ListingSource) => `${listing.name}${extensionOf(listing.file)}`;

/**
 * The survey's `survey.yaml` as messages name it, from a listing's path there (`content/listings/x.bib` →
 * `content/survey.yaml`): a survey in another folder (SURVEY_CONTENT_DIR) is told its own file.
 */
export function surveyFileOf(listingFile: string): string {
  const folder = /^(.*)[\\/]listings[\\/][^\\/]+$/.exec(listingFile)?.[1];
  return folder === undefined ? 'survey.yaml' : `${folder}/survey.yaml`;
}

/** What {@link readSurvey} found; {@link completeSurvey} finishes the survey from it. */
export type SurveyReading = ReturnType<typeof readSurvey>;

/**
 * The first step of {@link buildSurvey}: the listed papers with their ids, notes, keyword scores, facets, links and
 * history, each checked against the schema (a bad paper stops here, at its line).
 * `listed` is {@link collectListedPapers} of the same inputs, when the caller has it already.
 */
export function readSurvey(inputs: SurveyInputs, listed: ListedPapers = collectListedPapers(inputs)) {
  const { config } = inputs;
  const progress = inputs.onProgress ?? (() => {});
  const { papers: unique } = listed;
  const warnings = [...listed.warnings];
  // A paper known to the survey keeps its id (its URL), whichever of its records' titles gave it.
  const ids = assignPaperIds(
    unique.map((paper) => [paper.title, ...paper.occurrences.map((occurrence) => occurrence.title)]),
    new Map(Object.entries(inputs.history?.papers ?? {}).map(([id, entry]) => [id, entry.title])),
  );
  const merges = unique.flatMap((paper, index) =>
    paper.occurrences.length > 1
      ? [
          {
            id: ids[index]!,
            title: paper.title,
            kept: placeOf(paper.kept),
            merged: paper.occurrences.filter((o) => o !== paper.kept).map(placeOf),
          },
        ]
      : [],
  );
  // The same paper twice in files of one format is more likely a slip than a merge: worth a word to the curator.
  for (const paper of unique) {
    for (const occurrence of paper.occurrences) {
      if (occurrence === paper.kept || occurrence.format !== paper.kept.format) continue;
      warnings.push({
        file: occurrence.listing,
        line: occurrence.line,
        // The occurrence's own title: the merged paper's may come from another record (see mergeRecords).
        message: `"${occurrence.title}" appears again: the same paper as ${paper.kept.listing}:${paper.kept.line}, whose figures are kept (the newest capture)`,
      });
    }
  }

  const themeIds = config.themes.map((theme) => theme.id);
  const notes = parseNotes(inputs.notes, themeIds);
  // Papers the survey had before this ingest and no listing holds now: their notes say the paper has left.
  const current = new Set(ids);
  const departed = new Map(
    Object.entries(inputs.history?.papers ?? {})
      .filter(([id]) => !current.has(id))
      .map(([id, entry]) => [id, entry.title ?? id]),
  );
  const orphans = findOrphans(inputs.notes, ids, departed);
  warnings.push(...orphans.map(describeOrphan));
  // Theme keywords and facet vocabularies are read together: one walk of each text's words serves them all.
  const compileTogether = shareTermSets();
  const matchers = compileThemeMatchers(config.themes, compileTogether);
  const vocabularies = compileVocabularies(inputs.vocabularies ?? {}, compileTogether);
  // Ingest checks what came from the listings, to stop at the paper's line with a clear message. What ingest works
  // out itself (themes, facets, candidates, related papers) is checked against the full schema by the build's content
  // layer; pinned themes were checked with their note.
  const listedPaperSchema = createPaperSchema(themeIds)
    .pick({
      id: true,
      title: true,
      abstract: true,
      authors: true,
      organization: true,
      date: true,
      dateHasYear: true,
      upvotes: true,
      doi: true,
      arxiv: true,
      venue: true,
      url: true,
      keywords: true,
      citationKey: true,
      links: true,
      code: true,
      source: true,
      alsoIn: true,
      added: true,
    })
    .strip();

  // One pass per paper over its words: keyword scores and facets share the split title and abstract.
  const keywordScores: ReturnType<typeof scoreThemes>[] = [];
  const facets: ReturnType<typeof extractFacets>[] = [];
  for (const [index, paper] of unique.entries()) {
    if (index % 500 === 0) progress('keywords and facets', index, unique.length);
    const text = { title: paper.title, abstract: paper.abstract ?? '' };
    keywordScores.push(scoreThemes(text, matchers));
    facets.push(extractFacets(text, vocabularies));
  }

  // What needs no text similarity is done here, while the similarity may still be being worked out elsewhere.
  progress('validating', 0, unique.length);
  const { history, changes } = updateHistory(
    inputs.history,
    unique.map((paper, index) => ({
      id: ids[index]!,
      title: paper.title,
      upvotes: paper.upvotes,
      source: { captured: paper.kept.captured },
    })),
  );
  const listedFields = unique.map((paper, index) => {
    const links = paperLinks(paper);
    const fields = {
      links,
      code: links.find((link) => link.kind === 'code')?.url ?? null,
      source: { listing: paper.kept.listing, line: paper.kept.line, captured: paper.kept.captured },
      alsoIn: paper.occurrences.filter((occurrence) => occurrence !== paper.kept).map(placeOf),
      added: history.papers[ids[index]!]!.added,
    };
    const result = listedPaperSchema.safeParse({ ...paper, id: ids[index]!, url: paper.urls[0] ?? null, ...fields });
    if (!result.success) {
      const issue = result.error.issues[0]!;
      throw new InputError(
        paper.kept.listing,
        paper.kept.line,
        `this paper does not fit the schema: ${issue.path.join('.')}: ${issue.message}`,
        'correct the listing at this paper',
      );
    }
    return fields;
  });
  return { inputs, papers: unique, ids, merges, orphans, warnings, notes, matchers, keywordScores, facets, history, changes, listedFields };
}

/**
 * The second step of {@link buildSurvey}: themes from keywords and content (pins win) and related papers.
 * `similarity` must be {@link measureTextSimilarity} of the reading's papers, in their order.
 */
export function completeSurvey(reading: SurveyReading, similarity: TextSimilarity): BuiltSurvey {
  const {
    inputs,
    papers: unique,
    ids,
    merges,
    orphans,
    warnings,
    notes,
    matchers,
    keywordScores,
    facets,
    history,
    changes,
    listedFields,
  } = reading;
  const { config } = inputs;
  const progress = inputs.onProgress ?? (() => {});
  const { space, vectors } = similarity;
  if (vectors.length !== unique.length)
    throw new Error(`text similarity of ${vectors.length} papers given for a survey of ${unique.length}`);
  progress('themes', 0, unique.length);
  const assignments = assignThemes(
    unique.map((paper, index) => ({ title: paper.title, abstract: paper.abstract ?? '', vector: vectors[index]! })),
    config.themes,
    matchers,
    space,
    (list) => vectorize(space, list),
    keywordScores,
  );

  const finalThemes = unique.map((_, index) => notes.get(ids[index]!)?.frontmatter.themes ?? assignments[index]!.themes);
  progress('related papers', 0, unique.length);
  const related = rankRelatedPapers(similarity.related, { groups: finalThemes.map((themes) => themes[0]) });

  const papers = unique.map((paper, index): Paper => {
    const id = ids[index]!;
    const pinned = notes.get(id)?.frontmatter.themes;
    const assignment = assignments[index]!;
    const themes = pinned ? [...new Set(pinned)] : assignment.themes;
    const { links, code, source, alsoIn, added } = listedFields[index]!;
    return {
      id,
      title: paper.title,
      abstract: paper.abstract,
      authors: paper.authors,
      organization: paper.organization,
      date: paper.date,
      dateHasYear: paper.dateHasYear,
      upvotes: paper.upvotes,
      doi: paper.doi,
      arxiv: paper.arxiv,
      venue: paper.venue,
      url: paper.urls[0] ?? null,
      keywords: paper.keywords,
      citationKey: paper.citationKey,
      themes,
      themeSource: pinned ? 'pinned' : themes.length > 0 ? 'keywords' : 'none',
      themeConfidence: pinned ? 1 : assignment.confidence,
      themeCandidates: assignment.candidates,
      related: related[index]!.map((other) => ({ id: ids[other.index]!, score: Math.round(other.score * 1000) / 1000 })),
      links,
      code,
      facets: facets[index]!,
      source,
      alsoIn,
      added,
    };
  });
  warnings.push(...checkCurated(inputs, ids, history));
  return { papers, merges, orphans, warnings, history, changes };
}

function placeOf(occurrence: SourceOccurrence): { listing: string; line: number } {
  return { listing: occurrence.listing, line: occurrence.line };
}

/**
 * A paper's links: those in its abstract, then those its records give (a BibTeX `url`, the Atom abs link), each once;
 * links to its own DOI or arXiv page are not repeated, as the paper page links those itself.
 */
function paperLinks(paper: MergedPaper): Paper['links'] {
  const links = paper.abstract ? extractLinks(paper.abstract) : [];
  const own = (url: string) =>
    (paper.doi !== null && /doi\.org\//i.test(url) && url.toLowerCase().includes(paper.doi)) ||
    (paper.arxiv !== null && /arxiv\.org\/(?:abs|pdf)\//i.test(url) && url.includes(paper.arxiv));
  for (const url of paper.urls) {
    if (own(url) || links.some((link) => link.url === url)) continue;
    links.push({ url, kind: classifyLink(url) });
  }
  return links;
}
