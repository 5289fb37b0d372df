/**
 * A thread of `npm run build` that writes parts of a large survey's search index while the build's own Pagefind
 * writes others (src/integrations/search-index.ts): each message is one part's records and folder, answered once the
 * part is written. A worker loads its own copy of Pagefind's Node API, and with it a Pagefind process of its own.
 * Plain JavaScript, so that Node can start it as a worker; it loads the TypeScript module through tsx.
 */
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { writeIndexPart } = await import('./search-index.ts');

parentPort.on('message', async ({ records, outputPath, reuseFrom }) => {
  try {
    await writeIndexPart(records, outputPath, reuseFrom);
    parentPort.postMessage({ written: true });
  } catch (error) {
    parentPort.postMessage({ failed: error instanceof Error ? error.message : String(error) });
  }
});
