import { cosine, topTerms, type SparseVector } from './text-vectors.ts';

/** How many of a paper's strongest terms lead to candidates. */
const CANDIDATE_TERMS = 20;
/** Added to the similarity of a candidate in the same group (primary theme). */
const SAME_GROUP_BONUS = 0.05;
/** Below this similarity a paper is not shown as related. */
const MIN_SIMILARITY = 0.08;

/**
 * Up to `limit` most similar papers for each paper (cosine over TF-IDF vectors), without comparing every pair:
 * an inverted index over each paper's strongest terms yields candidates, and terms shared by too many papers
 * (which say little) are skipped, so the work grows with the number of papers, not its square. Among similar
 * papers, those of the same `groups` value (the primary theme) rank a little higher. Ties go to the earlier paper,
 * so the result is the same on every run.
 */
export function findRelatedPapers(
  vectors: readonly SparseVector[],
  options: { limit?: number; groups?: readonly (string | undefined)[] } = {},
): Array<Array<{ index: number; score: number }>> {
  const { limit = 5, groups = [] } = options;
  const maxPosting = Math.max(60, Math.ceil(Math.sqrt(vectors.length) * 4));
  const strongest = vectors.map((vector) => topTerms(vector, CANDIDATE_TERMS));
  const postings = new Map<number, number[]>();
  strongest.forEach((terms, index) => {
    for (const term of terms) {
      const list = postings.get(term);
      if (list) list.push(index);
      else postings.set(term, [index]);
    }
  });
  return vectors.map((vector, index) => {
    const candidates = new Set<number>();
    for (const term of strongest[index]!) {
      const list = postings.get(term)!;
      if (list.length > maxPosting) continue;
      for (const other of list) if (other !== index) candidates.add(other);
    }
    return [...candidates]
      .map((other) => ({ index: other, similarity: cosine(vector, vectors[other]!) }))
      .filter((candidate) => candidate.similarity >= MIN_SIMILARITY)
      // Among similar papers, those in the same primary theme come a little earlier.
      .map(({ index: other, similarity }) => ({ index: other, score: similarity + (groups[index] !== undefined && groups[index] === groups[other] ? SAME_GROUP_BONUS : 0) }))
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .slice(0, limit);
  });
}
