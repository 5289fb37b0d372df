/**
 * An index of more than ONE_INDEX_PAGES pages is cut in two halves (src/lib/search/index-parts.ts), and
 * `npm run build` parses both while Astro renders (src/integrations/search-index.ts): the first part's records as they
 * come, and the second's, in a worker's Pagefind, once every record is in. However its records arrived, each half
 * must be the index Pagefind writes of that half's records alone, byte for byte.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { openSearchIndex, writeIndexPart } from '../../src/integrations/search-index.ts';
import { ONE_INDEX_PAGES, pagesPerIndexPart, searchIndexFolders } from '../../src/lib/search/index-parts.ts';
import { writeSlots } from '../../src/lib/search/write-slots.ts';
import type { SearchRecord } from '../../src/lib/search/search-records.ts';
import { expectSameFiles } from '../helpers/tree.ts';

const scratch = mkdtempSync(join(tmpdir(), 'index-halves-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const WORDS = ['reflection', 'agents', 'planning', 'tools', 'verification', 'search', 'code', 'repair', 'memory', 'critique'];
const page = (url: string, text: string): SearchRecord => ({
  url,
  html: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"></head><body><article data-pagefind-body><h1 data-pagefind-meta="title">${url}</h1><p>${text}</p></article></body></html>`,
});
const paper = (index: number, note = '') =>
  page(
    `/papers/p${String(index).padStart(5, '0')}/`,
    `${WORDS[index % WORDS.length]} ${WORDS[(index * 7) % WORDS.length]} ${index}${note}`,
  );

/** Just over the size written in one part: a survey's papers, then its theme pages. */
const PAPERS = ONE_INDEX_PAGES + 400;
const papers = Array.from({ length: PAPERS }, (_, index) => paper(index));
const themes = Array.from({ length: 100 }, (_, index) => page(`/themes/t${index}/`, `theme ${WORDS[index % WORDS.length]}`));

/** The index Pagefind writes of each part's records alone: the reference. */
async function writtenPartByPart(name: string, records: readonly SearchRecord[]): Promise<string> {
  const root = join(scratch, name);
  const perPart = pagesPerIndexPart(records.length);
  for (const [part, folder] of searchIndexFolders(records.length, perPart).entries()) {
    await writeIndexPart(records.slice(part * perPart, (part + 1) * perPart), join(root, folder));
  }
  return root;
}

/**
 * Writes the build's `records` in batches of `batch` as Astro hands them over, and the halves one at a time as the
 * build does while Astro renders (its slots are never widened here: one at a time must finish on its own).
 */
async function writtenAsTheBuildDoes(name: string, records: readonly SearchRecord[], batch = 500): Promise<string> {
  const index = await openSearchIndex();
  for (let start = 0; start < records.length; start += batch) index.add(records.slice(start, start + batch));
  expect(index.allAdded()).toEqual({ pages: records.length, parts: 2, largestPart: Math.ceil(records.length / 2) });
  const root = join(scratch, name);
  const written = await index.write(root, { slots: writeSlots(1) });
  expect(written).toMatchObject({ pages: records.length, parts: 2, partsTaken: 0 });
  return root;
}

describe('an index in two halves, parsed while the build goes on', () => {
  test('in batches as Astro hands them over', async () => {
    const records = [...papers, ...themes];
    expectSameFiles(await writtenAsTheBuildDoes('astro-only', records), await writtenPartByPart('reference', records));
  }, 120_000);

  test('in one batch, and in batches that cross the first half’s end and the records sent as they come', async () => {
    // 5,200 pages in halves of 2,600: the first 2,501 go to the first half as they come, whatever the total.
    const records = [...papers.slice(0, PAPERS - 300), ...themes];
    const reference = await writtenPartByPart('reference-fewer', records);
    expectSameFiles(await writtenAsTheBuildDoes('one-batch', records, records.length), reference);
    expectSameFiles(await writtenAsTheBuildDoes('odd-batches', records, 777), reference);
  }, 120_000);
});
