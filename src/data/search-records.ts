import { inUrlOrder, paperSearchRecord, themeSearchRecord, type SearchRecord } from '../lib/search/search-records.ts';
import { themeTitle } from '../lib/classify/paper-themes.ts';
import { UNSORTED_HELP_HTML } from '../lib/site/unsorted-help.ts';
import { UNSORTED_THEME_ID } from '../schemas/survey.ts';
import { sitePaths } from '../lib/site/site-url.ts';
import { getSurveyData, type IntroEntry, type NoteEntry } from './survey-data.ts';

/** How many records are handed over at a time: the index starts on the first ones while the rest are made. */
const BATCH = 500;

/** How many records `surveySearchRecords` makes: one per paper page and one per theme page. */
export async function surveySearchRecordCount(): Promise<number> {
  const { papers, themeTables } = await getSurveyData();
  return papers.length + themeTables.length;
}

/**
 * The search index's records for this build, in batches: every paper page and every theme page, made from the
 * survey's data (src/lib/search/search-records.ts). Notes and theme intros come from `renderCurated`, which renders
 * them as the pages do (src/middleware.ts passes the pages' own component), so their text, links and headings are
 * the pages' own.
 */
export async function* surveySearchRecords(
  renderCurated: (entry: NoteEntry | IntroEntry) => Promise<string>,
): AsyncGenerator<SearchRecord[]> {
  const { papers, notesById, themesById, themeTables, introsById } = await getSurveyData();
  const titleOf = (id: string) => themeTitle(id, themesById);

  const papersInOrder = inUrlOrder(papers.map((paper) => ({ url: sitePaths.paper(paper.id), paper })));
  for (let start = 0; start < papersInOrder.length; start += BATCH) {
    const batch: SearchRecord[] = [];
    for (const { paper } of papersInOrder.slice(start, start + BATCH)) {
      const note = paper.annotated ? notesById.get(paper.id) : undefined;
      batch.push(paperSearchRecord(paper, { themeTitle: titleOf, noteHtml: note && (await renderCurated(note)) }));
    }
    yield batch;
  }
  const themes: SearchRecord[] = [];
  for (const table of themeTables) {
    const intro = introsById.get(`themes/${table.id}`);
    themes.push(
      themeSearchRecord({
        ...table,
        introHtml: intro && (await renderCurated(intro)),
        unsortedHelp: table.id === UNSORTED_THEME_ID ? UNSORTED_HELP_HTML : undefined,
      }),
    );
  }
  yield inUrlOrder(themes);
}
