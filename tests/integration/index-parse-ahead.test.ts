/**
 * A build parses the index's first part ahead, from the last build's records of it, and then gives Pagefind only this
 * build's records that differ (src/lib/search/last-records.ts, src/integrations/search-index.ts). Whatever this build's
 * records are, the index must be the one parsed from them alone, byte for byte: one record changed (in the first
 * part, and in the second, the first then unchanged), nothing changed, a paper added or gone (the parse ahead is
 * dropped), the same pages in another order.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { openSearchIndex } from '../../src/integrations/search-index.ts';
import type { SearchRecord } from '../../src/lib/search/search-records.ts';
import { expectSameFiles } from '../helpers/tree.ts';

const scratch = mkdtempSync(join(tmpdir(), 'index-parse-ahead-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const page = (url: string, text: string): SearchRecord => ({
  url,
  html: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"></head><body><article data-pagefind-body><h1 data-pagefind-meta="title">${url}</h1><p>${text}</p><span hidden data-pagefind-filter="theme:${text.split(' ')[0]}"></span></article></body></html>`,
});

/** Eight pages in two parts of four, as a survey's index in halves: `pagefind/` and `pagefind/part-2/`. */
const PAGES_PER_PART = 4;
const records = [
  'reflection agents',
  'planning with tools',
  'verification of proofs',
  'search engines',
  'code repair',
  'web agents',
  'robots that plan',
  'tool use',
].map((text, index) => page(`/papers/p${index}/`, text));

/**
 * Writes the index of `pages` into a new site folder, the records added in two batches as Astro hands them over; with
 * `lastRecords`, its first part parsed ahead from those. Returns the site folder, and the records to parse the next
 * build's first part ahead from.
 */
async function writeIndex(name: string, pages: readonly SearchRecord[], lastRecords?: readonly SearchRecord[]) {
  const index = await openSearchIndex(PAGES_PER_PART);
  if (lastRecords) index.parseAhead(lastRecords);
  index.add(pages.slice(0, 3));
  index.add(pages.slice(3));
  index.allAdded();
  const kept = index.firstPartRecords();
  const root = join(scratch, name);
  await index.write(root);
  return { root, kept };
}

/** The index parsed ahead from `before`'s records and then given `after`'s is the one `after` alone makes. */
async function expectParsedAheadLikeAfresh(name: string, before: readonly SearchRecord[], after: readonly SearchRecord[]) {
  const last = await writeIndex(`${name}-last`, before);
  const ahead = await writeIndex(`${name}-ahead`, after, last.kept);
  const afresh = await writeIndex(`${name}-afresh`, after);
  expectSameFiles(join(ahead.root, 'pagefind'), join(afresh.root, 'pagefind'));
  return last;
}

const withNote = (pages: readonly SearchRecord[], at: number) =>
  pages.map((record, index) =>
    index === at ? { url: record.url, html: record.html.replace('</p>', ' with a curator’s note</p>') } : record,
  );

describe('index parts parsed ahead from the last build’s records', () => {
  test('keeps the first part’s records, in order', async () => {
    expect((await writeIndex('kept', records)).kept).toEqual(records.slice(0, PAGES_PER_PART));
  });

  test('one record changed in the first part: the index parsed afresh', async () => {
    await expectParsedAheadLikeAfresh('first-part', records, withNote(records, 1));
  });

  test('one record changed in the second part, the first part unchanged: the index parsed afresh', async () => {
    await expectParsedAheadLikeAfresh('second-part', records, withNote(records, 6));
  });

  test('nothing changed: the same index', async () => {
    await expectParsedAheadLikeAfresh('unchanged', records, records);
  });

  test('a paper added or gone, in either part: the parse ahead dropped, the index parsed afresh', async () => {
    const added = [...records.slice(0, 2), page('/papers/p1b/', 'critique models'), ...records.slice(2, 7)];
    await expectParsedAheadLikeAfresh('added', records, added);
    await expectParsedAheadLikeAfresh('gone-from-first', records, [
      ...records.slice(0, 3),
      ...records.slice(4),
      page('/papers/p9/', 'memory'),
    ]);
    await expectParsedAheadLikeAfresh('gone-at-end', records, records.slice(0, 7));
  });

  test('records of the same URLs in another order: the index parsed afresh', async () => {
    await expectParsedAheadLikeAfresh('reordered', records, [records[1]!, records[0]!, ...records.slice(2)]);
  });
});
