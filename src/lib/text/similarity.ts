import { findRelatedCandidates, type RelatedCandidates } from './related-papers.ts';
import { eachPaperTerms, vectorizeCorpus, type SparseVector, type VectorSpace } from './tf-idf.ts';

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
  const { space, vectors } = vectorizeCorpus(eachPaperTerms(papers));
  return { space, vectors, related: findRelatedCandidates(vectors) };
}
