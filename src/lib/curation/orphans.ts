import { closest } from 'fastest-levenshtein';
import type { InputWarning } from '../input/input-error.ts';

/** A note whose paper is in no listing: kept, reported, and listed for the curator. */
export interface OrphanNote {
  id: string;
  file: string;
  /** The current paper id closest to the note's, if any. */
  closest: string | null;
}

/** The warning for an orphan note, the same from ingest and from the build. */
export function describeOrphan(orphan: OrphanNote): InputWarning {
  return {
    file: orphan.file,
    line: 1,
    message: `this note's paper "${orphan.id}" is in no listing; the note is kept and listed on /notes/orphans/${orphan.closest ? ` — did you mean "${orphan.closest}"? (rename the file to ${orphan.closest}.mdx)` : ''}`,
  };
}

/** Notes whose paper id is not among the current papers, each with the closest current id. */
export function findOrphans(notes: ReadonlyArray<{ id: string; file: string }>, paperIds: readonly string[]): OrphanNote[] {
  const known = new Set(paperIds);
  return notes
    .filter((note) => !known.has(note.id))
    .map((note) => ({ id: note.id, file: note.file, closest: paperIds.length > 0 ? closest(note.id, [...paperIds]) : null }));
}
