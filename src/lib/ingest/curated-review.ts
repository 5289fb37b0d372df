/**
 * What an ingest says of the curated files — the notes' frontmatter and pins, orphan notes, links to papers that have
 * left or never were, intros of themes that are gone — apart from the listings' papers. An ingest that stops early
 * (nothing it reads has changed) needs this much and no more: it loads this module, not the readers and classifiers
 * of build-survey.ts.
 */
import { createNoteSchema, type NoteFrontmatter } from '../../schemas/note.ts';
import type { PaperHistory } from '../../schemas/history.ts';
import { InputError, type InputWarning } from '../input/input-error.ts';
import { parseNoteSource, type ParsedNote } from '../curation/notes.ts';
import { plural } from '../text/plural.ts';
import { describeOrphan, describeOrphanIntro, findOrphanIntros, findOrphans } from '../curation/orphans.ts';
import { checkCuratedRefs, describeDeparted } from '../curation/paper-refs.ts';
import type { NoteSource, SurveyInputs } from './build-survey.ts';

/**
 * What the curated MDX names that is not in the survey now: links to papers that have left (shown by their last
 * title), names the survey never had (the build refuses them), and theme intros whose theme has gone. Warnings, so
 * replacing a listing never stops an ingest; the build decides what cannot be published.
 */
export function checkCurated(
  inputs: Pick<SurveyInputs, 'config' | 'notes' | 'intros'>,
  ids: readonly string[],
  history: PaperHistory,
): InputWarning[] {
  const current = new Set(ids);
  const departed = new Map(
    Object.entries(history.papers)
      .filter(([id, entry]) => entry.removed !== null && !current.has(id))
      .map(([id, entry]) => [id, entry.title ?? id]),
  );
  const refs = { paperIds: current, themeIds: new Set(inputs.config.themes.map((theme) => theme.id)), departed };
  const intros = inputs.intros ?? [];
  const checked = checkCuratedRefs([...inputs.notes, ...intros], refs);
  return [
    ...checked.departed.map(({ file, line, ref, title }) => ({ file, line, message: describeDeparted(ref, title) })),
    ...checked.unknown.map(({ file, line, problem }) => ({
      file,
      line,
      message: `${problem} — the build will stop here until it is corrected`,
    })),
    ...findOrphanIntros(intros, refs.themeIds).map(describeOrphanIntro),
  ];
}

/**
 * What an ingest says of the curated files alone — orphan notes, links to papers that have left or never were,
 * intros of themes that are gone — for the papers the history holds now. An ingest that finds the listings, themes
 * and pins as the last one read them says this much, as notes and intros may have changed meanwhile.
 */
export function reviewCuratedFiles(inputs: Pick<SurveyInputs, 'config' | 'notes' | 'intros'>, history: PaperHistory): InputWarning[] {
  const entries = Object.entries(history.papers);
  const ids = entries.filter(([, entry]) => entry.removed === null).map(([id]) => id);
  const departed = new Map(entries.filter(([, entry]) => entry.removed !== null).map(([id, entry]) => [id, entry.title ?? id]));
  return [...findOrphans(inputs.notes, ids, departed).map(describeOrphan), ...checkCurated(inputs, ids, history)];
}

/** The themes each note pins its paper to, by paper id (notes without pins left out); a bad frontmatter is an error. */
export function pinnedThemes(sources: readonly NoteSource[], themeIds: readonly string[]): Map<string, readonly string[]> {
  const pins = new Map<string, readonly string[]>();
  for (const [id, note] of parseNotes(sources, themeIds)) if (note.frontmatter.themes) pins.set(id, note.frontmatter.themes);
  return pins;
}

/** Validates every note's frontmatter (an error names the file and line), by paper id. */
export function parseNotes(sources: readonly NoteSource[], themeIds: readonly string[]): Map<string, ParsedNote<NoteFrontmatter>> {
  const schema = createNoteSchema(themeIds);
  const notes = new Map<string, ParsedNote<NoteFrontmatter>>();
  const errors: InputError[] = [];
  for (const source of sources) {
    try {
      notes.set(source.id, parseNoteSource(source.text, schema, source.file));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      errors.push(error);
    }
  }
  // Every bad note at once: a theme renamed in survey.yaml leaves a pin in each note that named it, and one build per
  // note to find them would be a chore.
  const [first, ...others] = errors;
  if (first) {
    const also = others.map((error) => `${error.file}:${error.line}`);
    throw new InputError(
      first.file,
      first.line,
      also.length > 0 ? `${first.problem} (and ${plural(also.length, 'more note')}: ${also.join(', ')})` : first.problem,
      first.fix,
    );
  }
  return notes;
}
