/**
 * A thread of `npm run build` that makes the paper pages' search records from the generated files
 * (src/loaders/paper-search-records.ts) and sends them back. In a thread of its own, so that the files it reads and
 * the papers it parses go with the thread, instead of swelling the build script's heap for the rest of the build
 * (for 10,000 papers some 300 MB, held beside Pagefind's write, the build's peak), and so that the build script goes
 * on answering Astro meanwhile. Plain JavaScript, so that Node can start it as a worker; it loads the TypeScript
 * module through tsx.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { resolveContentPaths } = await import('../../src/loaders/content-paths.ts');
const { paperSearchRecordsFromFiles } = await import('../../src/loaders/paper-search-records.ts');

parentPort.postMessage(paperSearchRecordsFromFiles(resolveContentPaths(), workerData) ?? null);
