/** A survey started with `npm run new`, in the browser: its home, a proposed theme and a paper, with no errors. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtNewSite, NEW_SURVEY_TITLE } from '../helpers/paths.ts';
import { useServedSite } from '../helpers/browser.ts';

const site = useServedSite(builtNewSite);
const papers = (
  JSON.parse(readFileSync(join(builtNewSite, 'data/papers.json'), 'utf8')) as {
    papers: Array<{ id: string; title: string; themes: string[]; authors: { names: string[] } }>;
  }
).papers;

describe('a survey started with npm run new', () => {
  test('home, a proposed theme and a paper page open and read right, with no console errors', async () => {
    const page = await (await site.browser.newContext()).newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));

    await page.goto(`${site.url}/`);
    expect(await page.locator('h1').innerText()).toBe(NEW_SURVEY_TITLE);
    expect(await page.locator('.stats').innerText()).toMatch(/^36 papers in \d+ themes\.$/);
    const cards = page.locator('.theme-grid a');
    expect(await cards.count()).toBeGreaterThanOrEqual(4);

    const theme = (await cards.first().innerText()).trim();
    await cards.first().click();
    await page.waitForURL(/\/themes\/[a-z0-9-]+\/$/);
    expect(await page.locator('h1').innerText()).toBe(theme);
    const rows = page.locator('#theme-papers tbody tr');
    expect(await rows.count()).toBeGreaterThan(1);

    await rows.first().locator('th a').click();
    await page.waitForURL(/\/papers\/[a-z0-9-]+\/$/);
    const id = new URL(page.url()).pathname.split('/').at(-2)!;
    const paper = papers.find((candidate) => candidate.id === id)!;
    expect(await page.locator('h1').innerText()).toBe(paper.title);
    expect(await page.locator('.authors a').allInnerTexts()).toEqual(paper.authors.names);
    expect(await page.locator('.cite pre').innerText()).toMatch(/^@\w+\{/);
    expect(problems).toEqual([]);
  });
});
