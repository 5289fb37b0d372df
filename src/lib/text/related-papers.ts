import { cosineDense, largestPositions, topTerms, type SparseVector } from './tf-idf.ts';
import { withRoom } from './typed-arrays.ts';

/** How many of a paper's strongest terms lead to candidates: more for a small survey, where it costs little. */
const candidateTerms = (papers: number) => (papers <= 2000 ? 20 : 12);
/** At most this many candidates (those sharing the most strong terms) are compared in full. */
const maxCandidates = (papers: number) => (papers <= 2000 ? 120 : 60);
/** Added to the similarity of a candidate in the same group (primary theme). */
const SAME_GROUP_BONUS = 0.05;
/** Below this similarity a paper is not shown as related. */
const MIN_SIMILARITY = 0.08;

/**
 * Each paper's similar papers before ranking, the papers similar enough to it with their similarity, in three flat
 * typed arrays: paper `i`'s are `index[k]`, `similarity[k]` for `k` from `start[i]` to `start[i + 1]`. Not half a
 * million small objects at 10,000 papers: a worker thread hands these over without copying them, and the thread
 * that ranks them reads them as they are.
 */
export interface RelatedCandidates {
  start: Int32Array;
  index: Int32Array;
  similarity: Float64Array;
}

/**
 * Up to `limit` most similar papers for each paper (cosine over TF-IDF vectors), without comparing every pair:
 * an inverted index over each paper's strongest terms yields candidates, and terms shared by too many papers
 * (which say little) are skipped, so the work grows with the number of papers, not its square. Among similar
 * papers, those of the same `groups` value (the primary theme) rank a little higher. Ties go to the earlier paper,
 * so the result is the same on every run.
 */
export function findRelatedPapers(
  vectors: readonly SparseVector[],
  options: {
    limit?: number;
    groups?: readonly (string | undefined)[];
    /** How many candidates are compared in full; by default more for a small survey, where it costs little. */
    candidates?: number;
  } = {},
): Array<Array<{ index: number; score: number }>> {
  return rankRelatedPapers(findRelatedCandidates(vectors, options), options);
}

/**
 * The similar papers of each paper (see {@link findRelatedPapers}), unranked: the candidates sharing the most strong
 * terms, compared in full, those similar enough kept with their similarity.
 */
export function findRelatedCandidates(vectors: readonly SparseVector[], options: { candidates?: number } = {}): RelatedCandidates {
  const { candidates: limitCandidates = maxCandidates(vectors.length) } = options;
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
  const shared = new Int32Array(vectors.length);
  // Scratch space reused for every paper: a 10,000-paper survey would otherwise allocate it 10,000 times.
  const touched = new Int32Array(vectors.length);
  const candidates = new Int32Array(vectors.length);
  const tied = new Int32Array(vectors.length);
  const papersSharing = new Int32Array(terms + 1);
  // The current paper spread over the vocabulary, so each comparison costs only the candidate's length.
  const vocabulary = vectors.reduce((max, vector) => Math.max(max, vector.terms.at(-1) ?? 0), 0) + 1;
  const dense = new Float64Array(vocabulary);
  const start = new Int32Array(vectors.length + 1);
  const found = { index: new Int32Array(vectors.length * 8), similarity: new Float64Array(vectors.length * 8) };
  let count = 0;
  vectors.forEach((vector, index) => {
    // Count, for each other paper, how many of this paper's strong terms it also has as strong terms.
    let touchedCount = 0;
    for (const term of strongest[index]!) {
      const list = postings.get(term)!;
      if (list.length > maxPosting) continue;
      for (const other of list) {
        if (other === index) continue;
        if (shared[other] === 0) touched[touchedCount++] = other;
        shared[other]! += 1;
      }
    }
    // The papers sharing the most strong terms, ties to the earlier paper, without sorting them all: every paper
    // above the count where the limit falls, then the earliest of those at that count.
    papersSharing.fill(0);
    for (let i = 0; i < touchedCount; i += 1) papersSharing[shared[touched[i]!]!]! += 1;
    let cutoff = terms;
    let above = 0;
    while (cutoff > 1 && above + papersSharing[cutoff]! < limitCandidates) above += papersSharing[cutoff--]!;
    let candidateCount = 0;
    let tiedCount = 0;
    for (let i = 0; i < touchedCount; i += 1) {
      const other = touched[i]!;
      if (shared[other]! > cutoff) candidates[candidateCount++] = other;
      else if (shared[other] === cutoff) tied[tiedCount++] = other;
      shared[other] = 0;
    }
    const earliestTied = tiedCount > limitCandidates - candidateCount ? tied.subarray(0, tiedCount).sort() : tied;
    for (let i = 0; candidateCount < limitCandidates && i < tiedCount; i += 1) candidates[candidateCount++] = earliestTied[i]!;

    vector.terms.forEach((term, i) => (dense[term] = vector.weights[i]!));
    found.index = withRoom(found.index, count + candidateCount);
    found.similarity = withRoom(found.similarity, count + candidateCount);
    for (let i = 0; i < candidateCount; i += 1) {
      const other = candidates[i]!;
      const similarity = cosineDense(vectors[other]!, dense);
      if (similarity < MIN_SIMILARITY) continue;
      found.index[count] = other;
      found.similarity[count++] = similarity;
    }
    for (const term of vector.terms) dense[term] = 0;
    start[index + 1] = count;
  });
  return { start, index: found.index.slice(0, count), similarity: found.similarity.slice(0, count) };
}

/** Each paper's best `limit` candidates, best first: similarity, plus a little for the same group; ties to the earlier paper. */
export function rankRelatedPapers(
  found: RelatedCandidates,
  options: { limit?: number; groups?: readonly (string | undefined)[] } = {},
): Array<Array<{ index: number; score: number }>> {
  const { limit = 5, groups = [] } = options;
  return Array.from({ length: found.start.length - 1 }, (_, index) => {
    const from = found.start[index]!;
    const others = found.index.subarray(from, found.start[index + 1]!);
    // Among similar papers, those in the same primary theme come a little earlier.
    const scores: number[] = [];
    for (let k = 0; k < others.length; k += 1) {
      scores.push(
        found.similarity[from + k]! + (groups[index] !== undefined && groups[index] === groups[others[k]!] ? SAME_GROUP_BONUS : 0),
      );
    }
    return largestPositions(scores, others, limit).map((position) => ({ index: others[position]!, score: scores[position]! }));
  });
}
