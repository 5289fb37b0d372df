import { closest, distance } from 'fastest-levenshtein';
import type { InputWarning } from '../input/input-error.ts';

/** A note whose paper is in no listing: kept, reported, and listed for the curator. */
export interface OrphanNote {
  id: string;
  file: string;
  /** The current paper id close to the note's (a renamed id), if any. */
  closest: string | null;
  /** The paper's last known title, when the survey once had it (it left the listings). */
  departedTitle?: string;
}

/** The warning for an orphan note, the same from ingest and from the build. */
export function describeOrphan(orphan: OrphanNote): InputWarning {
  if (orphan.departedTitle !== undefined) {
    return {
      file: orphan.file,
      line: 1,
      message: `this note's paper "${orphan.departedTitle}" is no longer in any listing; the note is kept, listed on /notes/orphans/, and shows again when the paper returns`,
    };
  }
  return {
    file: orphan.file,
    line: 1,
    message: `this note's paper "${orphan.id}" is in no listing; the note is kept and listed on /notes/orphans/${orphan.closest ? ` — did you mean "${orphan.closest}"? (rename the file to ${orphan.closest}.mdx)` : ''}`,
  };
}

/**
 * Notes whose paper id is not among the current papers. A note of a paper that has left (`departed`, with its last
 * title) says so; another has the current id close to its own, if one is (a title corrected, so its id changed).
 */
export function findOrphans(
  notes: ReadonlyArray<{ id: string; file: string }>,
  paperIds: readonly string[],
  departed: ReadonlyMap<string, string> = new Map(),
): OrphanNote[] {
  const known = new Set(paperIds);
  return notes
    .filter((note) => !known.has(note.id))
    .map((note) => {
      const departedTitle = departed.get(note.id);
      if (departedTitle !== undefined) return { id: note.id, file: note.file, closest: null, departedTitle };
      const nearest = paperIds.length > 0 ? closest(note.id, [...paperIds]) : null;
      // Only a near id is worth suggesting: far ones are other papers.
      const near = nearest !== null && distance(note.id, nearest) <= Math.max(3, Math.round(note.id.length * 0.3));
      return { id: note.id, file: note.file, closest: near ? nearest : null };
    });
}

/** A theme intro (`themes/<id>.mdx`, collection id `themes/<id>`) whose theme `survey.yaml` no longer defines. */
export interface OrphanIntro {
  themeId: string;
  file: string;
}

/** The theme intros whose theme is not among `themeIds` (the survey intro, `intro`, is never one). */
export function findOrphanIntros(intros: ReadonlyArray<{ id: string; file: string }>, themeIds: ReadonlySet<string>): OrphanIntro[] {
  return intros.flatMap((intro) => {
    const themeId = intro.id.startsWith('themes/') ? intro.id.slice('themes/'.length) : null;
    return themeId !== null && !themeIds.has(themeId) ? [{ themeId, file: intro.file }] : [];
  });
}

/** The warning for a theme intro whose theme has gone, the same from ingest and from the build. */
export function describeOrphanIntro(intro: OrphanIntro): InputWarning {
  return {
    file: intro.file,
    line: 1,
    message: `this intro's theme "${intro.themeId}" is not defined in survey.yaml; the intro is kept and listed on /notes/orphans/ — define the theme again, or rename the file to a theme's id`,
  };
}
