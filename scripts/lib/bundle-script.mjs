/**
 * How the project's TypeScript runs on Node 20, which cannot run TypeScript itself: a script, or a worker thread's
 * module, and the project code it imports are bundled into an ES module with esbuild (about 0.1 s, and only when
 * that code has changed since the last bundle), and Node runs that. The packages it imports are not bundled: they
 * load from node_modules/ as they would from the source. What the code imports with `await import(…)` is split
 * into chunks of its own, loaded when that line runs, as from the source: the ingest that finds nothing changed
 * stops before it imports the readers and classifiers, and so before the packages they import load (0.2 s).
 *
 * Loading the TypeScript through a loader instead (`node --import tsx`) costs about 0.3 s to start the loader, and a
 * round trip to the loader's thread for every module imported. At 10,000 papers the ingest took 0.4–0.6 s longer that
 * way, and 0.6 s more CPU, which the build spends beside Astro on the same two cores.
 *
 * Plain JavaScript, as what runs before any TypeScript can be. Used by scripts/run.mjs (every `npm run` command) and
 * by the worker threads the scripts start.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, extname, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Where bundles are kept: each file named by esbuild from its content, so runs of the same code share one file. */
const bundles = new URL('../../node_modules/.cache/survey-scripts/', import.meta.url);
/** Bundles and chunks no run has used for this long are removed when one is written: no run still loads them. */
const STALE_AFTER_MS = 60 * 60 * 1000;

/** A bundle that could not be made: esbuild's messages, each with the file, line and column it is about. */
export class BundleError extends Error {}

/**
 * esbuild gives a bundle one `import.meta.url`, the bundle's own. Here each project file keeps its own file's URL,
 * so the paths a module works out from it (the project's root, a worker's file) are those it has when run from its
 * source.
 */
const ownImportMetaUrl = {
  name: 'own-import-meta-url',
  setup(bundler) {
    bundler.onLoad({ filter: /\.[cm]?[jt]s$/ }, (file) => {
      if (file.path.includes(`${sep}node_modules${sep}`)) return undefined;
      const source = readFileSync(file.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      return {
        contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(file.path).href)),
        loader: extname(file.path).endsWith('ts') ? 'ts' : 'js',
      };
    });
  },
};

/** What a bundle is made with besides its inputs: a change to any of these makes it anew. */
const BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  sourcesContent: false,
  write: false,
  splitting: true,
  outdir: 'bundle',
  entryNames: '[name]-[hash]',
  chunkNames: 'chunk-[hash]',
  outExtension: { '.js': '.mjs' },
  logLevel: 'silent',
  metafile: true,
};
const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The URL of a runnable bundle of `entry` (a path or file URL of a TypeScript module). Stack traces point into the
 * TypeScript files once source maps are on (`process.setSourceMapsEnabled(true)`). Throws a {@link BundleError} when
 * the code does not compile.
 *
 * The last bundle of an entry is used again while the files it was made from read the same, byte for byte (a digest
 * of them, kept beside it): checking the 50-odd files of the ingest takes a millisecond or two, where esbuild takes
 * 0.1 s and starts a process of its own.
 */
export async function bundleScript(entry) {
  const file = entry instanceof URL ? fileURLToPath(entry) : entry;
  const record = new URL(`${createHash('sha256').update(file).digest('hex').slice(0, 16)}.json`, bundles);
  const last = readRecord(record);
  if (last && last.outputs.every((name) => existsSync(new URL(name, bundles))) && last.inputs === inputsDigest(last.files)) {
    keepFresh(last.outputs);
    return new URL(last.bundle, bundles);
  }

  let bundled;
  try {
    // Loaded only when a bundle is made: most runs use the last one.
    const { build } = await import('esbuild');
    bundled = await build({ ...BUNDLE_OPTIONS, entryPoints: [file], absWorkingDir: projectRoot, plugins: [ownImportMetaUrl] });
  } catch (error) {
    const messages = (error.errors ?? [{ text: String(error) }]).map((message) => {
      const at = message.location ? `${message.location.file}:${message.location.line}:${message.location.column + 1}: ` : '';
      return `${at}${message.text}`;
    });
    throw new BundleError(messages.join('\n'));
  }
  // The entry and its chunks, each named by esbuild from its content and the names of the chunks it imports: a file
  // of a name already there is that file.
  const outputs = bundled.outputFiles.map((output) => ({ name: basename(output.path), contents: output.contents }));
  const name = basename(Object.entries(bundled.metafile.outputs).find(([, output]) => output.entryPoint !== undefined)[0]);
  mkdirSync(bundles, { recursive: true });
  let written = false;
  for (const output of outputs) {
    if (existsSync(new URL(output.name, bundles))) continue;
    writeWhole(new URL(output.name, bundles), output.contents);
    written = true;
  }
  keepFresh(outputs.map((output) => output.name));
  if (written) removeStaleBundles();
  const files = Object.keys(bundled.metafile.inputs).map((input) => resolve(projectRoot, input));
  writeWhole(record, JSON.stringify({ bundle: name, outputs: outputs.map((output) => output.name), files, inputs: inputsDigest(files) }));
  return new URL(name, bundles);
}

/**
 * Marks a bundle's files as just used: another run's clean-up removes files not used for an hour, and a chunk this run
 * imports later (when a line with `await import(…)` runs) must still be there then.
 */
function keepFresh(names) {
  const now = new Date();
  for (const name of names) {
    try {
      utimesSync(new URL(name, bundles), now, now);
    } catch {
      // Gone meanwhile: the run that removed it made it stale an hour ago; nothing this run can do but go on.
    }
  }
}

/** The module `entry` exports, run bundled (see {@link bundleScript}): how a worker thread loads its TypeScript. */
export async function importScript(entry) {
  return import((await bundleScript(entry)).href);
}

/** The digest of the options and of the files a bundle was made from; `undefined` when one of them is gone. */
function inputsDigest(files) {
  const hash = createHash('sha256').update(JSON.stringify(BUNDLE_OPTIONS));
  for (const file of files) {
    if (!existsSync(file)) return undefined;
    hash.update(`${file}\0`).update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function readRecord(record) {
  try {
    const { bundle, outputs, files, inputs } = JSON.parse(readFileSync(record, 'utf8'));
    return typeof bundle === 'string' && Array.isArray(outputs) && Array.isArray(files) && typeof inputs === 'string'
      ? { bundle, outputs, files, inputs }
      : undefined;
  } catch {
    return undefined;
  }
}

/** Written under a name of its own, then renamed: a run beside this one reads the whole file or none. */
function writeWhole(file, data) {
  const partial = new URL(`${basename(fileURLToPath(file))}.${process.pid}.${Math.random().toString(36).slice(2)}.partial`, bundles);
  writeFileSync(partial, data);
  renameSync(partial, file);
}

/**
 * Removes the bundles and chunks not used for an hour (each run marks those it uses: {@link keepFresh}), and the
 * records of bundles no longer whole: a record is worth nothing without its files (a script run from a folder since
 * deleted, as the tests' are, leaves one).
 */
function removeStaleBundles() {
  const names = readdirSync(bundles);
  for (const other of names.filter((name) => name.endsWith('.mjs'))) {
    const path = fileURLToPath(new URL(other, bundles));
    const modified = statSync(path, { throwIfNoEntry: false })?.mtimeMs;
    if (modified !== undefined && Date.now() - modified > STALE_AFTER_MS) rmSync(path, { force: true });
  }
  for (const name of names.filter((name) => name.endsWith('.json'))) {
    const record = new URL(name, bundles);
    const outputs = readRecord(record)?.outputs;
    if (outputs === undefined || !outputs.every((output) => existsSync(new URL(output, bundles)))) rmSync(record, { force: true });
  }
}
