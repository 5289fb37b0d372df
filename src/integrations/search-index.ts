import * as pagefind from 'pagefind';
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

/** A Pagefind index being made: records go in as they come; `write` builds it into a folder and closes Pagefind. */
export interface SearchIndexWriter {
  add(records: readonly SearchRecord[]): void;
  /** Waits for every record added, writes the index to `outputPath`, and says how many pages it holds. */
  write(outputPath: string): Promise<{ pages: number; writeMs: number }>;
  close(): Promise<void>;
}

/**
 * Opens a Pagefind index (its binary, a process of its own). Records are parsed by Pagefind as they are added, while
 * the caller goes on; the index itself is built by `write`, which for ten thousand pages needs about 1.5 GB on its
 * own — so `npm run build` writes it once Astro has exited, and their memory never adds up.
 */
export async function openSearchIndex(): Promise<SearchIndexWriter> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`search: Pagefind did not start: ${errors.join('; ')}`);
  const adding: Promise<void>[] = [];
  let pages = 0;
  return {
    add(records) {
      pages += records.length;
      adding.push(
        Promise.all(records.map((record) => index.addHTMLFile({ url: record.url, content: record.html }))).then((results) => {
          const problems = results.flatMap((result) => result.errors);
          if (problems.length > 0) throw new Error(`search: indexing failed: ${problems.join('; ')}`);
        }),
      );
    },
    async write(outputPath) {
      try {
        await Promise.all(adding);
        const started = performance.now();
        const written = await index.writeFiles({ outputPath });
        if (written.errors.length > 0) throw new Error(`search: writing the index failed: ${written.errors.join('; ')}`);
        return { pages, writeMs: Math.round(performance.now() - started) };
      } finally {
        await pagefind.close();
      }
    },
    close: async () => {
      await pagefind.close();
    },
  };
}
