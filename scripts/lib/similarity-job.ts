/** What the similarity worker (similarity-worker.mjs) does with the papers it is sent: its answer, ready to post. */
import { measureTextSimilarity } from '../../src/lib/text/similarity.ts';
import { packSimilarity } from './similarity-transfer.ts';

export function measureSimilarityToSend(papers: ReadonlyArray<{ title: string; abstract: string }>) {
  return packSimilarity(measureTextSimilarity(papers));
}
