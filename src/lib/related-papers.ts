import { cosineDense, topTerms, type SparseVector } from './text-vectors.ts';

/** How many of a paper's strongest terms lead to candidates: more for a small survey, where it costs little. */
const candidateTerms = (papers: number) => (papers <= 2000 ? 20 : 12);
/** At most this many candidates (those sharing the most strong terms) are compared in full. */
const maxCandidates = (papers: number) => (papers <= 2000 ? 120 : 60);
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
  const maxPosting = Math.max(60, Math.min(250, Math.ceil(Math.sqrt(vectors.length) * 2.5)));
  const terms = candidateTerms(vectors.length);
  const strongest = vectors.map((vector) => topTerms(vector, terms));
  const postings = new Map<number, number[]>();
  strongest.forEach((terms, index) => {
    for (const term of terms) {
      const list = postings.get(term);
      if (list) list.push(index);
      else postings.set(term, [index]);
    }
  });
  const limitCandidates = maxCandidates(vectors.length);
  const shared = new Int32Array(vectors.length);
  // The current paper spread over the vocabulary, so each comparison costs only the candidate's length.
  const vocabulary = vectors.reduce((max, vector) => Math.max(max, vector.terms.at(-1) ?? 0), 0) + 1;
  const dense = new Float64Array(vocabulary);
  return vectors.map((vector, index) => {
    // Count, for each other paper, how many of this paper's strong terms it also has as strong terms.
    const touched: number[] = [];
    for (const term of strongest[index]!) {
      const list = postings.get(term)!;
      if (list.length > maxPosting) continue;
      for (const other of list) {
        if (other === index) continue;
        if (shared[other] === 0) touched.push(other);
        shared[other]! += 1;
      }
    }
    // The papers sharing the most strong terms, without sorting them all: bucket by count, highest first.
    const buckets: number[][] = Array.from({ length: terms + 1 }, () => []);
    for (const other of touched) buckets[shared[other]!]!.push(other);
    const candidates: number[] = [];
    for (let count = terms; count > 0 && candidates.length < limitCandidates; count -= 1) {
      for (const other of buckets[count]!.sort((a, b) => a - b)) {
        if (candidates.length === limitCandidates) break;
        candidates.push(other);
      }
    }
    for (const other of touched) shared[other] = 0;
    vector.terms.forEach((term, i) => (dense[term] = vector.weights[i]!));
    const scored = candidates.map((other) => ({ index: other, similarity: cosineDense(vectors[other]!, dense) }));
    for (const term of vector.terms) dense[term] = 0;
    return scored
      .filter((candidate) => candidate.similarity >= MIN_SIMILARITY)
      // Among similar papers, those in the same primary theme come a little earlier.
      .map(({ index: other, similarity }) => ({ index: other, score: similarity + (groups[index] !== undefined && groups[index] === groups[other] ? SAME_GROUP_BONUS : 0) }))
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .slice(0, limit);
  });
}
