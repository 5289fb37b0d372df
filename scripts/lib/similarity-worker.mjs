/**
 * The worker thread `npm run ingest` starts to work out the papers' text similarity (src/lib/text/similarity.ts)
 * while its main thread matches keywords and facets: it is sent the papers' titles and abstracts, and posts back
 * the vectors and each paper's similar papers. Plain JavaScript, so that Node can start it as a worker; it loads
 * the TypeScript module through tsx, as the ingest script itself is loaded.
 */
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { measureTextSimilarity } = await import('../../src/lib/text/similarity.ts');
const { packSimilarity } = await import('./similarity-transfer.ts');

parentPort.once('message', (papers) => {
  parentPort.postMessage(...packSimilarity(measureTextSimilarity(papers)));
});
