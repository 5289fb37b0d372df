/**
 * Search over an index in parts, as a large survey's is written (src/lib/search/index-parts.ts): the large test
 * survey is built in parts of a few hundred pages, and one search must cover every part — its results, their
 * number and the filters' counts are those of the whole survey.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { searchIndexFolders } from '../../src/lib/search/index-parts.ts';
import { sitePaths } from '../../src/lib/site/site-url.ts';
import { useServedSite } from '../helpers/browser.ts';
import { htmlPages } from '../helpers/site.ts';
import { builtLargeSite, LARGE_SURVEY_INDEX_PART_PAGES } from '../helpers/paths.ts';

const site = useServedSite(builtLargeSite);
const papers = (
  JSON.parse(readFileSync(join(builtLargeSite, 'data/papers.json'), 'utf8')) as {
    papers: { id: string; title: string; date: string | null; hidden: boolean }[];
  }
).papers.filter((paper) => !paper.hidden);
// The records go to the parts in the order of their URLs: the paper pages first, so this is each paper's part.
const urls = papers.map((paper) => sitePaths.paper(paper.id)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const partOf = (id: string) => Math.floor(urls.indexOf(sitePaths.paper(id)) / LARGE_SURVEY_INDEX_PART_PAGES);

async function openSearch(query: string) {
  const page = await (await site.browser.newContext()).newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  await page.goto(`${site.url}/search/${query}`);
  return { page, problems };
}

describe('a search index in parts', () => {
  test('the search page names the parts after the first', async () => {
    const { page } = await openSearch('');
    // One record per searchable page (paper and theme pages), as the index holds them.
    const searchable = htmlPages(builtLargeSite).filter((file) =>
      readFileSync(join(builtLargeSite, file), 'utf8').includes('data-pagefind-body'),
    );
    const parts = searchIndexFolders(searchable.length, LARGE_SURVEY_INDEX_PART_PAGES).slice(1);
    expect(parts.length).toBeGreaterThanOrEqual(2);
    expect(await page.locator('survey-search').getAttribute('data-index-parts')).toBe(parts.join(' '));
  });

  test("a filter's results and counts are the whole survey's, from every part", async () => {
    const byYear = new Map<string, typeof papers>();
    for (const paper of papers) {
      const year = paper.date?.slice(0, 4) ?? 'undated';
      byYear.set(year, [...(byYear.get(year) ?? []), paper]);
    }
    const [year, inYear] = [...byYear].sort((a, b) => b[1].length - a[1].length)[0]!;
    expect(new Set(inYear.map((paper) => partOf(paper.id))).size).toBeGreaterThanOrEqual(2);
    // Before any search, each year's count is its papers in every part.
    const { page: start, problems } = await openSearch('');
    await start.locator('[data-status]').filter({ hasText: 'Type to search' }).waitFor({ timeout: 15_000 });
    for (const [otherYear, others] of byYear) {
      expect(await start.locator(`[data-filter-count="year:${otherYear}"]`).innerText(), otherYear).toBe(`(${others.length})`);
    }
    const { page } = await openSearch(`?year=${year}`);
    await expect.poll(() => page.locator('[data-status]').innerText(), { timeout: 15_000 }).toBe(`${inYear.length} results`);
    await expect.poll(() => page.locator(`[data-filter-count="year:${year}"]`).innerText()).toBe(`(${inYear.length})`);
    expect(problems).toEqual([]);
  });

  test('a paper of the last part is found by its title, as one of the first part is', async () => {
    const last = papers.find((paper) => partOf(paper.id) === Math.floor((urls.length - 1) / LARGE_SURVEY_INDEX_PART_PAGES))!;
    const first = papers.find((paper) => partOf(paper.id) === 0)!;
    for (const paper of [first, last]) {
      const { page, problems } = await openSearch(`?${new URLSearchParams({ q: paper.title })}`);
      await expect
        .poll(() => page.locator('[data-results] .result-link').first().getAttribute('href'), { timeout: 15_000 })
        .toMatch(new RegExp(`${sitePaths.paper(paper.id)}(\\?|$)`));
      expect(problems).toEqual([]);
    }
  });
});
