/**
 * The search index is made from the survey's data while the pages render (src/data/search-records.ts), not read back
 * from the written pages. Here every test build's index is made again the old way — from its built pages, every page
 * that marks a `data-pagefind-body` — and the two must be the same, file for file and byte for byte: the same pages,
 * words, weights, excerpts, meta, filters and sort orders. A page that gains searchable text its record lacks, or a
 * new kind of searchable page without records, fails here. The large test survey's index is in parts, and each
 * part is the index of its share of the pages.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, test } from 'vitest';
import { PAGES_PER_INDEX_PART, searchIndexFolders } from '../../src/lib/search/index-parts.ts';
import {
  builtFixtureSite,
  builtLargeSite,
  LARGE_SURVEY_INDEX_PART_PAGES,
  builtLibrarySite,
  builtNewSite,
  builtSite,
  builtSiteUnderBase,
} from '../helpers/paths.ts';
import { htmlPages } from '../helpers/site.ts';
import { expectSameFiles } from '../helpers/tree.ts';

const scratch = mkdtempSync(join(tmpdir(), 'survey-index-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * Indexes a built site's searchable pages as Pagefind reads pages, in the order of their URLs (as the records come),
 * into `siteRoot`: one index, or parts of `partPages` pages each in an index of its own.
 */
async function indexFromPages(site: string, siteRoot: string, partPages: number): Promise<number> {
  const pages = htmlPages(site)
    .map((page) => ({ url: `/${page.replace(/index\.html$/, '')}`, html: readFileSync(join(site, page), 'utf8') }))
    .filter((page) => page.html.includes('data-pagefind-body'))
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  for (const [part, folder] of searchIndexFolders(pages.length, partPages).entries()) {
    const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
    for (const page of pages.slice(part * partPages, (part + 1) * partPages)) {
      const added = await index!.addHTMLFile({ url: page.url, content: page.html });
      expect(added.errors).toEqual([]);
    }
    expect((await index!.writeFiles({ outputPath: join(siteRoot, folder) })).errors).toEqual([]);
    await pagefind.close();
  }
  return pages.length;
}

describe('the search index made from the data', () => {
  const sites = {
    dist: builtSite,
    'dist-base': builtSiteUnderBase,
    'dist-fixture': builtFixtureSite,
    'dist-large': builtLargeSite,
    'dist-library': builtLibrarySite,
    'dist-new': builtNewSite,
  };
  test.each(Object.entries(sites))('is, for %s, the index of its built pages, byte for byte', async (name, site) => {
    const partPages = site === builtLargeSite ? LARGE_SURVEY_INDEX_PART_PAGES : PAGES_PER_INDEX_PART;
    const pages = await indexFromPages(site, join(scratch, name), partPages);
    expect(pages).toBeGreaterThan(0);
    // The large survey's index is in parts (pagefind/part-2/ and on), each the index of its share of the pages.
    if (site === builtLargeSite) expect(pages).toBeGreaterThan(2 * partPages);
    const reference = join(scratch, name, 'pagefind');
    const built = join(site, 'pagefind');
    expectSameFiles(built, reference);
  });
});
