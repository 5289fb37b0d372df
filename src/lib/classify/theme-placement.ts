import type { Theme } from '../../schemas/survey.ts';
import { chooseThemes, MAX_THEMES, MIN_THEME_SCORE, scoreThemes, type ThemeMatchers, type ThemeScore } from './theme-keywords.ts';
import { tokenize } from '../text/words.ts';
import { centroid, cosineDense, sharedTermsDense, toDense, type SparseVector, type VectorSpace } from '../text/tf-idf.ts';

/** A keyword placement is confident when the best theme leads the next by this factor. */
const CONFIDENT_LEAD = 1.5;
/** How much the theme's own description (title, scope, keywords) weighs in its centroid, in papers. */
const DESCRIPTION_WEIGHT = 2;
/** Keywords and content similarity, blended: keywords say what the curator meant, content covers what they missed. */
const KEYWORD_SHARE = 0.6;
/** Below this similarity to every theme, and with no keyword, a paper is unsorted. */
const MIN_SIMILARITY = 0.06;
/** Assignments less confident than this are listed by ingest for the curator. */
export const LOW_CONFIDENCE = 0.15;

/** A candidate theme for one paper: its blended score and the words that decided it. */
export interface ThemeCandidate {
  themeId: string;
  score: number;
  words: string[];
}

export interface ThemeAssignment {
  themes: string[];
  /** 0 (a toss-up between the top two) to 1 (no other candidate). */
  confidence: number;
  /** The two best candidates, for the curator. */
  candidates: ThemeCandidate[];
}

/**
 * Assigns themes to every paper of a listing, deterministically and offline. Keyword scores place papers the
 * curator's keywords clearly fit; those papers, with each theme's description, form theme centroids (TF-IDF); every
 * paper's primary theme is then the best blend of keyword score and similarity to the centroids — so a listing the
 * keywords were never written for still groups sensibly. Secondary themes come from the keywords.
 */
export function assignThemes(
  papers: ReadonlyArray<{ title: string; abstract: string; vector: SparseVector }>,
  themes: readonly Theme[],
  matchers: ThemeMatchers,
  space: VectorSpace,
  vectorizeText: (terms: string[]) => SparseVector,
  /** Keyword scores already computed for the papers, in order (they are computed here otherwise). */
  precomputed?: readonly ThemeScore[][],
): ThemeAssignment[] {
  const keywordScores = precomputed ?? papers.map((paper) => scoreThemes(paper, matchers));
  const confidentPrimary = keywordScores.map((scores) => {
    const [best, second] = scores;
    return best && best.score >= MIN_THEME_SCORE && best.score >= CONFIDENT_LEAD * (second?.score ?? 0) ? best.themeId : null;
  });
  const centroids = new Map(
    themes.map((theme) => {
      const description = vectorizeText(tokenize([theme.title, theme.scope, ...theme.keywords.map((k) => k.replace(/\*$/, ''))].join(' ')));
      const members = papers.filter((_, index) => confidentPrimary[index] === theme.id).map((paper) => ({ vector: paper.vector }));
      return [theme.id, toDense(centroid([{ vector: description, weight: DESCRIPTION_WEIGHT }, ...members]), space.terms.length)] as const;
    }),
  );

  return papers.map((paper, index) => {
    const scores = keywordScores[index]!;
    const byTheme = new Map<string, ThemeScore>(scores.map((score) => [score.themeId, score]));
    const topKeyword = scores[0]?.score ?? 0;
    const similarities = themes.map((theme) => cosineDense(paper.vector, centroids.get(theme.id)!));
    const topSimilarity = Math.max(...similarities, 0);
    const blended = themes
      .map((theme, order) => {
        const keyword = topKeyword >= MIN_THEME_SCORE ? (byTheme.get(theme.id)?.score ?? 0) / topKeyword : 0;
        const similarity = topSimilarity > 0 ? similarities[order]! / topSimilarity : 0;
        const share = topKeyword >= MIN_THEME_SCORE ? KEYWORD_SHARE : 0;
        return { theme, order, score: share * keyword + (1 - share) * similarity };
      })
      .sort((a, b) => b.score - a.score || a.order - b.order);
    const candidates = blended.slice(0, 2).map(({ theme, score }) => ({
      themeId: theme.id,
      score: Math.round(score * 1000) / 1000,
      words: [
        ...new Set([...(byTheme.get(theme.id)?.matched ?? []), ...sharedTermsDense(space, paper.vector, centroids.get(theme.id)!, 4)]),
      ].slice(0, 6),
    }));
    if (topKeyword < MIN_THEME_SCORE && topSimilarity < MIN_SIMILARITY) return { themes: [], confidence: 0, candidates };
    const primary = blended[0]!.theme.id;
    // Secondary themes are the keywords' choice (see chooseThemes), less the primary.
    const secondary = chooseThemes(scores).filter((themeId) => themeId !== primary);
    const [first, second] = blended;
    const confidence = first!.score > 0 ? Math.round(((first!.score - (second?.score ?? 0)) / first!.score) * 1000) / 1000 : 0;
    return { themes: [primary, ...secondary].slice(0, MAX_THEMES), confidence, candidates };
  });
}
