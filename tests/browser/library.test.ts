/** A survey of a reference library in the browser: authors searched, filtered and cited. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtLibrarySite, projectRoot } from '../helpers/paths.ts';
import { useServedSite } from '../helpers/browser.ts';

const site = useServedSite(builtLibrarySite);
const papers = (
  JSON.parse(readFileSync(join(builtLibrarySite, 'data/papers.json'), 'utf8')) as {
    papers: Array<{ id: string; title: string; authors: { names: string[] } }>;
  }
).papers;

describe('a survey of a reference library, in the browser', () => {
  test("search finds papers by an author's name and an organisation's, as the relevance set asks", async () => {
    const { library } = JSON.parse(readFileSync(join(projectRoot, 'tests/fixtures/relevance.json'), 'utf8')) as {
      library: Array<{ query: string; top5: string[] }>;
    };
    const page = await (await site.browser.newContext()).newPage();
    await page.goto(`${site.url}/search/`);
    await page.locator('[data-status]').filter({ hasText: 'Type to search' }).waitFor();
    const failures: string[] = [];
    for (const { query, top5 } of library) {
      await page.locator('#search-query').fill(query);
      await expect.poll(() => page.locator('[data-status]').innerText(), { timeout: 10_000 }).toContain(`“${query}”`);
      const titles = (await page.locator('[data-results] .result-link').allInnerTexts()).slice(0, 5);
      const missing = top5.filter((wanted) => !titles.some((title) => title.startsWith(wanted)));
      if (missing.length > 0) failures.push(`${query}: missing ${missing.join(', ')} in ${titles.join(' | ')}`);
    }
    expect(failures).toEqual([]);
  });

  test("an author's name on a paper page opens the table filtered to their papers", async () => {
    const page = await (await site.browser.newContext()).newPage();
    const paper = papers.find((candidate) => candidate.title.startsWith('Curriculum Distillation'))!;
    await page.goto(`${site.url}/papers/${paper.id}/`);
    await page.locator('.authors a', { hasText: 'Chloé Iyer' }).click();
    await page.waitForURL(/\/papers\/\?q=/);
    const expected = papers
      .filter((candidate) => candidate.authors.names.includes('Chloé Iyer'))
      .map((candidate) => candidate.title)
      .sort();
    await expect.poll(async () => (await page.locator('#all-papers tbody tr:not([hidden]) th a').allInnerTexts()).sort()).toEqual(expected);
    // The table shows three family names at most; the filter still finds an author named only further on.
    await page.locator('.table-tools input[type="search"]').fill('Haddad');
    const withHaddad = papers.filter((candidate) => candidate.authors.names.some((name) => name.endsWith('Haddad'))).length;
    await expect.poll(() => page.locator('#all-papers tbody tr:not([hidden])').count()).toBe(withHaddad);
  });

  test("the Cite block copies the paper's BibTeX, and reads the same without JavaScript", async () => {
    const context = await site.browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
    const page = await context.newPage();
    const paper = papers.find((candidate) => candidate.title.startsWith('Process Rewards'))!;
    await page.goto(`${site.url}/papers/${paper.id}/`);
    const bibtex = await page.locator('.cite pre').innerText();
    expect(bibtex).toMatch(/^@\w+\{okaforProcessRewardsMultistep2024,/);
    await page.getByRole('button', { name: 'Copy BibTeX' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(bibtex);
    const plain = await (await site.browser.newContext({ javaScriptEnabled: false })).newPage();
    await plain.goto(`${site.url}/papers/${paper.id}/`);
    expect(await plain.locator('.cite pre').innerText()).toBe(bibtex);
    expect(await plain.locator('.cite button').count()).toBe(0);
  });
});
