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
      message: `this note's paper "${orphan.departedTitle}" is no longer in any listing; the note is kept, listed on /notes/orphans/, and shows again when the paper returns${orphan.closest ? ` — or, if its title was corrected, did you mean "${orphan.closest}"? (rename the file to ${orphan.closest}.mdx)` : ''}`,
    };
  }
  return {
    file: orphan.file,
    line: 1,
    message: `this note's paper "${orphan.id}" is in no listing; the note is kept and listed on /notes/orphans/${orphan.closest ? ` — did you mean "${orphan.closest}"? (rename the file to ${orphan.closest}.mdx)` : ''}`,
  };
}

/**
 * Notes whose paper id is not among the current papers, each with the current id close to its own, if one is (a title
 * corrected, so its id changed). A note of a paper that has left (`departed`, with its last title) says so; the id
 * close to it is offered only among papers with no note of their own, as a title corrected gives a paper a new id and
 * leaves its note under the old one — the history knows every id a paper had, so such a note is always "departed".
 */
export function findOrphans(
  notes: ReadonlyArray<{ id: string; file: string }>,
  paperIds: readonly string[],
  departed: ReadonlyMap<string, string> = new Map(),
): OrphanNote[] {
  const known = new Set(paperIds);
  const annotated = new Set(notes.map((note) => note.id));
  const withoutNote = paperIds.filter((id) => !annotated.has(id));
  /** The id among `ids` nearest to `id`, when it is near: far ones are other papers. */
  const nearTo = (id: string, ids: readonly string[]) => {
    const nearest = ids.length > 0 ? closest(id, [...ids]) : null;
    return nearest !== null && distance(id, nearest) <= Math.max(3, Math.round(id.length * 0.3)) ? nearest : null;
  };
  return notes
    .filter((note) => !known.has(note.id))
    .map((note) => {
      const departedTitle = departed.get(note.id);
      if (departedTitle !== undefined) return { id: note.id, file: note.file, closest: nearTo(note.id, withoutNote), departedTitle };
      return { id: note.id, file: note.file, closest: nearTo(note.id, paperIds) };
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
