/**
 * The worker thread `npm run ingest` starts to work out the papers' text similarity (src/lib/text/similarity.ts)
 * while its main thread matches keywords and facets: it is sent the papers' titles and abstracts, and posts back
 * the vectors and each paper's similar papers. Plain JavaScript, so that Node can start it as a worker; it runs the
 * TypeScript as the scripts run (bundled: scripts/lib/bundle-script.mjs).
 */
import { parentPort } from 'node:worker_threads';
import { importScript } from './bundle-script.mjs';

const { measureSimilarityToSend } = await importScript(new URL('./similarity-job.ts', import.meta.url));

parentPort.once('message', (papers) => {
  parentPort.postMessage(...measureSimilarityToSend(papers));
});
