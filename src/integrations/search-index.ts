import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, setPriority, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import {
  firstPartHoldsAtLeast,
  indexWriteLanes,
  PAGES_PER_INDEX_PART,
  pagesPerIndexPart,
  searchIndexFolders,
} from '../lib/search/index-parts.ts';
import type { SearchRecord } from '../lib/search/search-records.ts';
import { compareWithLastRecords } from '../lib/search/last-records.ts';
import { filesNamedByMeta } from '../lib/search/pagefind-meta.ts';
import { inSlot, type WriteSlots } from '../lib/search/write-slots.ts';

/** A search index being made: records go in as they come; `write` builds it into the site and closes Pagefind. */
export interface SearchIndexWriter {
  add(records: readonly SearchRecord[]): void;
  /**
   * Says every record is in: the index is laid out in parts, and the parts written at once with the first are parsed
   * from now on. Its number of pages and parts. `write` does it when it was not done.
   */
  allAdded(): { pages: number; parts: number; largestPart: number };
  /**
   * Waits for every record added, writes the index into the site at `siteRoot` (its parts, when it has several:
   * src/lib/search/index-parts.ts), and says how many pages and parts it holds, and the digest of each part's records.
   */
  write(siteRoot: string, options?: IndexWriteOptions): Promise<IndexWritten>;
  /**
   * Starts parsing the first part from the last build's records of it, before any record of this build's is added:
   * Pagefind then parses only this build's records that differ, and the part is ready about as soon as they are all in
   * (src/lib/search/last-records.ts). The first part's records are parsed in every build anyway, as they come; this
   * moves that work to while Astro starts. Called after the first `add`, it does nothing.
   */
  parseAhead(lastFirstPart: readonly SearchRecord[]): void;
  /** The first part's records, in order, once every record is in (`allAdded`): what the next build parses ahead from. */
  firstPartRecords(): readonly SearchRecord[];
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
  /**
   * How many parts are written at once, when fewer than the lanes: a build writes one at a time while Astro renders,
   * and widens the slots once it has exited. Each part takes a slot for its write.
   */
  slots?: WriteSlots;
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

/**
 * Pagefind's processes, this process's children, run at a lower priority than the build (nice 10): they parse and
 * write the index while Astro renders the pages, and on two cores they then take the core Astro leaves idle rather
 * than share Astro's. Where /proc cannot say which children are Pagefind's (not Linux), they keep the build's priority.
 */
function lowerPagefindPriority(): void {
  if (process.platform !== 'linux') return;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // `pid (command) state ppid …`; the command may hold spaces and parentheses, so it is cut at the last `)`.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const commandEnd = stat.lastIndexOf(')');
      const command = stat.slice(stat.indexOf('(') + 1, commandEnd);
      const parent = Number(stat.slice(commandEnd + 2).split(' ')[1]);
      if (parent === process.pid && command.startsWith('pagefind')) setPriority(Number(name), 10);
    } catch {
      // The process ended meanwhile, or is not ours to change.
    }
  }
}

/**
 * How many records are with Pagefind at once, parsed or waiting in its pipe. The rest wait here until one is done: a
 * part taken whole from the last build, or a build that failed, stops the index with at most these unparsed, where
 * thousands written into the pipe at once each failed with an error of Pagefind's own on the terminal when it closed.
 */
const RECORDS_WITH_PAGEFIND = 64;

/** One Pagefind index (its binary, a process of its own): records are parsed as they are added, while the caller goes on. */
async function openPagefindIndex() {
  const { index, errors } = await pagefind.createIndex({ ...INDEX_OPTIONS });
  if (!index) throw new Error(`search: Pagefind did not start: ${errors.join('; ')}`);
  lowerPagefindPriority();
  /** Records not yet handed to Pagefind, in order, from `next` on. */
  let waiting: SearchRecord[] = [];
  let next = 0;
  let withPagefind = 0;
  let stopped = false;
  const problems: string[] = [];
  /** Callers of `parsed`, told once every record added is parsed. */
  let idle: Array<() => void> = [];
  const handOn = () => {
    while (!stopped && withPagefind < RECORDS_WITH_PAGEFIND && next < waiting.length) {
      const record = waiting[next]!;
      next += 1;
      withPagefind += 1;
      index
        .addHTMLFile({ url: record.url, content: record.html })
        .then(
          (result) => problems.push(...result.errors),
          (error: unknown) => {
            // Pagefind itself failed (its process ended): the records still here would go to a Pagefind of no index.
            problems.push(String(error));
            stopped = true;
          },
        )
        .finally(() => {
          withPagefind -= 1;
          handOn();
        });
    }
    // The records handed on are let go of, a batch at a time.
    if (next > 4096 && next * 2 > waiting.length) {
      waiting = waiting.slice(next);
      next = 0;
    }
    if (withPagefind === 0 && (stopped || next === waiting.length)) for (const done of idle.splice(0)) done();
  };
  const settled = () =>
    new Promise<void>((resolve) => {
      idle.push(resolve);
      handOn();
    });
  return {
    add(records: readonly SearchRecord[]) {
      for (const record of records) waiting.push(record);
      handOn();
    },
    /** Resolves once Pagefind has parsed every record added; rejects with its problems, if it had any. */
    async parsed() {
      await settled();
      if (problems.length > 0) throw new Error(`search: indexing failed: ${problems.join('; ')}`);
    },
    /** Hands Pagefind no more records, and resolves once it has answered for those it has: it may then be closed. */
    async stop() {
      stopped = true;
      waiting = [];
      next = 0;
      await settled();
    },
    /** Stops, and has Pagefind drop the index and its memory: for a parse ahead that this build's records did not bear out. */
    async discard() {
      await this.stop();
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
/** Records of the part the worker parses as they come, while the build goes on: its live part. */
export interface LivePartRecords {
  add: readonly SearchRecord[];
}
/** Writes the worker's live part, every record sent for it parsed. */
export interface LivePartWrite {
  writeAdded: Omit<PartTask, 'records'>;
}
export type PartMessage = PartTask | LivePartRecords | LivePartWrite;
export type PartAnswer = { written: true } | { failed: string };

/**
 * A part parsed in this thread's Pagefind as its records come, and written when they are all in: the part worker's
 * live part. Pagefind is started at once, so the first records do not wait for it.
 */
export function openLivePart() {
  const opened = openPagefindIndex();
  opened.catch(() => undefined);
  return {
    add(records: readonly SearchRecord[]) {
      // In the order they were added: callbacks on one promise run in the order they were attached.
      void opened.then(
        (index) => index.add(records),
        () => undefined,
      );
    },
    async write(outputPath: string, reuseFrom?: string) {
      try {
        await (await opened).write(outputPath, reuseFrom);
      } finally {
        await pagefind.close();
      }
    },
  };
}

/**
 * A worker thread that writes parts of the index, each in a Pagefind of its own (a worker loads its own copy of
 * Pagefind's Node API, and with it its own Pagefind process). It is handed whole parts (`write`), or a live part's
 * records as they come (`add`), written by `writeAdded`. A write rejects with Pagefind's message when the part could
 * not be indexed, and with a `WorkerStopped` when the thread itself stopped, so its part can be written elsewhere.
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
  const written = (message: PartTask | LivePartWrite): Promise<void> => {
    if (stopped) return Promise.reject(stopped);
    return new Promise((resolve, reject) => {
      pending = { resolve, reject };
      worker.postMessage(message);
    });
  };
  return {
    write: (task: PartTask) => written(task),
    add(records: readonly SearchRecord[]) {
      if (!stopped) worker.postMessage({ add: records } satisfies LivePartRecords);
    },
    writeAdded: ({ outputPath, reuseFrom }: PartTask) => written({ writeAdded: { outputPath, reuseFrom } }),
    stop: () => worker.terminate(),
  };
}
type PartWorker = ReturnType<typeof startPartWorker>;

/** The part worker stopped (it could not start, or crashed): its part is written by the build's own Pagefind instead. */
class WorkerStopped extends Error {}

type PagefindIndex = Awaited<ReturnType<typeof openPagefindIndex>>;

/**
 * The first part's Pagefind, in this process: it parses the records as they are added. Told to parse ahead from the
 * last build's records of the part (`parseAhead`), it then parses only those of this build's records that differ from
 * them (src/lib/search/last-records.ts). Should this build's records not bear the parse ahead out, that index is
 * dropped and the part parsed afresh from this build's records, as without it.
 */
async function openFirstPart() {
  /** The index the records go to: a promise, so that a fresh one can take over while records keep coming. */
  let index: Promise<PagefindIndex> = Promise.resolve(await openPagefindIndex());
  /** This build's records of the part, in order. */
  const records: SearchRecord[] = [];
  let ahead: ReturnType<typeof compareWithLastRecords> | undefined;
  const addTo = (target: Promise<PagefindIndex>, added: readonly SearchRecord[]) =>
    void target.then(
      (opened) => opened.add(added),
      () => undefined,
    );
  /** Drops the parse ahead: a fresh index, given every record of this build's so far (and the rest as they come). */
  const parseAfresh = () => {
    ahead = undefined;
    const dropped = index;
    index = dropped.then(async (opened) => {
      await opened.discard();
      return openPagefindIndex();
    });
    addTo(index, [...records]);
  };
  return {
    /** Before this build's first record (see {@link SearchIndexWriter.parseAhead}); afterwards it does nothing. */
    parseAhead(lastRecords: readonly SearchRecord[]) {
      if (records.length > 0 || ahead) return;
      ahead = compareWithLastRecords(lastRecords);
      addTo(index, lastRecords);
    },
    add(added: readonly SearchRecord[]) {
      for (const record of added) records.push(record);
      if (!ahead) return addTo(index, added);
      const changed = ahead.next(added);
      if (changed) addTo(index, changed);
      else parseAfresh();
    },
    /** Every record of the part has been added: a parse ahead of more records than the part has is dropped. */
    allAdded() {
      if (ahead && !ahead.complete()) parseAfresh();
      ahead = undefined;
    },
    records: (): readonly SearchRecord[] => records,
    parsed: async () => (await index).parsed(),
    write: async (outputPath: string, reuseFrom?: string, meanwhile?: () => void) => (await index).write(outputPath, reuseFrom, meanwhile),
    stop: async () => (await index.catch(() => undefined))?.stop(),
  };
}

/** A part after the first: its folder, its records, and the worker parsing them already when it is live. */
interface LaterPart {
  folder: string;
  records: SearchRecord[];
  /** The digest of its records ({@link partDigest}). */
  digest: string;
  live?: PartWorker;
}

/**
 * Records parsed while the build goes on, in every part: at most the first two parts' worth (20,000 pages), each
 * parsed in a Pagefind of its own at about 34 KB a page: on two cores, the first part and the second (in a worker's
 * Pagefind). The others are parsed when their turn to be written comes: one at a time beside Astro, two at a time
 * once it has exited.
 */
const PARSED_AS_THEY_COME = 2 * PAGES_PER_INDEX_PART;

/**
 * Opens the search index of a build, laid out in parts by its number of pages (src/lib/search/index-parts.ts;
 * `configuredPartPages` fixes the size of a part). `lastBuildParts` are the digests of the last build's parts, as `write`
 * is given them (`lastParts`): a part after the first with the same records is not parsed meanwhile, for it will be taken whole.
 *
 * The records that go to the first part whatever their number go to Pagefind as they are added, while the caller goes
 * on; the rest wait here (a few KB each) until `allAdded` says how many there are, and with it the parts. Those parts
 * that will be written at once with the first, as many as the machine has cores and memory for
 * ({@link indexWriteLanes}), are then parsed as well, each in a worker's Pagefind, while the caller goes on. The others
 * are indexed when the index is written, part by part. Every part is written by `write`, which for ten thousand pages
 * needs about 1.5 GB — `npm run build` writes a small index beside the last pages, and a larger one once Astro has
 * exited, so their memory never adds up past what the machine has.
 */
export async function openSearchIndex(
  configuredPartPages?: number,
  lastBuildParts?: IndexWriteOptions['lastParts'],
): Promise<SearchIndexWriter> {
  const first = await openFirstPart();
  /** The records past those known to be the first part's, in order, until the parts are laid out. */
  const held: SearchRecord[] = [];
  let pages = 0;
  /** How many records go to the first part as they come: it holds at least as many in an index of any size. */
  const surelyFirst = firstPartHoldsAtLeast(0, configuredPartPages);
  /** The first part's records as the build adds them: they decide whether it can be taken. */
  const firstDigest = partDigest();
  let layout: { folders: string[]; perPart: number; lanes: number; laterParts: LaterPart[] } | undefined;

  const addToFirst = (records: readonly SearchRecord[]) => {
    for (const record of records) firstDigest.add(record);
    first.add(records);
  };

  /** Lays the index out in parts, once every record is in, and starts parsing the parts written with the first. */
  const layOut = () => {
    if (layout) return layout;
    const perPart = pagesPerIndexPart(pages, configuredPartPages);
    const folders = searchIndexFolders(pages, perPart);
    const inFirst = Math.min(pages, surelyFirst);
    addToFirst(held.splice(0, Math.max(0, Math.min(pages, perPart) - inFirst)));
    const laterParts: LaterPart[] = folders.slice(1).map((folder, index) => {
      const records = held.slice(index * perPart, (index + 1) * perPart);
      const digest = partDigest();
      for (const record of records) digest.add(record);
      return { folder, records, digest: digest.digest() };
    });
    held.length = 0;
    first.allAdded();
    const lanes = indexWriteLanes(folders.length, perPart, { cpus: availableParallelism(), memoryBytes: totalmem() });
    laterParts.forEach((part, index) => {
      const isLive = index + 2 <= lanes && Math.min(pages, (index + 2) * perPart) <= PARSED_AS_THEY_COME;
      // A part the last build made of the same records is taken from it when written; should it not be there then,
      // it is written whole.
      const likelyTaken = lastBuildParts?.[part.folder] === part.digest;
      if (!isLive || likelyTaken || part.records.length === 0) return;
      part.live = startPartWorker();
      part.live.add(part.records);
    });
    layout = { folders, perPart, lanes, laterParts };
    return layout;
  };
  const stopLiveParts = async () => {
    await Promise.all((layout?.laterParts ?? []).map((part) => part.live?.stop()));
  };

  return {
    parseAhead: (lastFirstPart) => first.parseAhead(lastFirstPart),
    firstPartRecords: () => first.records(),
    add(records) {
      if (layout) throw new Error('search: records added after the index was laid out in parts');
      const toFirst = Math.max(0, Math.min(records.length, surelyFirst - pages));
      if (toFirst > 0) addToFirst(toFirst === records.length ? records : records.slice(0, toFirst));
      for (let i = toFirst; i < records.length; i++) held.push(records[i]!);
      pages += records.length;
    },
    allAdded() {
      const { folders, perPart } = layOut();
      return { pages, parts: folders.length, largestPart: Math.min(pages, perPart) };
    },
    async write(siteRoot, { reuseFrom, lastParts, meanwhile, slots } = {}) {
      const { folders, lanes, laterParts } = layOut();
      const lastBuildOf = (folder: string) => (reuseFrom === undefined ? undefined : join(reuseFrom, folder));
      const partDigests: Record<string, string> = { [folders[0]!]: firstDigest.digest() };
      for (const { folder, digest } of laterParts) partDigests[folder] = digest;
      // A part whose records are those the last build's same part was made from is that part, file for file.
      const taken = (folder: string) => {
        const from = lastBuildOf(folder);
        return from !== undefined && lastParts?.[folder] === partDigests[folder] && takeIndexPart(from, join(siteRoot, folder));
      };
      const firstTaken = taken(folders[0]!);
      let partsTaken = firstTaken ? 1 : 0;
      const queue: PartTask[] = [];
      const liveLanes: (() => Promise<void>)[] = [];
      for (const part of laterParts) {
        const task: PartTask = { records: part.records, outputPath: join(siteRoot, part.folder), reuseFrom: lastBuildOf(part.folder) };
        if (taken(part.folder)) {
          partsTaken += 1;
          void part.live?.stop();
        } else if (part.live) {
          const worker = part.live;
          liveLanes.push(() => takeParts(worker, task));
        } else queue.push(task);
      }
      laterParts.length = 0;
      /**
       * A worker's lane: its live part first, when it has one, then parts from the queue until none is left; the worker
       * stopped after. Should the worker stop, the part it was writing goes back to the queue: not lost, its records are
       * here, and this process writes it when it has done its own.
       */
      const takeParts = async (worker: PartWorker, livePart?: PartTask) => {
        const written = async (task: PartTask, write: (task: PartTask) => Promise<void>) => {
          try {
            await inSlot(slots, () => write(task));
            return true;
          } catch (error) {
            if (!(error instanceof WorkerStopped)) throw error;
            queue.push(task);
            if (process.env.DEBUG) console.error(`search: a part writer stopped (${error.message}); its part is written elsewhere`);
            return false;
          }
        };
        try {
          if (livePart && !(await written(livePart, worker.writeAdded))) return;
          for (let task = queue.shift(); task; task = queue.shift()) if (!(await written(task, worker.write))) return;
        } finally {
          await worker.stop();
        }
      };
      /** A part from the queue, parsed and written in a Pagefind of this process's own. */
      const writeQueued = (task: PartTask) => inSlot(slots, () => writeIndexPart(task.records, task.outputPath, task.reuseFrom));
      // This process's Pagefind writes the first part, whose records it has parsed already, then takes parts as they come.
      const ownLane = async () => {
        if (firstTaken) {
          meanwhile?.();
          await first.stop();
        } else await inSlot(slots, () => first.write(join(siteRoot, folders[0]!), lastBuildOf(folders[0]!), meanwhile));
        await pagefind.close();
        for (let task = queue.shift(); task; task = queue.shift()) await writeQueued(task);
      };
      const workerLane = async () => {
        if (queue.length > 0) await takeParts(startPartWorker());
      };
      try {
        // Timed from when the records added so far are parsed: the write itself, not the wait for the last batches.
        if (!firstTaken) await first.parsed();
        const started = performance.now();
        const otherLanes = Math.max(0, lanes - 1 - liveLanes.length);
        await Promise.all([ownLane(), ...liveLanes.map((lane) => lane()), ...Array.from({ length: otherLanes }, workerLane)]);
        // A part a stopped worker handed back after this process had taken its last.
        for (let task = queue.shift(); task; task = queue.shift()) await writeQueued(task);
        return { pages, parts: folders.length, partsTaken, writeMs: Math.round(performance.now() - started), partDigests };
      } finally {
        queue.length = 0;
        await stopLiveParts();
        await first.stop();
        await pagefind.close();
      }
    },
    close: async () => {
      await stopLiveParts();
      await first.stop();
      await pagefind.close();
    },
  };
}
