/**
 * `npm run build`: ingest, with `astro build` started alongside (it waits for the generated entries before it reads
 * them: src/loaders/ingest-gate.ts), into a staging folder beside `dist/`, swapped in only when the whole
 * build (pages and search index, which is made while the pages are rendered: src/integrations/pagefind.ts)
 * succeeded. A failed build — broken MDX, a bad frontmatter field, a `<PaperLink>` to an unknown paper — leaves the
 * previous `dist/` exactly as it was: nothing is half-written.
 *
 * Options: `--out <dir>` (default `dist`); other arguments go to `astro build`.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { copyFileSync, cpSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { totalmem } from 'node:os';
import { resolveContentPaths } from '../src/loaders/content-paths.ts';
import type { IngestRecord } from '../src/lib/ingest/ingest-record.ts';
import { readIngestRecord } from '../src/loaders/generated-papers.ts';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { recoverInterruptedSwap, stagingFor, swapInDirectory } from './lib/swap-directory.ts';
import { configuredIndexPartPages } from '../src/data/search-index-parts.ts';
import { PART_WRITTEN_BESIDE_PAGES } from '../src/lib/search/index-parts.ts';
import { writeSlots, type WriteSlots } from '../src/lib/search/write-slots.ts';
import { INGEST_RUNNING, isAwaitIngestMessage, type IngestDoneMessage } from '../src/loaders/ingest-gate.ts';
import { isReusedPagesMessage, REUSE_DIGESTS, REUSE_SITE, SITE_CODE_DIGEST, siteFile } from '../src/loaders/page-reuse.ts';
import { siteCodeDigest } from './lib/code-digest.ts';
import { writeFileAtomically } from './lib/read-content.ts';
import { keepSearchRecords, readLastSearchRecords, type RecordsMadeWith } from './lib/last-search-records.ts';
import { PAGES_OUT } from './lib/sync-page-writes.mjs';
import { BundleError, bundleScript } from './lib/bundle-script.mjs';
import { openSearchIndex, type IndexWriteOptions, type IndexWritten, type SearchIndexWriter } from '../src/integrations/search-index.ts';
import { isSearchRecordsMessage, RECORDS_TO_PARENT, receiveRecords } from '../src/integrations/records-to-build-script.ts';

const { values: options, positionals } = parseArgs({
  options: { out: { type: 'string', default: 'dist' } },
  allowPositionals: true,
  strict: false,
});
const out = resolve(String(options.out));
const staging = stagingFor(out);
/**
 * Where Astro writes. Astro puts a site whose folder is outside the project through its `.astro/` cache folder and
 * then copies that whole folder — settings, data store, content modules — into the site. A site bound for a folder
 * outside the project is therefore built in the project's cache and moved into place after.
 */
const insideProject = (path: string) => {
  const fromCwd = relative(process.cwd(), path);
  return fromCwd !== '' && !fromCwd.startsWith('..') && !isAbsolute(fromCwd);
};
const astroOut = insideProject(out) ? staging : resolve('node_modules/.cache/survey-build', String(process.pid));
/**
 * Where the search index is written: beside Astro's folder, not in it, and moved into it once both are done. At its end
 * Astro removes every empty folder in its own, and an index written beside the pages may have just made one (Pagefind
 * makes `fragment/` before it writes a file there): gone, Pagefind retries that file for ever and the build hangs.
 */
const indexOut = `${astroOut}.search-index`;
/** Where Astro leaves the search records for this script, a batch at a time (src/integrations/records-to-build-script.ts). */
const recordsFolder = `${astroOut}.search-records`;
const node = process.execPath;
/** How `npm run ingest` runs the ingest script (scripts/run.mjs), and so how the build does. */
const runScript = fileURLToPath(new URL('./run.mjs', import.meta.url));
/**
 * Loaded into Astro before it starts: its page files written synchronously, from the bytes it rendered (each file
 * says why).
 */
const syncPageWrites = new URL('./lib/sync-page-writes.mjs', import.meta.url).href;
const directPageBodies = new URL('./lib/direct-page-bodies.mjs', import.meta.url).href;
const astro = fileURLToPath(new URL('../node_modules/astro/astro.js', import.meta.url));
const astroConfig = fileURLToPath(new URL('../astro.config.mjs', import.meta.url));
const ingest = fileURLToPath(new URL('./ingest.ts', import.meta.url));
/** How the cache names what it keeps of the site in `out`: its path, hashed. */
const siteKey = createHash('sha256').update(out).digest('hex').slice(0, 16);
/**
 * What the site in `out` was made from, for a build to take what it would make the same: the digest of every page and
 * file a build may take from the last one (src/loaders/page-reuse.ts), and of each search index part's records. Kept
 * in the cache beside the other builds' and written only once that site is in place.
 */
const pageDigestsFile = resolve('node_modules/.cache/survey-build', `reused-pages-${siteKey}.json`);
/** The search records of the index's first part in the last build of `out` (scripts/lib/last-search-records.ts). */
const lastRecordsFile = resolve('node_modules/.cache/survey-build', `search-records-${siteKey}.json`);
/** The site this build replaces, when there is one: it lends its unchanged pages and search index files. */
const replacedSite = (): string | undefined => (existsSync(out) ? out : undefined);
/** Pagefind's version: an index part is taken from the last build only when the same Pagefind made it. */
const pagefindVersion = String(
  (JSON.parse(readFileSync(new URL('../node_modules/pagefind/package.json', import.meta.url), 'utf8')) as { version?: unknown }).version,
);
/** The site's code, as Astro is told it and the search records are kept with. */
const siteCode = siteCodeDigest();
/** What this build's search records are made with: the next build parses ahead from them when it is the same. */
const recordsMadeWith: RecordsMadeWith = { site: out, pagefind: pagefindVersion, code: siteCode };
/**
 * The digests of the records each search index part of the site in `out` was made from (src/integrations/search-index.ts),
 * when the same Pagefind made them: a part whose records are the same is taken from that site whole.
 */
function lastIndexParts(): Record<string, string> | undefined {
  if (!existsSync(pageDigestsFile) || !existsSync(out)) return undefined;
  try {
    const { site, searchIndex } = JSON.parse(readFileSync(pageDigestsFile, 'utf8')) as {
      site?: unknown;
      searchIndex?: { pagefind?: unknown; parts?: Record<string, string> };
    };
    return site === out && searchIndex?.pagefind === pagefindVersion ? searchIndex.parts : undefined;
  } catch {
    return undefined;
  }
}
/**
 * The next build may take the pages of the site it replaces: not for a public origin (SURVEY_SITE), whose sitemap
 * lists only the pages Astro rendered.
 */
const reuseEnvironment = (): Record<string, string> =>
  !process.env.SURVEY_SITE && existsSync(pageDigestsFile) && existsSync(out) ? { [REUSE_DIGESTS]: pageDigestsFile, [REUSE_SITE]: out } : {};

/** One line per page Astro writes: `12:00:01   ├─ /papers/x/index.html (+2ms)`. */
const ANSI_COLOUR = /\x1b\[[0-9;]*m/g;
const PAGE_LINE = /^(?:\S+\s+)?[├└]─ \S+ \(\+[\d.]+m?s\)\s*$/;

/** Moves a finished tree to `to`, across file systems if need be. */
function moveTree(from: string, to: string): void {
  if (from === to) return;
  rmSync(to, { recursive: true, force: true });
  mkdirSync(dirname(to), { recursive: true });
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

/**
 * The pages and files Astro left out, as the last build wrote them (src/data/reused-pages.ts), linked into the new
 * site from the site it replaces: a link, not a copy, on the same disk (the old site is removed after the swap).
 * Linked after Astro has exited (at its end Astro walks its output folder, and 10,000 more folders in it cost that
 * walk 0.3 s), while Pagefind builds the index.
 */
function takeUnchangedPages(files: readonly string[], from: string, to: string): void {
  for (const file of files) {
    const target = siteFile(to, file);
    mkdirSync(dirname(target), { recursive: true });
    try {
      linkSync(siteFile(from, file), target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new Error(`build: ${file} in ${from} went while this build ran; build again to make it anew`);
      }
      copyFileSync(siteFile(from, file), target);
    }
  }
}

/** What Astro said of the pages a build may take from the last one (src/loaders/page-reuse.ts), all routes together. */
interface ReusedPages {
  /** Every such page's and file's digest, by its path in the site. */
  digests: Record<string, string>;
  /** The files Astro left out, to take from the last build. */
  reused: string[];
  /** How many of those are paper pages, for the summary. */
  paperPages: number;
}

/** The ingest (scripts/ingest.ts), its output straight to the terminal: resolves with its exit code. */
function runIngest(): Promise<number> {
  return new Promise((resolvePromise) => {
    const child = spawn(node, [runScript, ingest], { stdio: 'inherit' });
    child.on('error', () => resolvePromise(1));
    child.on('close', (code) => resolvePromise(code ?? 1));
  });
}

/**
 * Runs `astro build` beside the ingest, with its line per page replaced by a count: ten thousand lines say nothing a
 * count does not. On a terminal the count is one live line (pages so far, time so far); in CI logs and pipes one
 * summary line says how many pages were written and how long it took. Astro's other lines pass through as they are.
 * The search records Astro hands over (src/integrations/pagefind.ts) go to `searchIndex` as they come.
 *
 * The records are made from the survey's data at the first page, so they are all in long before the last page is
 * rendered. Once they are, the index is laid out in parts (src/lib/search/index-parts.ts: one index up to 5,000
 * pages, two halves up to 20,000, parts of 10,000 beyond), and a part of up to PART_WRITTEN_BESIDE_PAGES is written
 * at once, beside the rest of the pages, one part at a time: Pagefind's write needs about 155 KB a page, and two
 * halves of a 10,000-paper survey written at once beside Astro would take the build past 2 GB where one at a time
 * keeps it near 1.7 GB. Pagefind runs at a lower priority than Astro (src/integrations/search-index.ts), so on two
 * cores it takes the core Astro leaves idle and hardly slows the pages. Once Astro has exited, the parts still to
 * write are written as many at once as there are lanes; larger parts (only a build told another part size makes
 * them) are all written then.
 *
 * Astro starts while the ingest runs and waits for it before it reads the generated entries (src/loaders/ingest-gate.ts).
 * Its output is held until the ingest has succeeded, so the curator reads the ingest's report first, whole; when the
 * ingest fails, Astro is stopped and what it said is dropped: the ingest's error is the one that matters. The news
 * that the ingest is done carries the digest it recorded of the files it wrote (`ingestRecord`).
 */
function runAstroBuild(
  args: string[],
  ingestRun: Promise<number>,
  ingestRecord: Promise<IngestRecord | undefined>,
  searchIndex: SearchIndexWriter,
  indexOptions: IndexWriteOptions,
): Promise<{ code: number; ingestCode: number; recordsDone: boolean; indexWrite?: Promise<IndexWritten>; reusedPages?: ReusedPages }> {
  const live = Boolean(process.stdout.isTTY) && !process.env.CI;
  /** The index's parts written while Astro renders: one at a time (PART_WRITTEN_BESIDE_PAGES), all lanes after. */
  const besideAstro: WriteSlots = writeSlots(1);
  return new Promise((resolvePromise) => {
    const child = spawn(node, args, {
      stdio: ['inherit', 'pipe', 'pipe', 'ipc'],
      env: {
        ...process.env,
        [RECORDS_TO_PARENT]: recordsFolder,
        [INGEST_RUNNING]: '1',
        [SITE_CODE_DIGEST]: siteCode,
        [PAGES_OUT]: astroOut,
        ...reuseEnvironment(),
      },
    });
    let pages = 0;
    let firstPageAt = 0;
    let shownAt = 0;
    let recordsDone = false;
    let indexWrite: Promise<IndexWritten> | undefined;
    let reusedPages: ReusedPages | undefined;
    /** Astro's output while the ingest runs; `undefined` once it is passed through as it comes. */
    let held: (() => void)[] | undefined = [];
    const emit = (write: () => void) => (held ? held.push(write) : write());
    let ingestCode: number | undefined;
    void ingestRun.then((code) => {
      ingestCode = code;
      if (code !== 0) {
        held = [];
        child.kill('SIGTERM');
        return;
      }
      for (const write of held ?? []) write();
      held = undefined;
    });
    const elapsed = () => `${((performance.now() - firstPageAt) / 1000).toFixed(1)} s`;
    child.on('message', (message) => {
      if (isAwaitIngestMessage(message)) {
        void Promise.all([ingestRun, ingestRecord]).then(
          ([code, record]) =>
            code === 0 && child.connected && child.send({ type: 'survey-ingest-done', files: record?.files } satisfies IngestDoneMessage),
        );
        return;
      }
      if (isReusedPagesMessage(message)) {
        reusedPages ??= { digests: {}, reused: [], paperPages: 0 };
        Object.assign(reusedPages.digests, message.digests);
        // One by one: a spread of 100,000 paths would be as many arguments to one call.
        for (const file of message.reused) reusedPages.reused.push(file);
        if (message.kind === 'paper') reusedPages.paperPages += message.reused.length;
        return;
      }
      if (!isSearchRecordsMessage(message)) return;
      searchIndex.add(receiveRecords(recordsFolder, message));
      if (!message.done) return;
      recordsDone = true;
      // Laid out in parts now, so the parts written with the first are parsed while Astro renders.
      const { largestPart } = searchIndex.allAdded();
      // Kept while Astro renders, off the build's path; those of a build that then fails are as good (the next checks them).
      keepSearchRecords(lastRecordsFile, recordsMadeWith, searchIndex.firstPartRecords()).catch(
        (error: unknown) => process.env.DEBUG && console.error(`search: the records not kept for the next build: ${String(error)}`),
      );
      if (largestPart <= PART_WRITTEN_BESIDE_PAGES) {
        // One part at a time while Astro renders, then as many at once as there are lanes (`slots` widened at its exit).
        indexWrite = searchIndex.write(indexOut, { ...indexOptions, slots: besideAstro });
        // Awaited once Astro has exited, where a failure is reported; not an unhandled rejection meanwhile.
        indexWrite.catch(() => undefined);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => emit(() => process.stderr.write(chunk)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (PAGE_LINE.test(line.replace(ANSI_COLOUR, ''))) {
        if (pages === 0) firstPageAt = performance.now();
        pages += 1;
        if (live && performance.now() - shownAt > 100) {
          shownAt = performance.now();
          process.stdout.write(`\r\x1b[Kbuild: ${pages.toLocaleString('en')} pages written (${elapsed()})`);
        }
        return;
      }
      emit(() => {
        if (live && pages > 0) process.stdout.write('\r\x1b[K');
        console.log(line);
      });
    });
    child.on('close', async (code) => {
      besideAstro.widen(Number.POSITIVE_INFINITY);
      // Astro may have stopped on its own before the ingest did (a broken config): the ingest decides what is shown.
      const ingestResult = ingestCode ?? (await ingestRun);
      if (ingestResult !== 0) return resolvePromise({ code: code ?? 1, ingestCode: ingestResult, recordsDone: false, indexWrite });
      if (live) process.stdout.write('\r\x1b[K');
      const reused = reusedPages?.reused.length ?? 0;
      const paperPages = reusedPages?.paperPages ?? 0;
      const taken =
        reused > 0
          ? `; as the last build wrote them: ${paperPages.toLocaleString('en')} paper pages, ${(reused - paperPages).toLocaleString('en')} other pages and files`
          : '';
      if (pages > 0 || reused > 0) console.log(`build: ${pages.toLocaleString('en')} pages and files written in ${elapsed()}${taken}`);
      resolvePromise({ code: code ?? 1, ingestCode: ingestResult, recordsDone, indexWrite, reusedPages });
    });
  });
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * The heap Astro may grow to, by the survey's size. With 20 GB free, V8 lets garbage pile up to its default 4 GB
 * before it collects much: for 10,000 papers Astro's live data is under 0.5 GB but it held 1.9 GB, and the build
 * (Pagefind reading records alongside) peaked at 2.3 GB. Capped at 1.5 GB, it peaks at 1.7 GB and takes no longer.
 * Large surveys get more, past V8's default where they need it (100,000 papers hold about 3.5 GB live, and within
 * V8's 4 GB Astro spent its time collecting and ran out on a rebuild), up to half the machine's memory.
 *
 * Astro starts before the ingest has counted the papers, so the count is the larger of the last ingest's
 * (history.json) and an estimate from the listings' size: a pasted or exported record with its abstract is about
 * 1.5 KB, and a listing without abstracts only overestimates, which costs nothing below 10,000 papers' worth.
 */
function astroHeapMb(paths = resolveContentPaths()): number {
  const recorded = existsSync(paths.history)
    ? Object.keys((JSON.parse(readFileSync(paths.history, 'utf8')) as { papers?: object }).papers ?? {}).length
    : 0;
  const listingBytes = existsSync(paths.listings)
    ? readdirSync(paths.listings).reduce((total, name) => total + statSync(join(paths.listings, name)).size, 0)
    : 0;
  const papers = Math.max(recorded, listingBytes / 1500);
  return Math.round(Math.min(totalmem() / 2 / 1024 / 1024, Math.max(1536, 1024 + papers * 0.05)));
}

/**
 * Astro's young generation, in MB per semi-space: twice V8's default of 16. Rendering makes a great deal of garbage
 * that dies young, and a page's data lives across a few awaits, so at 16 MB each scavenge copies much that was about
 * to die: a cold 10,000-paper build paused Astro's main thread 3.8 s in 380 scavenges (two builds), at 32 MB 2.8–3.1 s
 * in 198. At 64 MB 3.1 s, at 128 MB 2.7 s for 65 MB more peak: no clear gain past 32 MB, which costs at most 48 MB.
 */
const ASTRO_SEMI_SPACE_MB = 32;

/**
 * Astro's `--config`: the project's config bundled with the TypeScript it imports, as the scripts are
 * (scripts/lib/bundle-script.mjs), so Astro imports it as it is. Given astro.config.mjs itself, Astro's import of it
 * fails at its first `.ts` import and Astro loads it again through a Vite server of its own, transforming the 30-odd
 * integration, loader and library modules it imports: about 0.5 s more of the build's start, on cores the ingest is
 * using. Code that does not compile is left to Astro, which reports it against astro.config.mjs.
 */
async function astroConfigArgs(): Promise<string[]> {
  try {
    return ['--config', relative(process.cwd(), fileURLToPath(await bundleScript(astroConfig)))];
  } catch (error) {
    if (error instanceof BundleError) return [];
    throw error;
  }
}

/** Ingest with Astro starting alongside, then the pages with the search index made beside them. */
async function build(): Promise<number> {
  const started = performance.now();
  let ingested = started;
  const ingestRun = runIngest().then((code) => {
    ingested = performance.now();
    return code;
  });
  recoverInterruptedSwap(out);
  rmSync(indexOut, { recursive: true, force: true });
  rmSync(recordsFolder, { recursive: true, force: true });
  // The site this build replaces lends its index's files, and its parts whose records are unchanged.
  const indexOptions: IndexWriteOptions = { reuseFrom: replacedSite(), lastParts: lastIndexParts() };
  const searchIndex = await openSearchIndex(configuredIndexPartPages(), indexOptions.lastParts);
  // What the ingest recorded of the files it wrote, read once it has succeeded: Astro reads them without validating
  // them again while they match it (src/loaders/generated-papers.ts).
  const ingestRecord = ingestRun.then((code) => (code === 0 ? readIngestRecord(resolveContentPaths().generated) : undefined));
  const astroRun = runAstroBuild(
    [
      `--max-old-space-size=${astroHeapMb()}`,
      `--max-semi-space-size=${ASTRO_SEMI_SPACE_MB}`,
      '--import',
      syncPageWrites,
      '--import',
      directPageBodies,
      astro,
      'build',
      ...(await astroConfigArgs()),
      '--outDir',
      astroOut,
      ...positionals.map(String),
    ],
    ingestRun,
    ingestRecord,
    searchIndex,
    indexOptions,
  );
  // Read once Astro has started, and the first part parsed ahead from them while it starts: its records come seconds later.
  void readLastSearchRecords(lastRecordsFile, recordsMadeWith).then((records) => records && searchIndex.parseAhead(records));
  const { code, ingestCode, recordsDone, indexWrite, reusedPages } = await astroRun;
  // Astro has exited: every batch it handed over has been read.
  rmSync(recordsFolder, { recursive: true, force: true });
  if (ingestCode !== 0) {
    // The ingest said what was wrong; nothing it or Astro wrote is kept, and the previous site stays.
    await indexWrite?.catch(() => undefined);
    await searchIndex.close();
    rmSync(astroOut, { recursive: true, force: true });
    rmSync(indexOut, { recursive: true, force: true });
    return ingestCode;
  }
  const rendered = performance.now();
  let writing: Promise<IndexWritten> | undefined = indexWrite;
  let written: IndexWritten;
  try {
    if (code !== 0) throw new Error('');
    if (!recordsDone) throw new Error('search: Astro handed over no search records (src/middleware.ts did not run)');
    const takePages = () => takeUnchangedPages(reusedPages?.reused ?? [], out, astroOut);
    if (writing) takePages();
    writing ??= searchIndex.write(indexOut, { ...indexOptions, meanwhile: takePages });
    written = await writing;
    renameSync(join(indexOut, 'pagefind'), join(astroOut, 'pagefind'));
    rmSync(indexOut, { recursive: true, force: true });
    const { pages, parts, partsTaken, writeMs } = written;
    const inParts = parts > 1 ? `, in ${parts} parts` : '';
    const when = indexWrite ? ', beside the pages' : '';
    const taken =
      partsTaken === 0
        ? ''
        : parts === 1
          ? '; its records unchanged, taken from the last build'
          : `; ${partsTaken} of the parts, their records unchanged, taken from the last build`;
    console.log(`search: indexed ${pages.toLocaleString('en')} pages (the index written in ${seconds(writeMs)}${inParts}${when}${taken})`);
  } catch (error) {
    await writing?.catch(() => undefined);
    await searchIndex.close();
    rmSync(astroOut, { recursive: true, force: true });
    rmSync(indexOut, { recursive: true, force: true });
    if (error instanceof Error && error.message) console.error(error.message);
    console.error(`build: failed — ${existsSync(out) ? `${out} still holds the previous build` : 'nothing was written'}.`);
    return code || 1;
  }
  moveTree(astroOut, staging);
  // What the last site was made from goes before that site does: should this process stop in between, the next build
  // takes nothing rather than trust digests of a site no longer there.
  rmSync(pageDigestsFile, { force: true });
  // The old site is removed in the background: the new one is in place, and the curator need not wait for the disk.
  swapInDirectory(out, { removeOldInBackground: true });
  // What the site now in place was made from, for the next build: its pages' digests (none when Astro said nothing of
  // them) and its index parts' records'.
  mkdirSync(dirname(pageDigestsFile), { recursive: true });
  const indexParts = { pagefind: pagefindVersion, parts: written.partDigests };
  writeFileAtomically(
    pageDigestsFile,
    `${JSON.stringify({ site: out, ...(reusedPages && { pages: reusedPages.digests }), searchIndex: indexParts })}\n`,
  );
  const done = performance.now();
  console.log(
    `build: the site is in ${relative(process.cwd(), out) || out} — ${seconds(done - started)}: ingest ${seconds(ingested - started)}, ` +
      `pages ${seconds(rendered - ingested)}, search index after the pages ${seconds(done - rendered)} (Astro started during the ingest)`,
  );
  return 0;
}

process.exitCode = await build();
