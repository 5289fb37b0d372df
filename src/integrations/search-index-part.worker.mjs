/**
 * A thread of `npm run build` that writes parts of a survey's search index while the build's own Pagefind writes
 * others (src/integrations/search-index.ts). A message is one part's records and folder, answered once the part is
 * written; or it is records of the part this thread parses as they come (`add`), written when it is told
 * (`writeAdded`), answered the same way. A worker loads its own copy of Pagefind's Node API, and with it a Pagefind
 * process of its own. Plain JavaScript, so that Node can start it as a worker; it runs the TypeScript module as the
 * scripts run theirs (bundled: scripts/lib/bundle-script.mjs).
 */
import { parentPort } from 'node:worker_threads';
import { importScript } from '../../scripts/lib/bundle-script.mjs';

const { openLivePart, writeIndexPart } = await importScript(new URL('./search-index.ts', import.meta.url));

/** The part whose records come as they are made, parsed meanwhile. */
let live;

parentPort.on('message', async (message) => {
  if ('add' in message) {
    (live ??= openLivePart()).add(message.add);
    return;
  }
  try {
    if ('writeAdded' in message) {
      const part = live ?? openLivePart();
      live = undefined;
      await part.write(message.writeAdded.outputPath, message.writeAdded.reuseFrom);
    } else await writeIndexPart(message.records, message.outputPath, message.reuseFrom);
    parentPort.postMessage({ written: true });
  } catch (error) {
    parentPort.postMessage({ failed: error instanceof Error ? error.message : String(error) });
  }
});
