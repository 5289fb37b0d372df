import type { Theme } from '../../schemas/survey.ts';
import { compileEachTermSet, type TermMatch, type TermSetCompiler } from '../text/term-matcher.ts';

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

/** Every theme's keywords compiled into one matcher; build once per ingest with {@link compileThemeMatchers}. */
export interface ThemeMatchers {
  themeIds: readonly string[];
  /** For each compiled keyword: its theme (index into `themeIds`) and its text. */
  keywords: ReadonlyArray<{ theme: number; keyword: string }>;
  find: (text: string) => TermMatch[];
}

/**
 * Compiles every theme's keywords (see `compileTermSet`; plurals match, `*` matches any ending), on their own or,
 * with `compile` from `shareTermSets`, read together with other term sets.
 */
export function compileThemeMatchers(themes: readonly Theme[], compile: TermSetCompiler = compileEachTermSet): ThemeMatchers {
  const keywords = themes.flatMap((theme, index) => theme.keywords.map((keyword) => ({ theme: index, keyword })));
  return {
    themeIds: themes.map((theme) => theme.id),
    keywords,
    find: compile({ terms: keywords.map((k) => k.keyword), plurals: true }),
  };
}

/** Every theme's keyword score for a paper, highest first (ties in theme order). */
export function scoreThemes(paper: ScoredText, matchers: ThemeMatchers): ThemeScore[] {
  const inTitle = new Map<number, number>();
  const inAbstract = new Map<number, number>();
  for (const match of matchers.find(paper.title)) inTitle.set(match.term, (inTitle.get(match.term) ?? 0) + 1);
  for (const match of matchers.find(paper.abstract)) inAbstract.set(match.term, (inAbstract.get(match.term) ?? 0) + 1);
  const scores = matchers.themeIds.map((themeId) => ({ themeId, score: 0, matched: [] as string[] }));
  // Only the keywords found, in the order they are listed (a theme's `matched` follows its keywords): a paper
  // matches a handful of the hundreds.
  const found = [...new Set([...inTitle.keys(), ...inAbstract.keys()])].sort((a, b) => a - b);
  for (const index of found) {
    const { theme, keyword } = matchers.keywords[index]!;
    const title = inTitle.get(index) ?? 0;
    const abstract = Math.min(inAbstract.get(index) ?? 0, MAX_ABSTRACT_HITS_PER_KEYWORD);
    scores[theme]!.score += title * TITLE_WEIGHT + abstract;
    scores[theme]!.matched.push(keyword);
  }
  return scores
    .map((s, order) => ({ s, order }))
    .sort((a, b) => b.s.score - a.s.score || a.order - b.order)
    .map(({ s }) => s);
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
