import { getCollection, type CollectionEntry } from 'astro:content';
import { resolveContentPaths } from '../lib/content-paths.ts';
import { loadSurveyConfig } from '../lib/load-survey-config.ts';
import { compareNewestFirst } from '../lib/paper-display.ts';
import type { Paper } from '../schemas/paper.ts';
import { UNSORTED_THEME_ID } from '../schemas/survey.ts';

export type ThemeEntry = CollectionEntry<'themes'>['data'];

/** Everything the pages need about the survey, computed once per build and shared by every page. */
export interface SurveyData {
  survey: ReturnType<typeof loadSurveyConfig>['data']['survey'];
  themes: ThemeEntry[];
  themesById: Map<string, ThemeEntry>;
  /** Every paper, newest first. */
  papers: Paper[];
  papersById: Map<string, Paper>;
  /** Papers per theme id (primary or secondary), newest first; `unsorted` holds papers with no theme. */
  papersByTheme: Map<string, Paper[]>;
  /** Papers per primary theme, newest first: the order of previous/next links. */
  papersByPrimaryTheme: Map<string, Paper[]>;
}

let cached: Promise<SurveyData> | undefined;

/**
 * The survey's data, loaded from the content collections once and memoised, so no page pays for
 * `getCollection()` or sorting again (the cost would grow with the survey on every page).
 */
export function getSurveyData(): Promise<SurveyData> {
  cached ??= loadSurveyData();
  return cached;
}

async function loadSurveyData(): Promise<SurveyData> {
  const [themeEntries, paperEntries] = await Promise.all([getCollection('themes'), getCollection('papers')]);
  const themes = themeEntries.map((entry) => entry.data).sort((a, b) => a.order - b.order);
  const papers = paperEntries.map((entry) => entry.data).sort(compareNewestFirst);
  const papersByTheme = new Map<string, Paper[]>([...themes.map((t) => [t.id, [] as Paper[]] as const), [UNSORTED_THEME_ID, []]]);
  const papersByPrimaryTheme = new Map<string, Paper[]>([...papersByTheme.keys()].map((id) => [id, [] as Paper[]]));
  for (const paper of papers) {
    const themeIds = paper.themes.length > 0 ? paper.themes : [UNSORTED_THEME_ID];
    for (const themeId of themeIds) papersByTheme.get(themeId)?.push(paper);
    papersByPrimaryTheme.get(themeIds[0]!)?.push(paper);
  }
  return {
    survey: loadSurveyConfig(resolveContentPaths()).data.survey,
    themes,
    themesById: new Map(themes.map((theme) => [theme.id, theme])),
    papers,
    papersById: new Map(papers.map((paper) => [paper.id, paper])),
    papersByTheme,
    papersByPrimaryTheme,
  };
}
