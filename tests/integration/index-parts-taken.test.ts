/**
 * A search index part whose records are those the last build's same part was made from is taken from that site whole,
 * without Pagefind (src/integrations/search-index.ts). Whatever is taken, the index must be the one a write from
 * scratch makes, byte for byte: when every part is unchanged, when one record changed, and when a file of the last
 * site's part has gone (that part is then written, not taken). The whole build's side is in reuse-pages.test.ts.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { openSearchIndex, type IndexWriteOptions, type IndexWritten } from '../../src/integrations/search-index.ts';
import type { SearchRecord } from '../../src/lib/search/search-records.ts';
import { expectSameFiles } from '../helpers/tree.ts';

const scratch = mkdtempSync(join(tmpdir(), 'index-parts-taken-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const page = (url: string, text: string): SearchRecord => ({
  url,
  html: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"></head><body><article data-pagefind-body><h1 data-pagefind-meta="title">${url}</h1><p>${text}</p></article></body></html>`,
});

/** Seven pages in parts of three: `pagefind/`, `pagefind/part-2/`, `pagefind/part-3/`. */
const PAGES_PER_PART = 3;
const records = ['reflection agents', 'planning with tools', 'verification', 'search', 'code repair', 'web agents', 'robots'].map(
  (text, index) => page(`/papers/p${index}/`, text),
);

/** Writes an index of `pages` into a new site folder, in two batches as Astro hands them over. */
async function writeIndex(
  name: string,
  pages: readonly SearchRecord[],
  options?: IndexWriteOptions,
  partPages = PAGES_PER_PART,
): Promise<{ root: string; written: IndexWritten }> {
  const index = await openSearchIndex(partPages);
  index.add(pages.slice(0, 4));
  index.add(pages.slice(4));
  const root = join(scratch, name);
  return { root, written: await index.write(root, options) };
}

/** The index of the site at `built` is the one at `reference`, file for file. */
const expectSameIndex = (built: string, reference: string) => expectSameFiles(join(built, 'pagefind'), join(reference, 'pagefind'));

describe('index parts taken from the last build', () => {
  test('every part unchanged: all taken, the same index', async () => {
    const first = await writeIndex('first', records);
    expect(first.written).toMatchObject({ pages: 7, parts: 3, partsTaken: 0 });
    expect(Object.keys(first.written.partDigests)).toEqual(['pagefind/', 'pagefind/part-2/', 'pagefind/part-3/']);
    const again = await writeIndex('again', records, { reuseFrom: first.root, lastParts: first.written.partDigests });
    expect(again.written.partsTaken).toBe(3);
    expect(again.written.partDigests).toEqual(first.written.partDigests);
    expectSameIndex(again.root, first.root);
  });

  test('one record changed: its part written, the others taken, the index a write from scratch makes', async () => {
    const first = await writeIndex('before-change', records);
    const changed = records.map((record, index) => (index === 4 ? page(record.url, 'code repair with a curator’s note') : record));
    const rebuilt = await writeIndex('after-change', changed, { reuseFrom: first.root, lastParts: first.written.partDigests });
    expect(rebuilt.written.partsTaken).toBe(2);
    expect(rebuilt.written.partDigests['pagefind/part-2/']).not.toBe(first.written.partDigests['pagefind/part-2/']);
    expectSameIndex(rebuilt.root, (await writeIndex('changed-from-scratch', changed)).root);
  });

  test('a file of the last site’s part gone: that part written anew, not taken', async () => {
    const first = await writeIndex('damaged', records);
    const fragment = readdirSync(join(first.root, 'pagefind/part-2/fragment'))[0]!;
    rmSync(join(first.root, 'pagefind/part-2/fragment', fragment));
    const rebuilt = await writeIndex('after-damage', records, { reuseFrom: first.root, lastParts: first.written.partDigests });
    expect(rebuilt.written.partsTaken).toBe(2);
    expectSameIndex(rebuilt.root, (await writeIndex('from-scratch', records)).root);
  });

  test('no digests of the last build, or another folder’s: nothing taken', async () => {
    const first = await writeIndex('unnamed', records);
    expect((await writeIndex('no-digests', records, { reuseFrom: first.root })).written.partsTaken).toBe(0);
    const shuffled = {
      'pagefind/': first.written.partDigests['pagefind/part-2/']!,
      'pagefind/part-2/': first.written.partDigests['pagefind/']!,
    };
    expect((await writeIndex('other-parts', records, { reuseFrom: first.root, lastParts: shuffled })).written.partsTaken).toBe(0);
  });

  test('a part taken, or the index closed, while Pagefind is still parsing its records: stopped quietly', async () => {
    // Thousands of records, as a real survey's first part: the build takes the part (or fails) long before Pagefind
    // has parsed them all, and closing it then made each record still in its pipe print an error of Pagefind's own.
    const many = Array.from({ length: 3000 }, (_, index) => page(`/papers/q${index}/`, `paper ${index} on agents`));
    const lastBuild = await writeIndex('many', many, undefined, many.length);
    const errors = vi.spyOn(console, 'error');
    try {
      const again = await openSearchIndex(many.length);
      again.add(many);
      again.allAdded();
      const written = await again.write(join(scratch, 'many-again'), {
        reuseFrom: lastBuild.root,
        lastParts: lastBuild.written.partDigests,
      });
      expect(written.partsTaken).toBe(1);
      const closed = await openSearchIndex(many.length);
      closed.add(many);
      await closed.close();
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
    expectSameIndex(join(scratch, 'many-again'), lastBuild.root);
  });
});
