import { join } from 'node:path';
import { themeTitle } from '../lib/classify/paper-themes.ts';
import { applyNote } from '../lib/curation/notes.ts';
import { parseNotes } from '../lib/ingest/curated-review.ts';
import { PAPERS_FOLDER } from '../lib/ingest/plan-entries.ts';
import { inUrlOrder, paperSearchRecord, type SearchRecord } from '../lib/search/search-records.ts';
import type { ContentPaths } from './content-paths.ts';
import { readGeneratedPapers, type GeneratedPapersOptions } from './generated-papers.ts';
import { loadSurveyConfig, readNotes } from './survey-files.ts';

/**
 * The search records of the survey's paper pages, made from the files as the ingest left them rather than from
 * Astro's data, for `npm run build` to index ahead of Astro's records (src/lib/search/records-ahead.ts): the same
 * papers (hidden ones left out), with the notes' fields applied, in the same order, made by the same function as
 * src/data/search-records.ts makes them. A paper with a note's text gets its record without it: only Astro renders
 * MDX, and its record takes this one's place.
 *
 * The papers are not validated again when they are as the ingest wrote them (`writtenByIngest`:
 * src/loaders/generated-papers.ts). Undefined when the files do not read as the site would read them (a note's frontmatter that
 * does not fit, a generated file edited by hand): Astro reports those, and its records alone make the index.
 */
export function paperSearchRecordsFromFiles(paths: ContentPaths, options: GeneratedPapersOptions): SearchRecord[] | undefined {
  try {
    const { themes } = loadSurveyConfig(paths).data;
    const themeIds = themes.map((theme) => theme.id);
    const themesById = new Map(themes.map((theme) => [theme.id, theme]));
    const notes = parseNotes(readNotes(paths.notes), themeIds);
    const titleOf = (id: string) => themeTitle(id, themesById);
    const records: SearchRecord[] = [];
    for (const paper of readGeneratedPapers(join(paths.generated, PAPERS_FOLDER), themeIds, options)) {
      const curated = applyNote(paper, notes.get(paper.id));
      if (!curated.hidden) records.push(paperSearchRecord(curated, { themeTitle: titleOf }));
    }
    return inUrlOrder(records);
  } catch {
    return undefined;
  }
}
