/**
 * A big table's first page in a browser: its controls load the other pages' rows, so the count, filters, sorting
 * and export cover every paper of the table, and the pager steps aside.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtLargeSite, LARGE_SURVEY_PAPERS } from '../helpers/paths.ts';
import { useServedSite } from '../helpers/browser.ts';

const site = useServedSite(builtLargeSite);
const papers = (
  JSON.parse(readFileSync(join(builtLargeSite, 'data/papers.json'), 'utf8')) as {
    papers: { id: string; date: string | null; hidden: boolean }[];
  }
).papers.filter((paper) => !paper.hidden);

describe('a table in pages', () => {
  test('the first page sorts and filters every paper of the table, not only its own rows', async () => {
    const page = await (await site.browser.newContext()).newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    await page.goto(`${site.url}/papers/`);
    await page.locator('paper-table table').scrollIntoViewIfNeeded();
    await expect
      .poll(() => page.locator('.table-count').innerText(), { timeout: 15_000 })
      .toBe(`${LARGE_SURVEY_PAPERS} of ${LARGE_SURVEY_PAPERS} papers`);
    expect(await page.locator('[data-table-pager]').isHidden()).toBe(true);
    expect(await page.locator('#all-papers tbody tr').count()).toBe(LARGE_SURVEY_PAPERS);

    // Oldest first across all pages: the first row is the survey's oldest dated paper.
    await page.locator('th[data-col="date"] button').click();
    await page.locator('th[data-col="date"] button').click();
    await expect.poll(() => page.locator('th[data-col="date"]').getAttribute('aria-sort')).toBe('ascending');
    const oldest = papers.filter((paper) => paper.date).sort((a, b) => (a.date! < b.date! ? -1 : 1))[0]!;
    const firstDate = await page.locator('#all-papers tbody tr:not([hidden]) td[data-col="date"]').first().getAttribute('data-sort');
    expect(firstDate).toBe(oldest.date);

    // A text filter counts matches on every page.
    await page.locator('.table-tools input[type="search"]').fill('driving');
    const matching = await page
      .locator('#all-papers tbody tr')
      .evaluateAll((rows) => rows.filter((row) => (row.textContent ?? '').toLowerCase().includes('driving')).length);
    expect(matching).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.table-count').innerText()).toBe(`${matching} of ${LARGE_SURVEY_PAPERS} papers`);
    expect(problems).toEqual([]);
  });

  test('without JavaScript every page is complete and linked from the pager', async () => {
    const page = await (await site.browser.newContext({ javaScriptEnabled: false })).newPage();
    await page.goto(`${site.url}/papers/`);
    expect(await page.locator('#all-papers tbody tr').count()).toBe(200);
    await page.locator('[data-table-pager] a[rel="next"]').click();
    await page.waitForURL(/\/papers\/page\/2\/$/);
    expect(await page.locator('#all-papers tbody tr').count()).toBe(200);
    await page.locator('[data-table-pager] a', { hasText: '3' }).click();
    await page.waitForURL(/\/papers\/page\/3\/$/);
    expect(await page.locator('#all-papers tbody tr').count()).toBe(LARGE_SURVEY_PAPERS - 400);
  });
});
