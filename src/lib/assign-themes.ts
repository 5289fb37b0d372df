import type { Theme } from '../schemas/survey.ts';
import { compileTerm, findTerm } from './term-pattern.ts';

/** A keyword found in a title counts this many times a keyword found in an abstract. */
export const TITLE_WEIGHT = 3;
/** Repeats of one keyword in an abstract stop counting after this many, so one word cannot carry a theme. */
const MAX_ABSTRACT_HITS_PER_KEYWORD = 3;
/** The least score that places a paper in a theme; below it the paper is unsorted. */
export const MIN_THEME_SCORE = 3;
/** A secondary theme needs at least this share of the primary theme's score. */
export const SECONDARY_SHARE = 0.6;
/** At most this many themes per paper, primary included. */
export const MAX_THEMES = 3;

/** The text a paper is scored on. */
export interface ScoredText {
  title: string;
  abstract: string;
}

/** A theme's score for one paper, with the keywords that made it. */
export interface ThemeScore {
  themeId: string;
  score: number;
  matched: string[];
}

/** Compiled keyword matchers per theme; build once per ingest with {@link compileThemeMatchers}. */
export type ThemeMatchers = ReadonlyArray<{ themeId: string; keywords: ReadonlyArray<{ keyword: string; pattern: RegExp }> }>;

/** Compiles each theme's keywords (see {@link compileTerm}; plurals match, `*` matches any ending). */
export function compileThemeMatchers(themes: readonly Theme[]): ThemeMatchers {
  return themes.map((theme) => ({
    themeId: theme.id,
    keywords: theme.keywords.map((keyword) => ({ keyword, pattern: compileTerm(keyword, { plurals: true }) })),
  }));
}

/** Every theme's keyword score for a paper, highest first (ties in theme order). */
export function scoreThemes(paper: ScoredText, matchers: ThemeMatchers): ThemeScore[] {
  const scores = matchers.map(({ themeId, keywords }) => {
    let score = 0;
    const matched: string[] = [];
    for (const { keyword, pattern } of keywords) {
      const inTitle = findTerm(paper.title, pattern).length;
      const inAbstract = Math.min(findTerm(paper.abstract, pattern).length, MAX_ABSTRACT_HITS_PER_KEYWORD);
      if (inTitle + inAbstract === 0) continue;
      score += inTitle * TITLE_WEIGHT + inAbstract;
      matched.push(keyword);
    }
    return { themeId, score, matched };
  });
  return scores.map((s, order) => ({ s, order })).sort((a, b) => b.s.score - a.s.score || a.order - b.order).map(({ s }) => s);
}

/**
 * The themes a paper belongs to, primary first: the best-scoring theme if it reaches {@link MIN_THEME_SCORE},
 * plus up to two more that score at least {@link SECONDARY_SHARE} of it. Empty when no theme fits.
 */
export function chooseThemes(scores: readonly ThemeScore[]): string[] {
  const [best] = scores;
  if (!best || best.score < MIN_THEME_SCORE) return [];
  return scores
    .filter((s, index) => index === 0 || (s.score >= MIN_THEME_SCORE && s.score >= best.score * SECONDARY_SHARE))
    .slice(0, MAX_THEMES)
    .map((s) => s.themeId);
}
