/**
 * The search records of the index's first part, kept in the cache for the next build of the same site folder: it has
 * Pagefind parse that part ahead from them while Astro starts, and then gives it only the records that have changed
 * (src/lib/search/last-records.ts). Nothing depends on the file being right: the next build compares its own records
 * with these, and parses the part afresh when they do not bear them out.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SearchRecord } from '../../src/lib/search/search-records.ts';
import { writeFileAtomically } from './read-content.ts';

/** What the records were made with: records kept by another Pagefind or other site code are not parsed ahead. */
export interface RecordsMadeWith {
  /** The site folder they were made for. */
  site: string;
  pagefind: string;
  /** The site's code (scripts/lib/code-digest.ts): other code would likely change every record. */
  code: string;
}

interface KeptRecords extends RecordsMadeWith {
  records: readonly SearchRecord[];
}

/** Keeps the records for the next build (written whole, or not at all). */
export async function keepSearchRecords(file: string, madeWith: RecordsMadeWith, records: readonly SearchRecord[]): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  writeFileAtomically(file, JSON.stringify({ ...madeWith, records } satisfies KeptRecords));
}

/**
 * The records the last build kept, when they were made with the same (`madeWith`) and the site they were made for is
 * there; otherwise nothing (a build after the site was removed starts from nothing, as a curator would expect).
 */
export async function readLastSearchRecords(file: string, madeWith: RecordsMadeWith): Promise<readonly SearchRecord[] | undefined> {
  if (!existsSync(file) || !existsSync(madeWith.site)) return undefined;
  try {
    const kept = JSON.parse(await readFile(file, 'utf8')) as Partial<KeptRecords>;
    const same = kept.site === madeWith.site && kept.pagefind === madeWith.pagefind && kept.code === madeWith.code;
    const wellFormed =
      Array.isArray(kept.records) &&
      kept.records.every(
        (record: { url?: unknown; html?: unknown } | null) => typeof record?.url === 'string' && typeof record.html === 'string',
      );
    return same && wellFormed ? kept.records : undefined;
  } catch {
    return undefined;
  }
}
