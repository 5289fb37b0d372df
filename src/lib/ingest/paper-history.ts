import { paperHistorySchema, type PaperHistory } from '../../schemas/history.ts';
import { InputError } from '../input/input-error.ts';
import { parseYamlWith } from '../input/read-yaml.ts';

/** What ingest needs to know of a paper to keep its history. */
export interface HistoryPaper {
  id: string;
  title: string;
  upvotes: number | null;
  source: { captured: string };
}

/** What changed in the survey since the last ingest, for the curator's summary. */
export interface SurveyChanges {
  /** No history existed: every paper is new, dated by its listing's capture day. */
  firstIngest: boolean;
  /** Papers new to the survey (or back after being removed), with the day recorded as their added date. */
  added: { id: string; title: string; added: string; returned: boolean }[];
  /** Papers of the last ingest that no listing holds any more. */
  removed: { id: string }[];
  upvotes: { id: string; title: string; before: number | null; after: number | null }[];
}

export const HISTORY_NOTE =
  "Written by `npm run ingest`: the day each paper first appeared in the survey (its listing's capture day), its upvotes and title at the last ingest, and when it left. Commit it with the listings; do not edit it.";

/**
 * The survey's history after this ingest, and what changed since the last one. A paper keeps the `added` day it was
 * first given; a new one is dated by the capture day of its listing, so a fresh clone or a repeated ingest gives the
 * same dates. A paper no listing holds any more is kept, marked `removed`, so it keeps its date if it comes back.
 */
export function updateHistory(
  previous: PaperHistory | undefined,
  papers: readonly HistoryPaper[],
): { history: PaperHistory; changes: SurveyChanges } {
  const before = previous?.papers ?? {};
  const changes: SurveyChanges = { firstIngest: previous === undefined, added: [], removed: [], upvotes: [] };
  const next: PaperHistory['papers'] = {};
  const current = new Set<string>();
  for (const paper of papers) {
    current.add(paper.id);
    const known = before[paper.id];
    const added = known?.added ?? paper.source.captured;
    if (!known || known.removed !== null) changes.added.push({ id: paper.id, title: paper.title, added, returned: Boolean(known) });
    else if (known.upvotes !== paper.upvotes)
      changes.upvotes.push({ id: paper.id, title: paper.title, before: known.upvotes, after: paper.upvotes });
    next[paper.id] = { added, upvotes: paper.upvotes, removed: null, title: paper.title };
  }
  const surveyDay = papers.reduce((latest, paper) => (paper.source.captured > latest ? paper.source.captured : latest), '');
  for (const [id, entry] of Object.entries(before)) {
    if (current.has(id)) continue;
    if (entry.removed === null) changes.removed.push({ id });
    next[id] = { ...entry, removed: entry.removed ?? (surveyDay || entry.added) };
  }
  const sorted = Object.fromEntries(Object.entries(next).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { history: { $generated: HISTORY_NOTE, papers: sorted }, changes };
}

/** Reads `content/history.json`; a damaged file is an error that says how to recover, never silently reset. */
export function parseHistory(text: string, file: string): PaperHistory {
  // The file is JSON that ingest wrote: read it as JSON (ten thousand lines in milliseconds). Only a damaged one goes
  // through the YAML reader, a superset of JSON that knows the line of every value, to say where it is damaged.
  try {
    const valid = paperHistorySchema.safeParse(JSON.parse(text));
    if (valid.success) return valid.data;
  } catch {
    // not JSON: the reader below says where
  }
  try {
    return parseYamlWith(text, paperHistorySchema, file).data;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new InputError(
      error.file,
      error.line,
      `the survey's history is damaged: ${error.problem.replace('valid YAML', 'valid JSON')}`,
      `ingest writes this file: restore it from git (git checkout -- ${error.file}), or delete it to date every paper by its listing's capture day again`,
    );
  }
}

/** The file's text: one paper per line, sorted by id, so its diffs read as the survey's changes. */
export function serialiseHistory(history: PaperHistory): string {
  const lines = Object.entries(history.papers).map(([id, entry]) => `    ${JSON.stringify(id)}: ${JSON.stringify(entry)}`);
  return `{\n  "$generated": ${JSON.stringify(history.$generated ?? HISTORY_NOTE)},\n  "papers": {\n${lines.join(',\n')}${lines.length ? '\n' : ''}  }\n}\n`;
}
