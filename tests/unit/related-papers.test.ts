import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { findRelatedPapers } from '../../src/lib/text/related-papers.ts';
import { cosine, normalise, topTerms, type SparseVector } from '../../src/lib/text/tf-idf.ts';

/**
 * The plain way to the same answer, for comparison: every paper sharing a strong term counted, all of them sorted
 * by how many they share (ties to the earlier paper), the first `maxCandidates` scored, and the scores sorted.
 */
function relatedByFullSort(
  vectors: SparseVector[],
  groups: string[],
  options: { strongTerms: number; maxCandidates: number; maxPosting: number },
) {
  const strongest = vectors.map((vector) => topTerms(vector, options.strongTerms));
  const postings = new Map<number, number[]>();
  strongest.forEach((terms, index) => terms.forEach((term) => postings.set(term, [...(postings.get(term) ?? []), index])));
  return vectors.map((vector, index) => {
    const shared = new Map<number, number>();
    for (const term of strongest[index]!) {
      const list = postings.get(term)!;
      if (list.length > options.maxPosting) continue;
      for (const other of list) if (other !== index) shared.set(other, (shared.get(other) ?? 0) + 1);
    }
    const candidates = [...shared].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, options.maxCandidates);
    return candidates
      .map(([other]) => ({ index: other, similarity: cosine(vectors[other]!, vector) }))
      .filter(({ similarity }) => similarity >= 0.08)
      .map(({ index: other, similarity }) => ({ index: other, score: similarity + (groups[index] === groups[other] ? 0.05 : 0) }))
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .slice(0, 5);
  });
}

// Unit vectors over a small vocabulary, so papers share many terms and counts tie often.
const vector = fc
  .uniqueArray(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 25 })
  .chain((terms) =>
    fc.tuple(
      fc.constant([...terms].sort((a, b) => a - b)),
      fc.array(fc.integer({ min: 1, max: 8 }), { minLength: terms.length, maxLength: terms.length }),
    ),
  )
  .map(([terms, weights]) => normalise({ terms, weights }));

describe('related papers', () => {
  test('are the best-scoring of the papers sharing the most strong terms, as a full sort would find them', () => {
    fc.assert(
      fc.property(
        fc.array(vector, { minLength: 2, maxLength: 260 }),
        fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 260, maxLength: 260 }),
        // Few candidates, so which papers tie for the last places decides the answer.
        fc.integer({ min: 1, max: 130 }),
        (vectors, allGroups, maxCandidates) => {
          const groups = allGroups.slice(0, vectors.length);
          // The other limits findRelatedPapers uses for a survey of this size (up to 2,000 papers).
          const options = {
            strongTerms: 20,
            maxCandidates,
            maxPosting: Math.max(60, Math.min(250, Math.ceil(Math.sqrt(vectors.length) * 2.5))),
          };
          const found = findRelatedPapers(vectors, { groups, candidates: maxCandidates });
          const expected = relatedByFullSort(vectors, groups, options);
          expect(found.map((list) => list.map((entry) => entry.index))).toEqual(expected.map((list) => list.map((entry) => entry.index)));
          found.forEach((list, i) => list.forEach((entry, k) => expect(entry.score).toBeCloseTo(expected[i]![k]!.score, 12)));
        },
      ),
      { numRuns: 40 },
    );
  });
});
