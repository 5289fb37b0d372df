/**
 * An index of more than INDEX_BESIDE_PAGES pages is cut in two halves (src/lib/search/index-parts.ts), and
 * `npm run build` parses both while Astro renders (src/integrations/search-index.ts): the first part's records as they
 * come, starting with those made ahead, and the second's, in a worker's Pagefind, once every record is in. However its
 * records arrived, each half must be the index Pagefind writes of that half's records alone, byte for byte.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { openSearchIndex, writeIndexPart } from '../../src/integrations/search-index.ts';
import { INDEX_BESIDE_PAGES, pagesPerIndexPart, searchIndexFolders } from '../../src/lib/search/index-parts.ts';
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
  page(`/papers/p${String(index).padStart(5, '0')}/`, `${WORDS[index % WORDS.length]} ${WORDS[(index * 7) % WORDS.length]} ${index}${note}`);

/** Just over the size written in one part: a survey's papers, then its theme pages. */
const PAPERS = INDEX_BESIDE_PAGES + 400;
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

/** Writes the build's `records` in batches of 500 as Astro hands them over, with `ahead` indexed first when given. */
async function writtenAsTheBuildDoes(name: string, records: readonly SearchRecord[], ahead?: readonly SearchRecord[]): Promise<string> {
  const index = await openSearchIndex();
  if (ahead) expect(index.addAhead(ahead)).toBe(true);
  for (let start = 0; start < records.length; start += 500) index.add(records.slice(start, start + 500));
  expect(index.allAdded()).toEqual({ pages: records.length, parts: 2 });
  const root = join(scratch, name);
  const written = await index.write(root);
  expect(written).toMatchObject({ pages: records.length, parts: 2, partsTaken: 0 });
  return root;
}

describe('an index in two halves, parsed while the build goes on', () => {
  test('with records made ahead, one of them without its note: each half as Pagefind writes its records alone', async () => {
    const records = [...papers.map((record, index) => (index === 10 || index === PAPERS - 3 ? paper(index, ' with a note') : record)), ...themes];
    const reference = await writtenPartByPart('reference-noted', records);
    expectSameFiles(await writtenAsTheBuildDoes('ahead', records, papers), reference);
  }, 120_000);

  test('without records made ahead', async () => {
    const records = [...papers, ...themes];
    expectSameFiles(await writtenAsTheBuildDoes('astro-only', records), await writtenPartByPart('reference', records));
  }, 120_000);

  test('with papers gone while the build ran, fewer than were made ahead: the first half made anew, cut where it ends', async () => {
    // 300 papers fewer: 5,200 pages in halves of 2,600, while the first 2,700 made ahead went to the first.
    const records = [...papers.slice(0, PAPERS - 300), ...themes];
    const index = await openSearchIndex();
    expect(index.addAhead(papers)).toBe(true);
    for (let start = 0; start < records.length; start += 500) index.add(records.slice(start, start + 500));
    expect(index.allAdded()).toEqual({ pages: records.length, parts: 2 });
    const root = join(scratch, 'fewer');
    await index.write(root);
    expectSameFiles(root, await writtenPartByPart('reference-fewer', records));
  }, 120_000);
});
