/**
 * Loaded into the Astro that `npm run build` starts (`node --import`, scripts/build.ts): Astro's page files are
 * written synchronously. Astro writes each page with `await fs.promises.mkdir(folder, { recursive: true })` and
 * `await fs.promises.writeFile(file, html)`: two calls that each hand the work to a libuv thread and wake it. On two
 * cores busy with the pages and the search index, the woken thread takes the core from Astro's main thread until the
 * file is written. A profile of 10,000 papers put 3.9 s of the main thread's 16 s of rendering in those calls.
 * Written synchronously, the same files cost Astro a fraction of that: measured in turns at 10,000 papers, the pages
 * took 18.9–22.3 s against 27.4–31.7 s, and the build 6 s less CPU.
 *
 * Only calls for files inside the build's output folder (the environment's {@link PAGES_OUT}) are changed; anything
 * else Astro, Vite or an integration writes goes as it did. After each page file the main thread still gives the
 * event loop a turn (`setImmediate`), as the awaited write did: without it, rendering that never waits on I/O would
 * hold back what Astro sends meanwhile (the search records to the build script, its output lines).
 *
 * Plain JavaScript, as Node loads it before Astro.
 */
import fs from 'node:fs';
import { sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Set by the build script to the folder Astro writes the site to (its `--outDir`). */
export const PAGES_OUT = 'SURVEY_PAGES_OUT';

const out = process.env[PAGES_OUT];
if (out) {
  const outPath = out.endsWith(sep) ? out : `${out}${sep}`;
  const outUrl = pathToFileURL(outPath).href;
  const inside = (path) => (path instanceof URL ? path.href.startsWith(outUrl) : typeof path === 'string' && path.startsWith(outPath));
  const { mkdir, writeFile } = fs.promises;
  const eventLoopTurn = () => new Promise((resolve) => setImmediate(resolve));

  fs.promises.mkdir = function mkdirPageFolder(path, options) {
    if (!inside(path)) return mkdir.call(this, path, options);
    try {
      return Promise.resolve(fs.mkdirSync(path, options));
    } catch (error) {
      return Promise.reject(error);
    }
  };
  fs.promises.writeFile = function writePageFile(path, data, options) {
    if (!inside(path) || typeof data?.[Symbol.asyncIterator] === 'function') return writeFile.call(this, path, data, options);
    try {
      fs.writeFileSync(path, data, options);
    } catch (error) {
      return Promise.reject(error);
    }
    return eventLoopTurn();
  };
}
