import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { indexWriteLanes, PAGES_PER_INDEX_PART, searchIndexFolders } from '../lib/search/index-parts.ts';
import type { SearchRecord } from '../lib/search/search-records.ts';
import { RecordsAhead } from '../lib/search/records-ahead.ts';
import { filesNamedByMeta } from '../lib/search/pagefind-meta.ts';

/** Set by `npm run build` (scripts/build.ts) for the Astro it runs: hand the records to it rather than index them here. */
export const RECORDS_TO_PARENT = 'SURVEY_SEARCH_RECORDS_TO_PARENT';

/** The message a build's Astro sends its parent with a batch of records, or with `done` once all are sent. */
export interface SearchRecordsMessage {
  type: 'survey-search-records';
  records: SearchRecord[];
  done?: boolean;
}

export const isSearchRecordsMessage = (message: unknown): message is SearchRecordsMessage =>
  typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'survey-search-records';

/** A search index being made: records go in as they come; `write` builds it into the site and closes Pagefind. */
export interface SearchIndexWriter {
  /**
   * Indexes records made ahead of the build's own (src/lib/search/records-ahead.ts), before any of those are added:
   * they are then checked against the build's records, which only make the index anew should the two differ in more
   * than the records' text. False, and nothing done, when records were added already or these would not fit the
   * index's first part.
   */
  addAhead(records: readonly SearchRecord[]): boolean;
  add(records: readonly SearchRecord[]): void;
  /**
   * Waits for every record added, writes the index into the site at `siteRoot` (its parts, when it has several:
   * src/lib/search/index-parts.ts), and says how many pages and parts it holds, and the digest of each part's records.
   */
  write(siteRoot: string, options?: IndexWriteOptions): Promise<IndexWritten>;
  close(): Promise<void>;
}

export interface IndexWriteOptions {
  /**
   * The site this build replaces. It lends its index's files: Pagefind skips a file it would write the same (see
   * {@link writeOver}); and a part whose records are those it was made from (`lastParts`) is taken from it whole.
   */
  reuseFrom?: string;
  /** The digest of each part's records in the index of `reuseFrom`, by the part's folder, as `write` said it then. */
  lastParts?: Readonly<Record<string, string>>;
  /** Work of the caller's that runs while Pagefind builds the index (seconds, in its own process), or at once. */
  meanwhile?: () => void;
}

export interface IndexWritten {
  pages: number;
  parts: number;
  /** How many of the parts were taken from the last build, their records unchanged. */
  partsTaken: number;
  writeMs: number;
  /** The digest of each part's records, by its folder (see {@link IndexWriteOptions.lastParts}). */
  partDigests: Record<string, string>;
}

/**
 * What Pagefind makes of a part besides its records: the options this module opens it with. Its version is the
 * caller's to compare (`lastParts` come from an index of the same Pagefind); records alone decide the rest.
 */
const INDEX_OPTIONS = { forceLanguage: 'en' } as const;

/** A digest of one part's records, in order, as Pagefind is given them: equal digests, the same index files. */
function partDigest(): { add(record: SearchRecord): void; digest(): string } {
  const hash = createHash('sha256').update(`${JSON.stringify(INDEX_OPTIONS)}\0`);
  return {
    add(record) {
      hash.update(`${record.url.length}\0${record.url}\0${record.html.length}\0`);
      hash.update(record.html);
    },
    digest: () => hash.digest('hex'),
  };
}

/** One Pagefind index (its binary, a process of its own): records are parsed as they are added, while the caller goes on. */
async function openPagefindIndex() {
  const { index, errors } = await pagefind.createIndex({ ...INDEX_OPTIONS });
  if (!index) throw new Error(`search: Pagefind did not start: ${errors.join('; ')}`);
  const adding: Promise<void>[] = [];
  return {
    add(records: readonly SearchRecord[]) {
      const added = Promise.all(records.map((record) => index.addHTMLFile({ url: record.url, content: record.html }))).then((results) => {
        const problems = results.flatMap((result) => result.errors);
        if (problems.length > 0) throw new Error(`search: indexing failed: ${problems.join('; ')}`);
      });
      // A failure is reported where the records are awaited (`parsed`); an index closed unwritten leaves it unasked.
      added.catch(() => undefined);
      adding.push(added);
    },
    /** Resolves once Pagefind has parsed every record added. */
    async parsed() {
      await Promise.all(adding);
    },
    /** Drops this index and what was added to it (its Pagefind stays open for another). */
    async discard() {
      await Promise.allSettled(adding);
      await index.deleteIndex();
    },
    /** Writes the index; `meanwhile` runs (once) while Pagefind builds it, in its own process. */
    async write(outputPath: string, reuseFrom?: string, meanwhile?: () => void) {
      await this.parsed();
      const writeFiles = async () => {
        const writing = index.writeFiles({ outputPath });
        try {
          meanwhile?.();
        } catch (error) {
          await writing.catch(() => undefined);
          throw error;
        } finally {
          meanwhile = undefined;
        }
        const written = await writing;
        if (written.errors.length > 0) throw new Error(`search: writing the index failed: ${written.errors.join('; ')}`);
      };
      await writeOver(outputPath, reuseFrom, writeFiles);
    },
  };
}

/** The folders of a Pagefind index whose files are named by a hash of their content. */
const CONTENT_NAMED_FOLDERS = ['fragment', 'index', 'filter'];

/**
 * Writes an index into `folder` over the files of the last build's index of the same part (`reuseFrom`), when there is
 * one. Pagefind names a page's fragment, a word-index chunk or a filter by a hash of its content and never rewrites a
 * file of that name: linked in first, the files that stay the same are neither compressed nor written again (for
 * 10,000 pages after one new note, the write took 8 s instead of 14 s). Afterwards the files the new index no longer
 * names are removed, so the folder holds exactly what a write from scratch leaves; should its meta file not read as
 * expected, the index is written again from scratch.
 */
async function writeOver(folder: string, reuseFrom: string | undefined, writeFiles: () => Promise<void>): Promise<void> {
  const lent = reuseFrom !== undefined && existsSync(join(reuseFrom, 'pagefind-entry.json')) && lendFiles(reuseFrom, folder);
  await writeFiles();
  if (!lent) return;
  try {
    removeUnnamedFiles(folder);
  } catch (error) {
    if (process.env.DEBUG) console.error(`search: writing the index afresh (${(error as Error).message})`);
    for (const name of CONTENT_NAMED_FOLDERS) rmSync(join(folder, name), { recursive: true, force: true });
    for (const name of readdirSync(folder)) if (name.endsWith('.pf_meta')) rmSync(join(folder, name));
    await writeFiles();
  }
}

/** A file of the last build's index in the new one: a hard link, or a copy when the two are on different disks. */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    copyFileSync(from, to);
  }
}

/** Links the content-named files of the last index into the new folder (a copy across disks); whether any were. */
function lendFiles(from: string, to: string): boolean {
  let lent = false;
  for (const name of CONTENT_NAMED_FOLDERS) {
    if (!existsSync(join(from, name))) continue;
    mkdirSync(join(to, name), { recursive: true });
    for (const file of readdirSync(join(from, name))) {
      linkOrCopy(join(from, name, file), join(to, name, file));
      lent = true;
    }
  }
  return lent;
}

/** Removes the content-named files that no meta file of the index names (every language's: pagefind-entry.json). */
function removeUnnamedFiles(folder: string): void {
  const entry = JSON.parse(readFileSync(join(folder, 'pagefind-entry.json'), 'utf8')) as { languages?: Record<string, { hash?: unknown }> };
  const named = new Set<string>();
  for (const { hash } of Object.values(entry.languages ?? {})) {
    if (typeof hash !== 'string') throw new Error('pagefind-entry.json names a language without its hash');
    for (const file of filesNamedByMeta(readFileSync(join(folder, `pagefind.${hash}.pf_meta`)))) named.add(file);
  }
  for (const file of named) if (!existsSync(join(folder, file))) throw new Error(`the index names ${file}, which is not there`);
  for (const name of CONTENT_NAMED_FOLDERS) {
    if (!existsSync(join(folder, name))) continue;
    for (const file of readdirSync(join(folder, name))) if (!named.has(`${name}/${file}`)) rmSync(join(folder, name, file));
  }
}

/** The folder of a part after the first, inside the first's (`pagefind/part-2/`): not part of the first part itself. */
const LATER_PART_FOLDER = /^part-\d+$/;

/**
 * Takes a part of the last build's index whole, its records unchanged: its files are linked into `to` (copied across
 * disks), and the files its meta file names are checked to be there. Pagefind is not run for it. Whether it was taken;
 * when it was not (the last build's part is gone or incomplete), nothing of it is left in `to`.
 */
function takeIndexPart(from: string, to: string): boolean {
  if (!existsSync(join(from, 'pagefind-entry.json'))) return false;
  const linked: string[] = [];
  try {
    const files = readdirSync(from, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(from, join(entry.parentPath, entry.name)))
      .filter((file) => !LATER_PART_FOLDER.test(file.split(/[\\/]/)[0]!));
    for (const file of files) {
      mkdirSync(dirname(join(to, file)), { recursive: true });
      linkOrCopy(join(from, file), join(to, file));
      linked.push(file);
    }
    removeUnnamedFiles(to);
    return true;
  } catch (error) {
    if (process.env.DEBUG) console.error(`search: writing ${to} anew (${(error as Error).message})`);
    for (const file of linked) rmSync(join(to, file), { force: true });
    return false;
  }
}

/**
 * Indexes one part's records in a Pagefind of its own, writes it to `outputPath` (over the last build's files of the
 * part, `reuseFrom`, when there is one) and closes that Pagefind.
 */
export async function writeIndexPart(records: readonly SearchRecord[], outputPath: string, reuseFrom?: string): Promise<void> {
  try {
    const index = await openPagefindIndex();
    index.add(records);
    await index.write(outputPath, reuseFrom);
  } finally {
    await pagefind.close();
  }
}

/** What the part worker (search-index-part.worker.mjs) is sent, and what it answers. */
export interface PartTask {
  records: readonly SearchRecord[];
  outputPath: string;
  /** The same part of the last build's index, when there is one. */
  reuseFrom?: string;
}
export type PartAnswer = { written: true } | { failed: string };

/**
 * A worker thread that writes parts of the index, each in a Pagefind of its own (a worker loads its own copy of
 * Pagefind's Node API, and with it its own Pagefind process). `write` rejects with Pagefind's message when the part
 * could not be indexed, and with a `WorkerStopped` when the thread itself stopped, so its part can be written elsewhere.
 */
function startPartWorker() {
  const worker = new Worker(new URL('./search-index-part.worker.mjs', import.meta.url));
  let stopped: Error | undefined;
  let pending: { resolve: () => void; reject: (error: Error) => void } | undefined;
  const stop = (error: Error) => {
    stopped ??= error;
    pending?.reject(stopped);
    pending = undefined;
  };
  worker.on('error', (error) => stop(new WorkerStopped(error.message)));
  worker.on('exit', (code) => stop(new WorkerStopped(`exit code ${code}`)));
  worker.on('message', (answer: PartAnswer) => {
    const waiting = pending;
    pending = undefined;
    if ('written' in answer) waiting?.resolve();
    else waiting?.reject(new Error(answer.failed));
  });
  return {
    write(task: PartTask): Promise<void> {
      if (stopped) return Promise.reject(stopped);
      return new Promise((resolve, reject) => {
        pending = { resolve, reject };
        worker.postMessage(task);
      });
    },
    stop: () => worker.terminate(),
  };
}

/** The part worker stopped (it could not start, or crashed): its part is written by the build's own Pagefind instead. */
class WorkerStopped extends Error {}

/**
 * Opens the search index of a build. The first part's records go to Pagefind as they are added, while the caller
 * goes on; the index is built by `write`, which for ten thousand pages needs about 1.5 GB on its own — `npm run build`
 * writes a small index beside the last pages, and a larger one once Astro has exited, so their memory never adds up
 * past what the machine has. Records past the first part wait here (a few KB each) and are indexed part by part
 * when the index is written: as many parts at once as the machine has cores and memory for
 * ({@link indexWriteLanes}), each in a Pagefind of its own, closed before that lane takes its next part.
 */
export async function openSearchIndex(pagesPerPart: number = PAGES_PER_INDEX_PART): Promise<SearchIndexWriter> {
  let first = await openPagefindIndex();
  const later: SearchRecord[] = [];
  let pages = 0;
  let ahead: RecordsAhead | undefined;
  /** With records ahead, the first part's records as the build added them, should the index have to be made from them alone. */
  const firstPart: SearchRecord[] = [];
  /** Set once the index is being written or closed: records made ahead that come later are not added. */
  let closing = false;
  /** The first part's records as the build adds them (whatever was made ahead): they decide whether it can be taken. */
  const firstDigest = partDigest();
  return {
    addAhead(records) {
      if (pages > 0 || ahead || closing || records.length > pagesPerPart) return false;
      ahead = new RecordsAhead(records);
      first.add(records);
      return true;
    },
    add(records) {
      const toFirst = Math.max(0, Math.min(records.length, pagesPerPart - pages));
      if (toFirst > 0) {
        const forFirst = toFirst === records.length ? records : records.slice(0, toFirst);
        for (const record of forFirst) firstDigest.add(record);
        if (ahead) {
          const toIndex: SearchRecord[] = [];
          forFirst.forEach((record, index) => {
            // Each record is kept should the index have to be made from the build's records alone: where it is the
            // one made ahead, that one, so the build's copy is not held as well (30 MB for 10,000 papers).
            if (ahead!.needsIndexing(record, pages + index)) {
              toIndex.push(record);
              firstPart.push(record);
            } else firstPart.push(ahead!.sameAt(pages + index) ?? record);
          });
          if (toIndex.length > 0) first.add(toIndex);
        } else first.add(forFirst);
      }
      for (let i = toFirst; i < records.length; i++) later.push(records[i]!);
      pages += records.length;
    },
    async write(siteRoot, { reuseFrom, lastParts, meanwhile } = {}) {
      closing = true;
      const folders = searchIndexFolders(pages, pagesPerPart);
      const lastBuildOf = (folder: string) => (reuseFrom === undefined ? undefined : join(reuseFrom, folder));
      const laterParts = folders.slice(1).map((folder, index) => ({ folder, records: later.slice(index * pagesPerPart, (index + 1) * pagesPerPart) }));
      later.length = 0;
      const partDigests: Record<string, string> = { [folders[0]!]: firstDigest.digest() };
      for (const { folder, records } of laterParts) {
        const digest = partDigest();
        for (const record of records) digest.add(record);
        partDigests[folder] = digest.digest();
      }
      // A part whose records are those the last build's same part was made from is that part, file for file.
      const taken = (folder: string) => {
        const from = lastBuildOf(folder);
        return from !== undefined && lastParts?.[folder] === partDigests[folder] && takeIndexPart(from, join(siteRoot, folder));
      };
      const firstTaken = taken(folders[0]!);
      let partsTaken = firstTaken ? 1 : 0;
      if (!firstTaken && ahead && !ahead.matched()) {
        // The papers changed while the build ran: the index is made from the build's own records alone.
        if (process.env.DEBUG) console.error(`search: the records made ahead did not match the build's; indexing the build's anew`);
        await first.discard();
        first = await openPagefindIndex();
        first.add(firstPart);
      }
      ahead = undefined;
      firstPart.length = 0;
      const queue: PartTask[] = [];
      for (const { folder, records } of laterParts) {
        if (taken(folder)) partsTaken += 1;
        else queue.push({ records, outputPath: join(siteRoot, folder), reuseFrom: lastBuildOf(folder) });
      }
      laterParts.length = 0;
      const lanes = indexWriteLanes(folders.length, pagesPerPart, { cpus: availableParallelism(), memoryBytes: totalmem() });
      // This process's Pagefind writes the first part, whose records it has parsed already, then takes parts as they come.
      const ownLane = async () => {
        if (firstTaken) meanwhile?.();
        else await first.write(join(siteRoot, folders[0]!), lastBuildOf(folders[0]!), meanwhile);
        await pagefind.close();
        for (let task = queue.shift(); task; task = queue.shift()) await writeIndexPart(task.records, task.outputPath, task.reuseFrom);
      };
      const workerLane = async () => {
        if (queue.length === 0) return;
        const worker = startPartWorker();
        try {
          for (let task = queue.shift(); task; task = queue.shift()) {
            try {
              await worker.write(task);
            } catch (error) {
              if (!(error instanceof WorkerStopped)) throw error;
              // Not lost: this process writes it when it has done its own.
              queue.push(task);
              if (process.env.DEBUG) console.error(`search: a part writer stopped (${error.message}); this process writes its part`);
              return;
            }
          }
        } finally {
          await worker.stop();
        }
      };
      try {
        // Timed from when the records added so far are parsed: the write itself, not the wait for the last batches.
        if (!firstTaken) await first.parsed();
        const started = performance.now();
        await Promise.all([ownLane(), ...Array.from({ length: lanes - 1 }, workerLane)]);
        // A part a stopped worker handed back after this process had taken its last.
        for (let task = queue.shift(); task; task = queue.shift()) await writeIndexPart(task.records, task.outputPath, task.reuseFrom);
        return { pages, parts: folders.length, partsTaken, writeMs: Math.round(performance.now() - started), partDigests };
      } finally {
        queue.length = 0;
        later.length = 0;
        await pagefind.close();
      }
    },
    close: async () => {
      closing = true;
      await pagefind.close();
    },
  };
}
