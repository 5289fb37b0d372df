/** The comparison table's controls in a real browser, driven with the keyboard only. */
import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { builtSite } from '../helpers/paths.ts';
import { useServedSite } from '../helpers/browser.ts';

const site = useServedSite(builtSite);

async function openTable(path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await (await site.browser.newContext({ acceptDownloads: true })).newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  await page.goto(`${site.url}${path}`);
  await page.locator('paper-table table').scrollIntoViewIfNeeded();
  await page.locator('.table-count').waitFor();
  return { page, problems };
}
const visibleTitles = (page: Page) => page.locator('table.paper-table tbody tr:not([hidden]) th a').allInnerTexts();
const count = (page: Page) => page.locator('.table-count').innerText();

/** Moves keyboard focus to the element matching `selector` with Tab presses, as a keyboard user would. */
async function tabTo(page: Page, selector: string, limit = 200) {
  const target = page.locator(selector).first();
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((node) => node === document.activeElement)) return;
  }
  throw new Error(`could not reach ${selector} with Tab`);
}

describe('the comparison table', () => {
  test('sorts by a column from the keyboard, with aria-sort, unknowns last', async () => {
    const { page, problems } = await openTable('/papers/');
    await tabTo(page, 'th[data-col="upvotes"] button');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('th[data-col="upvotes"]').getAttribute('aria-sort')).toBe('descending');
    const upvotes = await page
      .locator('tbody tr td[data-col="upvotes"]')
      .evaluateAll((cells) => cells.map((cell) => (cell as HTMLElement).dataset.sort ?? ''));
    const known = upvotes.filter(Boolean).map(Number);
    expect(known).toEqual([...known].sort((a, b) => b - a));
    expect(upvotes.slice(known.length).every((value) => value === '')).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('th[data-col="upvotes"]').getAttribute('aria-sort')).toBe('ascending');
    expect(page.url()).toContain('sort=upvotes&dir=asc');
    expect(problems).toEqual([]);
  });

  test('filters with chips (AND across facets, OR within one) and a text filter, counting live', async () => {
    const { page } = await openTable('/themes/code-agents/');
    expect(await count(page)).toBe('18 of 18 papers');
    await tabTo(page, '.chip-group summary');
    await page.keyboard.press('Enter');
    await tabTo(page, '.chip[data-filter="approach"][data-value="Search (MCTS, tree search)"]');
    await page.keyboard.press('Enter');
    const search = Number((await count(page)).split(' ')[0]);
    expect(search).toBeGreaterThan(1);
    await tabTo(page, '.chip[data-filter="approach"][data-value="Reinforcement learning"]');
    await page.keyboard.press('Space');
    const either = Number((await count(page)).split(' ')[0]);
    expect(either).toBeGreaterThan(search);
    await tabTo(page, '.table-tools input[type="search"]');
    await page.keyboard.type('monte carlo');
    await expect
      .poll(() => visibleTitles(page))
      .toEqual(expect.arrayContaining(['RethinkMCTS: Refining Erroneous Thoughts in Monte Carlo Tree Search for Code Generation']));
    for (const title of await visibleTitles(page)) expect(title.length).toBeGreaterThan(0);
    expect(page.url()).toMatch(/q=monte\+carlo/);
    expect(page.url()).toMatch(/approach=Search/);
  });

  test('the state in the URL is restored on reload and can be shared', async () => {
    const { page } = await openTable('/themes/autonomous-driving/?benchmark=NAVSIM&hide=upvotes&sort=date&dir=asc');
    expect(await count(page)).toMatch(/^3 of 9 papers$/);
    expect(await page.locator('th[data-col="upvotes"]').isHidden()).toBe(true);
    expect(await page.locator('th[data-col="date"]').getAttribute('aria-sort')).toBe('ascending');
    const titles = await visibleTitles(page);
    await page.reload();
    await page.locator('.table-count').waitFor();
    expect(await visibleTitles(page)).toEqual(titles);
    expect(titles[0]).toMatch(/^NAVSIM/);
  });

  test('exports the visible rows as CSV and BibTeX', async () => {
    const { page } = await openTable('/themes/autonomous-driving/?benchmark=NAVSIM');
    await tabTo(page, 'button.export:text("Export CSV")');
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const rows = parseCsv(readFileSync((await csvDownload.path())!, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(3);
    expect(rows.map((row) => row.Title)).toEqual(await visibleTitles(page));
    expect(rows[0]).toHaveProperty('URL');
    expect(rows.every((row) => row.Benchmarks!.includes('NAVSIM'))).toBe(true);
    await page.keyboard.press('Tab');
    const [bibDownload] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const bib = readFileSync((await bibDownload.path())!, 'utf8');
    expect(bib.match(/^@misc\{/gm)).toHaveLength(3);
    expect(bib).toContain('@misc{navsim-data-driven-non-reactive-autonomous-vehicle-simulation-and-benchmarking,');
  });

  test('a count on /compare/ opens the theme table filtered to it', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/compare/`);
    const link = page
      .locator('#themes-by-approach tbody tr', { hasText: 'Autonomous driving' })
      .locator('a[href*="approach=Reinforcement"]');
    const expected = Number((await link.innerText()).trim());
    await link.click();
    await page.locator('.table-count').waitFor();
    expect(await page.locator('.table-count').innerText()).toBe(`${expected} of 9 papers`);
  });
});
