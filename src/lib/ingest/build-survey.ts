import { createPaperSchema, type Paper } from '../../schemas/paper.ts';
import { createNoteSchema, type NoteFrontmatter } from '../../schemas/note.ts';
import type { SurveyConfig } from '../../schemas/survey.ts';
import { extractLinks } from '../text/abstract-links.ts';
import { compileThemeMatchers, scoreThemes } from '../classify/theme-keywords.ts';
import { rankRelatedPapers } from '../text/related-papers.ts';
import { vectorize } from '../text/tf-idf.ts';
import { measureTextSimilarity, type TextSimilarity } from '../text/similarity.ts';
import { assignThemes } from '../classify/theme-placement.ts';
import { compileVocabularies, extractFacets } from '../classify/facets.ts';
import { shareTermSets } from '../text/term-matcher.ts';
import type { Vocabularies } from '../../schemas/facets.ts';
import { decodeTextLines } from '../input/decode-text.ts';
import { InputError, type InputWarning } from '../input/input-error.ts';
import { parseNoteSource, type ParsedNote } from '../curation/notes.ts';
import { describeOrphan, findOrphans, type OrphanNote } from '../curation/orphans.ts';
import { assignPaperIds, normaliseTitle } from './paper-ids.ts';
import { parseListing, type ListedPaper } from '../sources/hf-paste.ts';
import { updateHistory, type SurveyChanges } from './paper-history.ts';
import type { PaperHistory } from '../../schemas/history.ts';

/** One listing file as read from disk. */
export interface ListingSource {
  /** Path shown in messages, e.g. `content/listings/reflective-agents.txt`. */
  file: string;
  /** File name without `.txt`: the key for its settings in `content/survey.yaml`. */
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
  /** Facet vocabularies (`content/facets/*.yaml`); missing kinds extract nothing. */
  vocabularies?: Partial<Vocabularies>;
  /** What the survey remembered after the last ingest (`content/history.json`); none on the first ingest. */
  history?: PaperHistory;
  /** Told when each stage starts and how far it has got, for progress on long runs. */
  onProgress?: (stage: string, done: number, total: number) => void;
}

/** A paper seen more than once; the `kept` occurrence's figures won. */
export interface DuplicatePaper {
  id: string;
  title: string;
  kept: { listing: string; line: number };
  dropped: { listing: string; line: number }[];
}

export interface BuiltSurvey {
  papers: Paper[];
  duplicates: DuplicatePaper[];
  orphans: OrphanNote[];
  warnings: InputWarning[];
  /** The history to keep for the next ingest: each paper's added day, upvotes, and when it left. */
  history: PaperHistory;
  /** What changed since the last ingest. */
  changes: SurveyChanges;
}

interface Occurrence extends ListedPaper {
  listing: string;
  captured: string;
}

/**
 * The pure core of `npm run ingest`: parse every listing, merge duplicates, give ids, assign themes (pins win),
 * extract facets and links, find related papers and validate each paper with the site's schema. Throws an
 * {@link InputError} on bad input. In two steps, {@link readSurvey} then {@link completeSurvey}, so that ingest can
 * have the text similarity worked out meanwhile, in parallel.
 */
export function buildSurvey(inputs: SurveyInputs): BuiltSurvey {
  const reading = readSurvey(inputs);
  return completeSurvey(reading, measureTextSimilarity(reading.papers));
}

/** Every paper of the listings, in order, duplicates merged, with the parser's warnings. */
export type ListedPapers = ReturnType<typeof collectListedPapers>;

/** Every paper of the listings, in order, duplicates merged (the newest capture wins), with the parser's warnings. */
export function collectListedPapers(inputs: Pick<SurveyInputs, 'listings' | 'config' | 'onProgress'>) {
  const { config } = inputs;
  const progress = inputs.onProgress ?? (() => {});
  const warnings: InputWarning[] = [];
  const occurrences: Occurrence[] = [];
  const ordered = [...inputs.listings].sort((a, b) => a.file.localeCompare(b.file));
  for (const [index, listing] of ordered.entries()) {
    progress('parsing listings', index, ordered.length);
    const captured = config.listings[listing.name]?.captured ?? config.survey.captured ?? listing.modifiedDay;
    if (!config.listings[listing.name]?.captured && !config.survey.captured) {
      warnings.push({
        file: listing.file,
        line: 1,
        message: `no capture date set: reading dates without a year as ${captured.slice(0, 4)} (the file's modification day, ${captured}); set listings.${listing.name}.captured in content/survey.yaml`,
      });
    }
    const parsed = parseListing(decodeTextLines(listing.bytes, listing.file), { file: listing.file, captured });
    warnings.push(...parsed.warnings);
    occurrences.push(...parsed.papers.map((paper) => ({ ...paper, listing: listing.file, captured })));
  }

  const { unique, duplicates } = mergeDuplicates(occurrences);
  return { papers: unique, duplicates, warnings };
}

/** What {@link readSurvey} found; {@link completeSurvey} finishes the survey from it. */
export type SurveyReading = ReturnType<typeof readSurvey>;

/**
 * The first step of {@link buildSurvey}: the listed papers with their ids, notes, keyword scores and facets.
 * `listed` is {@link collectListedPapers} of the same inputs, when the caller has it already.
 */
export function readSurvey(inputs: SurveyInputs, listed: ListedPapers = collectListedPapers(inputs)) {
  const { config } = inputs;
  const progress = inputs.onProgress ?? (() => {});
  const { papers: unique, duplicates: duplicateGroups } = listed;
  const warnings = [...listed.warnings];
  const ids = assignPaperIds(unique.map((paper) => paper.title));
  const duplicates = duplicateGroups.map(({ index, kept, dropped }) => ({
    id: ids[index]!,
    title: kept.title,
    kept: { listing: kept.listing, line: kept.line },
    dropped: dropped.map((d) => ({ listing: d.listing, line: d.line })),
  }));
  for (const duplicate of duplicates) {
    for (const dropped of duplicate.dropped) {
      warnings.push({
        file: dropped.listing,
        line: dropped.line,
        message: `"${duplicate.title}" appears again (kept ${duplicate.kept.listing}:${duplicate.kept.line}, the newest capture)`,
      });
    }
  }

  const themeIds = config.themes.map((theme) => theme.id) as [string, ...string[]];
  const notes = readNotes(inputs.notes, themeIds);
  const orphans = findOrphans(inputs.notes, ids);
  warnings.push(...orphans.map(describeOrphan));
  // Theme keywords and facet vocabularies are read together: one walk of each text's words serves them all.
  const compileTogether = shareTermSets();
  const matchers = compileThemeMatchers(config.themes, compileTogether);
  const vocabularies = compileVocabularies(inputs.vocabularies ?? {}, compileTogether);
  // Ingest checks what came from the listings, to stop at the paper's line with a clear message. What ingest works
  // out itself (facets, candidates, related papers) is checked against the full schema by the build's content layer.
  const listedPaperSchema = createPaperSchema(themeIds).pick({
    id: true,
    title: true,
    abstract: true,
    authorCount: true,
    organization: true,
    date: true,
    dateHasYear: true,
    upvotes: true,
    themes: true,
    links: true,
    code: true,
    source: true,
    added: true,
  }).strip();

  // One pass per paper over its words: keyword scores and facets share the split title and abstract.
  const keywordScores: ReturnType<typeof scoreThemes>[] = [];
  const facets: ReturnType<typeof extractFacets>[] = [];
  for (const [index, paper] of unique.entries()) {
    if (index % 500 === 0) progress('keywords and facets', index, unique.length);
    keywordScores.push(scoreThemes(paper, matchers));
    facets.push(extractFacets(paper, vocabularies));
  }
  return { inputs, papers: unique, ids, duplicates, orphans, warnings, notes, matchers, listedPaperSchema, keywordScores, facets };
}

/**
 * The second step of {@link buildSurvey}: themes from keywords and content (pins win), related papers, history and
 * validation. `similarity` must be {@link measureTextSimilarity} of the reading's papers, in their order.
 */
export function completeSurvey(reading: SurveyReading, similarity: TextSimilarity): BuiltSurvey {
  const { inputs, papers: unique, ids, duplicates, orphans, warnings, notes, matchers, listedPaperSchema, keywordScores, facets } = reading;
  const { config } = inputs;
  const progress = inputs.onProgress ?? (() => {});
  const { space, vectors } = similarity;
  if (vectors.length !== unique.length) throw new Error(`text similarity of ${vectors.length} papers given for a survey of ${unique.length}`);
  progress('themes', 0, unique.length);
  const assignments = assignThemes(
    unique.map((paper, index) => ({ title: paper.title, abstract: paper.abstract, vector: vectors[index]! })),
    config.themes,
    matchers,
    space,
    (list) => vectorize(space, list),
    keywordScores,
  );

  const finalThemes = unique.map((_, index) => notes.get(ids[index]!)?.frontmatter.themes ?? assignments[index]!.themes);
  progress('related papers', 0, unique.length);
  const related = rankRelatedPapers(similarity.related, { groups: finalThemes.map((themes) => themes[0]) });
  progress('validating', 0, unique.length);
  const { history, changes } = updateHistory(
    inputs.history,
    unique.map((paper, index) => ({ id: ids[index]!, title: paper.title, upvotes: paper.upvotes, source: { captured: paper.captured } })),
  );

  const papers = unique.map((paper, index) => {
    const id = ids[index]!;
    const pinned = notes.get(id)?.frontmatter.themes;
    const assignment = assignments[index]!;
    const themes = pinned ? [...new Set(pinned)] : assignment.themes;
    const links = extractLinks(paper.abstract);
    const candidate: Paper = {
      id,
      title: paper.title,
      abstract: paper.abstract,
      authorCount: paper.authorCount,
      organization: paper.organization,
      date: paper.date,
      dateHasYear: paper.dateHasYear,
      upvotes: paper.upvotes,
      themes,
      themeSource: pinned ? 'pinned' : themes.length > 0 ? 'keywords' : 'none',
      themeConfidence: pinned ? 1 : assignment.confidence,
      themeCandidates: assignment.candidates,
      related: related[index]!.map((other) => ({ id: ids[other.index]!, score: Math.round(other.score * 1000) / 1000 })),
      links,
      code: links.find((link) => link.kind === 'code')?.url ?? null,
      facets: facets[index]!,
      source: { listing: paper.listing, line: paper.line, captured: paper.captured },
      added: history.papers[id]!.added,
    };
    const result = listedPaperSchema.safeParse(candidate);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      throw new InputError(paper.listing, paper.line, `this paper does not fit the schema: ${issue.path.join('.')}: ${issue.message}`, 'correct the listing at this paper');
    }
    return candidate;
  });
  return { papers, duplicates, orphans, warnings, history, changes };
}

/** Validates every note's frontmatter (an error names the file and line), by paper id. */
function readNotes(sources: readonly NoteSource[], themeIds: [string, ...string[]]): Map<string, ParsedNote<NoteFrontmatter>> {
  const schema = createNoteSchema(themeIds);
  return new Map(sources.map((source) => [source.id, parseNoteSource(source.text, schema, source.file)]));
}

/**
 * One record per normalised title. The newest capture's occurrence wins (its date and upvotes are the most
 * current); within one capture the first occurrence wins. The paper keeps the place of its first appearance.
 */
function mergeDuplicates(occurrences: readonly Occurrence[]) {
  const groups = new Map<string, Occurrence[]>();
  for (const occurrence of occurrences) {
    const key = normaliseTitle(occurrence.title);
    const group = groups.get(key);
    if (group) group.push(occurrence);
    else groups.set(key, [occurrence]);
  }
  const unique: Occurrence[] = [];
  const duplicates: { index: number; kept: Occurrence; dropped: Occurrence[] }[] = [];
  for (const group of groups.values()) {
    const kept = group.reduce((best, next) => (next.captured > best.captured ? next : best));
    if (group.length > 1) duplicates.push({ index: unique.length, kept, dropped: group.filter((o) => o !== kept) });
    unique.push(kept);
  }
  return { unique, duplicates };
}
