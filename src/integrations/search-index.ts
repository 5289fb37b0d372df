import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { PAGES_PER_INDEX_PART, searchIndexFolders } from '../lib/search/index-parts.ts';
import type { SearchRecord } from '../lib/search/search-records.ts';

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
  add(records: readonly SearchRecord[]): void;
  /**
   * Waits for every record added, writes the index into the site at `siteRoot` (its parts, when it has several, one
   * after another: src/lib/search/index-parts.ts), and says how many pages and parts it holds.
   */
  write(siteRoot: string): Promise<{ pages: number; parts: number; writeMs: number }>;
  close(): Promise<void>;
}

/** One Pagefind index (its binary, a process of its own): records are parsed as they are added, while the caller goes on. */
async function openPagefindIndex() {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`search: Pagefind did not start: ${errors.join('; ')}`);
  const adding: Promise<void>[] = [];
  return {
    add(records: readonly SearchRecord[]) {
      adding.push(
        Promise.all(records.map((record) => index.addHTMLFile({ url: record.url, content: record.html }))).then((results) => {
          const problems = results.flatMap((result) => result.errors);
          if (problems.length > 0) throw new Error(`search: indexing failed: ${problems.join('; ')}`);
        }),
      );
    },
    /** Resolves once Pagefind has parsed every record added. */
    async parsed() {
      await Promise.all(adding);
    },
    async write(outputPath: string) {
      await this.parsed();
      const written = await index.writeFiles({ outputPath });
      if (written.errors.length > 0) throw new Error(`search: writing the index failed: ${written.errors.join('; ')}`);
    },
  };
}

/**
 * Opens the search index of a build. The first part's records go to Pagefind as they are added, while the caller
 * goes on; the index is built by `write`, which for ten thousand pages needs about 1 GB on its own — `npm run build`
 * writes an index of one part beside the last pages, and one of several parts once Astro has exited, so their
 * memory never adds up past what the machine has. Records past the first part wait here
 * (a few KB each) and are indexed part by part when it is written, each part in a Pagefind of its own, closed before
 * the next starts, so a large survey needs the memory of one part at a time.
 */
export async function openSearchIndex(pagesPerPart: number = PAGES_PER_INDEX_PART): Promise<SearchIndexWriter> {
  const first = await openPagefindIndex();
  const later: SearchRecord[] = [];
  let pages = 0;
  return {
    add(records) {
      const toFirst = Math.max(0, Math.min(records.length, pagesPerPart - pages));
      if (toFirst > 0) first.add(toFirst === records.length ? records : records.slice(0, toFirst));
      for (let i = toFirst; i < records.length; i++) later.push(records[i]!);
      pages += records.length;
    },
    async write(siteRoot) {
      const folders = searchIndexFolders(pages, pagesPerPart);
      try {
        // Timed from when the records added so far are parsed: the write itself, not the wait for the last batches.
        await first.parsed();
        const started = performance.now();
        await first.write(join(siteRoot, folders[0]!));
        for (let part = 1; part < folders.length; part++) {
          await pagefind.close();
          const index = await openPagefindIndex();
          index.add(later.slice((part - 1) * pagesPerPart, part * pagesPerPart));
          await index.write(join(siteRoot, folders[part]!));
        }
        return { pages, parts: folders.length, writeMs: Math.round(performance.now() - started) };
      } finally {
        later.length = 0;
        await pagefind.close();
      }
    },
    close: async () => {
      await pagefind.close();
    },
  };
}
