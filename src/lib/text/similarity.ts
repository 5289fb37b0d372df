import { findRelatedCandidates, type RelatedCandidates } from './related-papers.ts';
import { buildVectorSpace, paperTerms, vectorize, type SparseVector, type VectorSpace } from './tf-idf.ts';

/** How alike papers are by their words: the TF-IDF space and vectors, and each paper's similar papers, unranked. */
export interface TextSimilarity {
  space: VectorSpace;
  /** One per paper, in the papers' order. */
  vectors: SparseVector[];
  related: RelatedCandidates;
}

/**
 * Works out {@link TextSimilarity} from the papers' titles and abstracts alone — no themes, notes or vocabularies —
 * which is why `npm run ingest` can have it done by a worker thread while its main thread matches keywords and
 * facets (see scripts/lib/similarity-worker.ts).
 */
export function measureTextSimilarity(papers: ReadonlyArray<{ title: string; abstract: string }>): TextSimilarity {
  const terms = papers.map(paperTerms);
  const space = buildVectorSpace(terms);
  const vectors = terms.map((list) => vectorize(space, list));
  return { space, vectors, related: findRelatedCandidates(vectors) };
}
