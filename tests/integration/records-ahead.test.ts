/**
 * `npm run build` indexes the paper records it makes from the generated files ahead of Astro's own
 * (src/lib/search/records-ahead.ts, src/integrations/search-index.ts). Whatever was made ahead, the index written is
 * the one Astro's records alone make, byte for byte: when they line up (a note's text replacing a record in its
 * place), and when they do not (a paper hidden or shown by a note while the build ran), where the index is made anew.
 * The built sites' indexes are compared with their pages' in search-records.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openSearchIndex } from '../../src/integrations/search-index.ts';
import type { SearchRecord } from '../../src/lib/search/search-records.ts';
import { expectSameFiles } from '../helpers/tree.ts';

const scratch = mkdtempSync(join(tmpdir(), 'records-ahead-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const page = (url: string, text: string): SearchRecord => ({
  url,
  html: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"></head><body><article data-pagefind-body><h1 data-pagefind-meta="title">${url}</h1><p>${text}</p></article></body></html>`,
});

/** Astro's records: papers in URL order, then a theme page, in two batches. */
const astroRecords = [
  [page('/papers/a/', 'reflection agents'), page('/papers/b/', 'planning with a note on tools'), page('/papers/c/', 'verification')],
  [page('/papers/d/', 'search'), page('/themes/rl/', 'reinforcement learning')],
];

/** Writes an index of Astro's records, with `ahead` indexed first when given; the folder it is in. */
async function writeIndex(name: string, ahead?: SearchRecord[]): Promise<string> {
  const index = await openSearchIndex();
  if (ahead) expect(index.addAhead(ahead)).toBe(true);
  for (const batch of astroRecords) index.add(batch);
  const root = join(scratch, name);
  await index.write(root);
  return join(root, 'pagefind');
}


/** The papers' records as the build script makes them ahead: the build's own, but paper b without its note's text. */
const madeAhead = [
  page('/papers/a/', 'reflection agents'),
  page('/papers/b/', 'planning'),
  page('/papers/c/', 'verification'),
  page('/papers/d/', 'search'),
];

describe('records indexed ahead of the build’s own', () => {
  let reference: string;
  beforeAll(async () => {
    reference = await writeIndex('reference');
  });

  test('that line up, one without its note’s text: the index of the build’s records alone', async () => {
    expectSameFiles(await writeIndex('lined-up', madeAhead), reference);
  });

  test('that do not line up (a paper the build hid, a paper it shows): made anew from the build’s records', async () => {
    const withHidden = [madeAhead[0]!, page('/papers/aa/', 'hidden since'), ...madeAhead.slice(1)];
    expectSameFiles(await writeIndex('hidden', withHidden), reference);
    const withoutOne = madeAhead.filter((record) => record.url !== '/papers/b/');
    expectSameFiles(await writeIndex('shown', withoutOne), reference);
  });

  test('are refused once the build’s own records have come', async () => {
    const index = await openSearchIndex();
    index.add(astroRecords[0]!);
    expect(index.addAhead([page('/papers/a/', 'reflection agents')])).toBe(false);
    await index.close();
  });
});
