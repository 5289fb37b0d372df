/**
 * `npm run ingest`: turns the listings in `content/listings/` into the site's generated paper entries.
 * A thin orchestrator: read the curated files → build the survey (pure, src/lib) → plan the entries → one atomic
 * write → a summary. Bad input prints one `file:line: problem — fix` line, exits 1 and writes nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import type { BuiltSurvey } from '../src/lib/ingest/build-survey.ts';
import { pinnedThemes, reviewCuratedFiles } from '../src/lib/ingest/curated-review.ts';
import {
  digestGeneratedFiles,
  digestIngestInputs,
  INGEST_RECORD_FILE,
  serialiseIngestRecord,
  type IngestRecord,
} from '../src/lib/ingest/ingest-record.ts';
import { ingestCodeDigest } from './lib/code-digest.ts';
import { resolveContentPaths } from '../src/loaders/content-paths.ts';
import { formatWarning, InputError, type InputWarning } from '../src/lib/input/input-error.ts';
import {
  curatedFilesNotRead,
  displayPath,
  loadSurveyConfig,
  loadVocabularies,
  readHistory,
  readIntros,
  readNotes,
} from '../src/loaders/survey-files.ts';
import { planEntries } from '../src/lib/ingest/plan-entries.ts';
import { primaryThemeId } from '../src/lib/classify/paper-themes.ts';
import { LOW_CONFIDENCE } from '../src/lib/classify/theme-placement.ts';
import { UNSORTED_THEME_ID, type SurveyConfig } from '../src/schemas/survey.ts';
import { syncGeneratedDir, type SyncReport } from './lib/generated-dir.ts';
import { readIngestRecord, readTree } from '../src/loaders/generated-papers.ts';
import { withIngestLock } from './lib/ingest-lock.ts';
import { recoverInterruptedSwap } from './lib/swap-directory.ts';
import { startTextSimilarity } from './lib/parallel-similarity.ts';
import { readListings, writeFileAtomically } from './lib/read-content.ts';
import { plural } from '../src/lib/text/plural.ts';
import { serialiseHistory, type SurveyChanges } from '../src/lib/ingest/paper-history.ts';

const { values: options } = parseArgs({ options: { content: { type: 'string' } } });
const paths = resolveContentPaths(options.content);
const progress = createProgress();

try {
  if (!existsSync(paths.root)) {
    throw new Error(
      `there is no content folder ${displayPath(paths.root)} (SURVEY_CONTENT_DIR says where a survey's folder is; \`npm run new -- <folder>\` makes one)`,
    );
  }
  await withIngestLock(paths.lock, async () => {
    refuseLegacyOverrides(paths.legacyOverrides);
    // A write cut short by a crash is finished or undone first, so the generated files read below are whole.
    recoverInterruptedSwap(paths.generated);
    const config = loadSurveyConfig(paths);
    const inputs = {
      listings: readListings(paths.listings),
      config: config.data,
      notes: readNotes(paths.notes),
      intros: readIntros(paths),
      vocabularies: loadVocabularies(paths),
      history: readHistory(paths.history),
      onProgress: progress.update,
    };
    const themeIds = config.data.themes.map((theme) => theme.id);
    for (const warning of curatedFilesNotRead(paths)) console.warn(`ingest: warning: ${formatWarning(warning)}`);
    const read = {
      code: ingestCodeDigest(),
      listings: inputs.listings,
      config: inputs.config,
      vocabularies: inputs.vocabularies,
      pins: pinnedThemes(inputs.notes, themeIds),
    };
    const last = readIngestRecord(paths.generated);
    if (
      last &&
      inputs.history &&
      last.digest === digestIngestInputs({ ...read, history: readIfThere(paths.history) ?? '' }) &&
      // The generated files as that ingest wrote them: one changed or lost since is written again by a full ingest.
      last.files === digestGeneratedFiles(readTree(paths.generated))
    ) {
      printUnchanged(last, reviewCuratedFiles(inputs, inputs.history));
      return;
    }
    // Only now the readers, classifiers and the rest of a full ingest: an ingest that stops early above does without
    // them (they take about half of its start).
    const { collectListedPapers, completeSurvey, readSurvey, textsOf } = await import('../src/lib/ingest/build-survey.ts');
    // The text similarity depends on the papers' words alone: a worker thread works it out while this one reads
    // the rest.
    const similarity = startTextSimilarity();
    let survey: BuiltSurvey;
    try {
      const listed = collectListedPapers(inputs);
      similarity.send(textsOf(listed.papers));
      const reading = readSurvey(inputs, listed);
      progress.update('text similarity', 0, reading.papers.length);
      survey = completeSurvey(reading, await similarity.result());
    } finally {
      similarity.stop();
    }
    // Encoded once: the digest below and the write read the same bytes (for 10,000 papers, 40 MB).
    const entries = planEntries(survey.papers);
    // What this ingest read, with the history it writes: the next ingest stops early if it reads the same.
    const listingFiles = new Set(inputs.listings.map((listing) => listing.file));
    const record = serialiseIngestRecord({
      digest: digestIngestInputs({ ...read, history: serialiseHistory(survey.history) }),
      files: digestGeneratedFiles(entries),
      papers: survey.papers.length,
      warnings: survey.warnings.filter((warning) => listingFiles.has(warning.file)),
    });
    entries.set(INGEST_RECORD_FILE, Buffer.from(record));
    progress.update('writing entries', 0, survey.papers.length);
    const report = syncGeneratedDir(paths.generated, entries);
    // After the entries: a crash in between leaves the old history, and the next ingest derives the same dates again.
    writeFileAtomically(paths.history, serialiseHistory(survey.history));
    progress.done();
    printSummary(
      survey,
      config.data,
      report,
      inputs.listings.map((listing) => listing.file),
    );
    printMerges(survey);
    printChanges(survey.changes, displayPath(paths.history));
  });
} catch (error) {
  // One line: what is wrong and where, then the reassurance that matters most to a curator.
  console.error(
    `ingest: error: ${error instanceof Error ? error.message : String(error)} (nothing was written; the previous content is untouched)`,
  );
  if (!(error instanceof InputError) && error instanceof Error && process.env.DEBUG) console.error(error.stack);
  process.exitCode = 1;
}

/** A file's text, or nothing when it is not there. */
function readIfThere(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/**
 * Nothing ingest reads has changed since it last ran (the listings, survey.yaml, the vocabularies, the notes' pinned
 * themes, the history, its own code): the generated files stand as they are. What it said of the listings then is
 * said again, and the curated files are looked at afresh.
 */
function printUnchanged(last: IngestRecord, curatedWarnings: readonly InputWarning[]) {
  const warnings = [...last.warnings, ...curatedWarnings];
  for (const warning of warnings) console.warn(`ingest: warning: ${formatWarning(warning)}`);
  const generated = relative(process.cwd(), paths.generated) || paths.generated;
  console.log(
    `ingest: ${generated}: no changes — the listings, survey.yaml, vocabularies, theme pins and history are as the last ingest read them (${last.papers} papers, ${warnings.length} warnings)`,
  );
}

/** Pins used to live in overrides.yaml; refuse to run past one so no pin is silently dropped. */
function refuseLegacyOverrides(file: string) {
  if (!existsSync(file)) return;
  throw new InputError(
    displayPath(file),
    1,
    'theme pins no longer live in overrides.yaml',
    "move each pin to its paper's note as `themes: [...]` in the frontmatter (npm run note -- <paper id>), then delete overrides.yaml",
  );
}

/**
 * Progress on long runs: on a terminal, one line rewritten in place (stage, count, elapsed); in CI logs or a pipe,
 * one line per stage that took longer than a second, when it ends — and nothing at all for a quick ingest.
 */
function createProgress() {
  const started = performance.now();
  const live = Boolean(process.stderr.isTTY) && !process.env.CI;
  let stage = '';
  let stageStarted = started;
  const elapsed = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
  const endStage = () => {
    if (!stage) return;
    if (live) process.stderr.write('\r\x1b[K');
    else if (performance.now() - stageStarted > 1000) console.error(`ingest: ${stage} took ${elapsed(stageStarted)}`);
  };
  return {
    update(next: string, done: number, total: number) {
      if (next !== stage) {
        endStage();
        stage = next;
        stageStarted = performance.now();
      }
      if (live && performance.now() - started > 500)
        process.stderr.write(`\r\x1b[Kingest: ${stage} ${done ? `${done}/${total} ` : ''}(${elapsed(started)})`);
    },
    done() {
      endStage();
      stage = '';
    },
  };
}

function printSummary(survey: BuiltSurvey, config: SurveyConfig, report: SyncReport, listings: readonly string[]) {
  for (const warning of survey.warnings) console.warn(`ingest: warning: ${formatWarning(warning)}`);
  // Every listing read, with the papers it holds (a paper in several files counts in each): a file whose papers all
  // merged into another's, or that gave none, is still named.
  const held = new Map(listings.map((listing) => [listing, 0]));
  for (const paper of survey.papers) {
    for (const listing of new Set([paper.source.listing, ...paper.alsoIn.map((place) => place.listing)])) {
      held.set(listing, (held.get(listing) ?? 0) + 1);
    }
  }
  if (listings.length === 0) {
    console.log(
      `ingest: no listings yet in ${displayPath(paths.listings)}/: the survey has no papers until its sources are there — a Daily Papers search copied into a .txt, a library exported as .bib, .ris, .json (CSL) or .csv, or an arXiv API response saved as .xml (see README, "Your sources")`,
    );
  } else {
    const perListing = [...held].map(([listing, papers]) => (held.size === 1 ? listing : `${listing}: ${papers}`));
    console.log(`ingest: ${plural(survey.papers.length, 'paper')} from ${plural(held.size, 'listing')} (${perListing.join(', ')})`);
  }
  const width = Math.max(...config.themes.map((theme) => theme.id.length), UNSORTED_THEME_ID.length);
  for (const theme of config.themes) {
    const primary = survey.papers.filter((paper) => primaryThemeId(paper) === theme.id).length;
    const all = survey.papers.filter((paper) => paper.themes.includes(theme.id)).length;
    console.log(`  ${theme.id.padEnd(width)}  ${String(primary).padStart(4)} primary, ${String(all).padStart(4)} in all`);
  }
  const unsorted = survey.papers.filter((paper) => paper.themes.length === 0);
  const surveyFile = displayPath(paths.surveyConfig);
  if (config.themes.length === 0) {
    console.log(
      `ingest: ${surveyFile} defines no themes yet, so every paper is unsorted — \`npm run themes:suggest -- --all\` proposes themes from these papers to paste under \`themes:\``,
    );
  } else {
    console.log(
      `  ${UNSORTED_THEME_ID.padEnd(width)}  ${String(unsorted.length).padStart(4)}${unsorted.length ? ` (pin them with \`themes:\` in their notes, or add keywords in ${surveyFile}):` : ''}`,
    );
  }
  const describe = (paper: (typeof survey.papers)[number]) =>
    paper.themeCandidates
      .map((candidate) => `${candidate.themeId} ${candidate.score.toFixed(2)} (${candidate.words.join(', ') || 'no words'})`)
      .join(' vs ');
  const LIST_AT_MOST = 25;
  const more = (total: number) =>
    total > LIST_AT_MOST && console.log(`    … and ${total - LIST_AT_MOST} more (the generated entries hold every paper's candidates)`);
  if (config.themes.length > 0) {
    for (const paper of unsorted.slice(0, LIST_AT_MOST))
      console.log(`    - ${paper.id} (${paper.source.listing}:${paper.source.line}): closest ${describe(paper)}`);
    more(unsorted.length);
  }
  const unsure = survey.papers.filter((paper) => paper.themeSource === 'keywords' && paper.themeConfidence < LOW_CONFIDENCE);
  if (unsure.length > 0) {
    console.log(
      `ingest: ${unsure.length} papers placed with low confidence — if the first theme is wrong, pin the right one with \`themes:\` in the paper's note:`,
    );
    for (const paper of unsure.slice(0, LIST_AT_MOST)) console.log(`    - ${paper.id}: ${describe(paper)}`);
    more(unsure.length);
  }
  const pinned = survey.papers.filter((paper) => paper.themeSource === 'pinned').length;
  console.log(
    `ingest: ${pinned} pinned by the curator, ${plural(survey.orphans.length, 'orphan note')}, ${plural(survey.merges.length, 'paper')} merged from several records, ${plural(survey.warnings.length, 'warning')}`,
  );
  const generated = relative(process.cwd(), paths.generated) || paths.generated;
  const changed = report.added.length + report.updated.length + report.removed.length;
  console.log(
    changed === 0
      ? `ingest: ${generated}: no changes (${report.unchanged} files up to date)`
      : `ingest: ${generated}: files ${report.added.length} added, ${report.updated.length} updated, ${report.removed.length} removed, ${report.unchanged} unchanged`,
  );
}

/** Every paper made of several records: which record's figures won, and which were merged into it. */
function printMerges(survey: BuiltSurvey) {
  if (survey.merges.length === 0) return;
  const LIST_AT_MOST = 25;
  console.log(
    `ingest: ${plural(survey.merges.length, 'paper')} merged from records in several places (names, dates, DOIs and links combined):`,
  );
  for (const merge of survey.merges.slice(0, LIST_AT_MOST)) {
    console.log(
      `    = ${merge.id}: ${merge.kept.listing}:${merge.kept.line} + ${merge.merged.map((place) => `${place.listing}:${place.line}`).join(' + ')}`,
    );
  }
  if (survey.merges.length > LIST_AT_MOST)
    console.log(`    … and ${survey.merges.length - LIST_AT_MOST} more (each paper's "alsoIn" in the generated entries says where)`);
}

/** What a curator most wants after a paste: what is new, what went, and whose upvotes moved. */
function printChanges(changes: SurveyChanges, historyFile: string) {
  const LIST_AT_MOST = 25;
  if (changes.firstIngest) {
    console.log(
      `ingest: first ingest: ${changes.added.length} papers recorded in ${historyFile}, each added on its listing's capture day (commit the file)`,
    );
    return;
  }
  const { added, removed, upvotes } = changes;
  if (added.length + removed.length + upvotes.length === 0) {
    console.log('ingest: since the last ingest: no papers added or removed, no upvotes changed');
    return;
  }
  console.log(`ingest: since the last ingest: ${added.length} added, ${removed.length} removed, ${upvotes.length} with changed upvotes`);
  const list = <T>(label: string, items: readonly T[], line: (item: T) => string) => {
    if (items.length === 0) return;
    console.log(`  ${label}:`);
    for (const item of items.slice(0, LIST_AT_MOST)) console.log(`    ${line(item)}`);
    if (items.length > LIST_AT_MOST) console.log(`    … and ${items.length - LIST_AT_MOST} more (see the diff of ${historyFile})`);
  };
  list('added', added, (paper) => `+ ${paper.id} (added ${paper.added}${paper.returned ? ', back after being removed' : ''})`);
  list('removed', removed, (paper) => `- ${paper.id} (its note, if any, is kept)`);
  const count = (value: number | null) => (value === null ? 'unknown' : String(value));
  list('upvotes', upvotes, (paper) => `~ ${paper.id}: ${count(paper.before)} → ${count(paper.after)}`);
}
