import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { eachPaperTerms, paperTerms, vectorize, vectorizeCorpus, type VectorSpace } from '../../src/lib/text/tf-idf.ts';

/** The plain way to the same space: every document's distinct terms, ids in order of first use, then each vector. */
function vectorizeOneByOne(documents: string[][]) {
  const termIds = new Map<string, number>();
  const frequency: number[] = [];
  for (const document of documents) {
    for (const term of new Set(document)) {
      if (!termIds.has(term)) {
        termIds.set(term, termIds.size);
        frequency.push(0);
      }
      frequency[termIds.get(term)!]! += 1;
    }
  }
  const space: VectorSpace = {
    termIds,
    terms: [...termIds.keys()],
    idf: frequency.map((df) => Math.log((1 + documents.length) / (1 + df)) + 1),
  };
  return { space, vectors: documents.map((document) => vectorize(space, document)) };
}

describe('the vector space of a corpus', () => {
  test('is the one a document at a time would give, to the last bit of every weight', () => {
    // A small vocabulary, so that terms repeat within and across documents.
    const documents = fc.array(
      fc.array(fc.constantFrom('agent', 'plan', 'tool', 'memory', 'reward', 'web', 'code', 'x'), { maxLength: 30 }),
      {
        maxLength: 40,
      },
    );
    fc.assert(
      fc.property(documents, (corpus) => {
        expect(vectorizeCorpus(corpus)).toEqual(vectorizeOneByOne(corpus));
      }),
    );
  });

  test("of papers: each paper's terms, title first and twice, made as the papers are read", () => {
    const papers = [
      { title: 'Reflective agents', abstract: 'Agents that reflect on their plans.' },
      { title: 'Tool use', abstract: null },
    ];
    const terms = papers.map((paper) => paperTerms({ title: paper.title, abstract: paper.abstract ?? '' }));
    expect([...eachPaperTerms(papers)]).toEqual(terms);
    expect(terms[0]).toEqual(['reflective', 'agent', 'reflective', 'agent', 'agent', 'reflect', 'their', 'plan']);
    const { space, vectors } = vectorizeCorpus(eachPaperTerms(papers));
    expect(space.terms).toEqual(['reflective', 'agent', 'reflect', 'their', 'plan', 'tool']);
    expect(vectors[1]!.terms).toEqual([5]);
    expect(vectors[1]!.weights).toEqual([1]);
  });
});
