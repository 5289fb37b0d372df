import { Worker } from 'node:worker_threads';
import { measureTextSimilarity, type TextSimilarity } from '../../src/lib/text/similarity.ts';
import { unpackSimilarity, type PackedSimilarity } from './similarity-transfer.ts';

type Texts = ReadonlyArray<{ title: string; abstract: string }>;

/**
 * A worker thread (scripts/lib/similarity-worker.mjs) that works out the text similarity of the survey's papers
 * while the main thread matches their keywords and facets: for 10,000 papers, about a second that would otherwise
 * come after them. Start it early (it takes a moment to load), `send` it the papers as soon as they are parsed,
 * then wait for the `result` — which, should the worker fail, is worked out on the spot, so the worker never decides
 * whether ingest succeeds. `stop` ends the worker when ingest stops early.
 */
export function startTextSimilarity() {
  const worker = new Worker(new URL('./similarity-worker.mjs', import.meta.url));
  const answer = new Promise<TextSimilarity>((resolve, reject) => {
    worker.once('message', (packed: PackedSimilarity) => resolve(unpackSimilarity(packed)));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the similarity worker stopped (exit code ${code}) without an answer`)));
  });
  // Never left unhandled: `result` reads it, or ingest has stopped already.
  answer.catch(() => {});
  let sent: Texts | undefined;
  return {
    send(papers: Texts) {
      sent = papers;
      worker.postMessage(papers.map(({ title, abstract }) => ({ title, abstract })));
    },
    async result(): Promise<TextSimilarity> {
      if (!sent) throw new Error('send the papers first');
      try {
        const similarity = await answer;
        if (similarity.vectors.length === sent.length) return similarity;
        throw new Error(`the similarity worker read ${similarity.vectors.length} papers, not ${sent.length}`);
      } catch (error) {
        if (process.env.DEBUG) console.error(`ingest: working out the text similarity here instead: ${(error as Error).message}`);
        return measureTextSimilarity(sent);
      }
    },
    stop() {
      void worker.terminate();
    },
  };
}
