import type { AstroIntegration } from 'astro';
import { everyMessageSent } from '../loaders/build-script-channel.ts';
import { runByBuildScript } from './records-to-build-script.ts';

/** How long a line Astro prints may wait before it goes to the build script, at most. */
const FLUSH_AFTER_MS = 100;
/** How much output is held at most before it goes, whatever the time. */
const FLUSH_AT_BYTES = 64 * 1024;

/**
 * Astro's output, under `npm run build`, goes to the build script in batches rather than line by line. Astro prints a
 * line for every page it writes, and Node writes each to a pipe at once and waits for it: for 10,000 papers that is
 * 10,000 writes, each waking the build script, which reads them to count the pages (scripts/build.ts). On two cores
 * busy with the pages and the search index those waits cost the pages 5–6 s of 27–40 s, measured in turns. Held for
 * up to 0.1 s (or 64 KB), the lines come as they did, a little later; what is held is written when Astro exits, however
 * it exits. Errors (stderr) are not held. A plain `astro build` prints as Astro does.
 */
export function batchedBuildOutput(): AstroIntegration {
  return {
    name: 'survey-build-output',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command === 'build' && runByBuildScript()) holdStdout(process.stdout);
      },
      // Astro exits as soon as its build is done: what it told the build script must be in the channel by then.
      'astro:build:done': () => everyMessageSent(),
    },
  };
}

/** Holds what is written to `stream` and writes it in batches (see {@link batchedBuildOutput}). Once per stream. */
export function holdStdout(stream: NodeJS.WriteStream, { flushAfterMs = FLUSH_AFTER_MS, flushAtBytes = FLUSH_AT_BYTES } = {}): void {
  const held = stream as NodeJS.WriteStream & { [HELD]?: true };
  if (held[HELD]) return;
  held[HELD] = true;
  const writeNow = stream.write.bind(stream) as (text: string) => boolean;
  let chunks: string[] = [];
  let bytes = 0;
  let callbacks: ((error?: Error | null) => void)[] = [];
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (chunks.length === 0) return;
    const text = chunks.join('');
    const waiting = callbacks;
    chunks = [];
    bytes = 0;
    callbacks = [];
    writeNow(text);
    for (const callback of waiting) callback();
  };
  stream.write = ((
    chunk: string | Uint8Array,
    encoding?: BufferEncoding | ((error?: Error | null) => void),
    callback?: (error?: Error | null) => void,
  ) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString(typeof encoding === 'string' ? encoding : 'utf8');
    chunks.push(text);
    bytes += Buffer.byteLength(text);
    const done = typeof encoding === 'function' ? encoding : callback;
    if (done) callbacks.push(done);
    if (bytes >= flushAtBytes) flush();
    // Unreferenced: a line waiting to be written does not keep Astro running; 'exit' writes it.
    else timer ??= setTimeout(flush, flushAfterMs).unref();
    return true;
  }) as typeof stream.write;
  process.on('exit', flush);
}

const HELD = Symbol('survey.stdout-held');
