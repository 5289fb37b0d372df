/**
 * How the Astro that `npm run build` runs hands the search records to the build script (scripts/build.ts), which
 * has Pagefind index them on the other core while Astro renders (src/integrations/pagefind.ts).
 *
 * Each batch goes through a file, and only its number through Node's IPC channel. A batch of 500 records is about
 * 1 MB, far more than the pipe holds, and the rest of a message sent through it is written by Astro's event loop
 * between the pages it renders: in a rebuild after one note, where Astro renders the survey's exports first, the
 * 10,000 records of a survey took 5 s to arrive, and the index part to write waited for them. A file is written at
 * once, and a message of a few bytes is in the pipe at once.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SearchRecord } from '../lib/search/search-records.ts';
import { buildScriptListens, sendToBuildScript } from '../loaders/build-script-channel.ts';

/**
 * Set by `npm run build` for the Astro it runs, to the folder the records are handed through: hand them to the build
 * script rather than index them there.
 */
export const RECORDS_TO_PARENT = 'SURVEY_SEARCH_RECORDS_TO_PARENT';

/** The folder to hand the records through, when this process is the Astro that `npm run build` runs. */
export const recordsFolderOfBuildScript = (): string | undefined => (buildScriptListens() && process.env[RECORDS_TO_PARENT]) || undefined;

/** Whether this process is the Astro that `npm run build` runs, its records and its output going to the build script. */
export const runByBuildScript = (): boolean => recordsFolderOfBuildScript() !== undefined;

/** What Astro tells the build script: a batch of records is in its file, or (`done`) every batch has been sent. */
export interface SearchRecordsMessage {
  type: 'survey-search-records';
  /** The batch's number: its records are in `<folder>/<batch>.json`. */
  batch?: number;
  done?: boolean;
}

export const isSearchRecordsMessage = (message: unknown): message is SearchRecordsMessage =>
  typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'survey-search-records';

const batchFile = (folder: string, batch: number) => join(folder, `${batch}.json`);

/**
 * Hands the batches to the build script through `folder` as they are made, and says when all are: resolves with the
 * number of records. Sending waits for nothing, so the batches go as fast as they are made.
 */
export async function sendRecordsToParent(batches: AsyncIterable<SearchRecord[]>, folder: string): Promise<number> {
  mkdirSync(folder, { recursive: true });
  let count = 0;
  let batch = 0;
  for await (const records of batches) {
    writeFileSync(batchFile(folder, batch), JSON.stringify(records));
    // Not awaited: the next batch goes at once (a failed send fails the build at its end: build-script-channel.ts).
    void sendToBuildScript({ type: 'survey-search-records', batch } satisfies SearchRecordsMessage);
    batch += 1;
    count += records.length;
  }
  // The channel delivers in order: `done` arrives after the last batch.
  await sendToBuildScript({ type: 'survey-search-records', done: true } satisfies SearchRecordsMessage);
  return count;
}

/** The records of a batch the build script was told of, read from their file in `folder`, which is then removed. */
export function receiveRecords(folder: string, message: SearchRecordsMessage): SearchRecord[] {
  if (message.batch === undefined) return [];
  const file = batchFile(folder, message.batch);
  const records = JSON.parse(readFileSync(file, 'utf8')) as SearchRecord[];
  rmSync(file, { force: true });
  return records;
}
