/** Search in a real browser (Debian's Chromium) against the built site served by `astro preview`. */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { builtSite, projectRoot } from '../helpers/paths.ts';
import { useServedSite } from '../helpers/browser.ts';

const site = useServedSite(builtSite);

async function openPage(path: string, options: { javaScriptEnabled?: boolean } = {}): Promise<{ page: Page; problems: string[] }> {
  const context = await site.browser.newContext(options);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await page.goto(`${site.url}${path}`);
  return { page, problems };
}

const resultTitles = (page: Page) => page.locator('[data-results] .result-link').allInnerTexts();

describe('searching the built survey', () => {
  test('typing "overthinking" in the header search box lists Thinkless and Self-Braking Tuning', async () => {
    const { page, problems } = await openPage('/');
    await page.keyboard.press('/');
    await page.keyboard.type('overthinking');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=overthinking/);
    await expect
      .poll(() => resultTitles(page))
      .toEqual(
        expect.arrayContaining(['Thinkless: LLM Learns When to Think', 'Let LLMs Break Free from Overthinking via Self-Braking Tuning']),
      );
    await expect.poll(() => page.locator('[data-status]').innerText()).toMatch(/^\d+ results for “overthinking”$/);
    expect(problems).toEqual([]);
  });

  test('results show themes, date and a highlighted excerpt', async () => {
    const { page } = await openPage('/search/?q=navsim');
    const first = page.locator('[data-results] li').first();
    await expect.poll(() => first.locator('.result-link').innerText()).toMatch(/NAVSIM|Pseudo-Simulation|RAP|Hydra/);
    expect(await first.locator('.result-meta').innerText()).toMatch(/Autonomous driving · \d{1,2} \w{3} \d{4}/);
    expect(await first.locator('.result-excerpt mark').count()).toBeGreaterThan(0);
  });

  test('filtering by theme keeps only that theme, and the filter is in the URL', async () => {
    const { page } = await openPage('/search/?q=reinforcement+learning');
    await expect.poll(async () => (await resultTitles(page)).length).toBeGreaterThan(5);
    await page.getByLabel(/GUI, web & computer-use agents/).check();
    await page.waitForURL(/theme=gui-web-agents/);
    await expect.poll(() => page.locator('[data-status]').innerText()).toMatch(/^\d results? for/);
    await expect.poll(() => page.locator('[data-results] .result-meta').count()).toBeGreaterThan(0);
    const metas = await page.locator('[data-results] .result-meta').allInnerTexts();
    for (const meta of metas) expect(meta).toMatch(/GUI, web & computer-use agents|^Theme$/);
  });

  test('sorting by date lists newest first and keeps papers without a date', async () => {
    const { page } = await openPage('/search/?theme=multimodal-reasoning&sort=newest');
    await expect.poll(() => page.locator('[data-status]').innerText()).toBe('16 results');
    await expect.poll(() => page.locator('[data-results] li').count()).toBe(16);
    const metas = await page.locator('[data-results] .result-meta').allInnerTexts();
    const dates = metas.filter((meta) => meta !== 'Theme').map((meta) => meta.split(' · ').at(-1)!);
    expect(dates).toContain('date unknown');
    const known = dates.filter((date) => date !== 'date unknown').map((date) => Date.parse(date));
    expect([...known].sort((a, b) => b - a)).toEqual(known);
  });

  test('a year filter can be shared as a link and is restored on load', async () => {
    const { page } = await openPage('/search/?year=2023');
    await expect.poll(() => page.getByLabel('2023').isChecked()).toBe(true);
    await expect.poll(async () => (await resultTitles(page)).length).toBeGreaterThan(0);
    for (const meta of await page.locator('[data-results] .result-meta').allInnerTexts()) expect(meta).toMatch(/2023$/);
  });

  test("a word that appears only in a curator's note finds the annotated paper", async () => {
    const { page } = await openPage('/search/?q=sobering');
    await expect.poll(() => resultTitles(page)).toEqual(['Feedback Friction: LLMs Struggle to Fully Incorporate External Feedback']);
    expect(await page.locator('[data-results] .result-excerpt mark').first().innerText()).toMatch(/sobering/i);
  });

  test('each filter narrows the results to papers that have the value', async () => {
    const cases: Array<[string, string]> = [
      ['approach', 'Search (MCTS, tree search)'],
      ['modality', 'Video'],
      ['code', 'with code'],
      ['annotated', 'annotated'],
    ];
    const papers = (
      JSON.parse(readFileSync(join(builtSite, 'data/papers.json'), 'utf8')) as {
        papers: Array<{ title: string; facets: Record<string, string[]>; code: string | null; annotated: boolean; hidden: boolean }>;
      }
    ).papers;
    for (const [name, value] of cases) {
      const { page } = await openPage(`/search/?${new URLSearchParams({ [name]: value })}`);
      await expect.poll(() => page.locator('[data-status]').innerText()).toMatch(/^\d+ results?$/);
      await expect.poll(() => page.locator('[data-results] li').count()).toBeGreaterThan(0);
      const expected = papers.filter((paper) =>
        name === 'code' ? Boolean(paper.code) : name === 'annotated' ? paper.annotated : (paper.facets[name] ?? []).includes(value),
      );
      expect(await page.locator('[data-status]').innerText(), name).toBe(`${expected.length} results`);
      // Every result shown has the value: none slips through the filter.
      const expectedTitles = new Set(expected.map((paper) => paper.title));
      for (const title of await resultTitles(page)) expect(expectedTitles.has(title), `${name}: ${title}`).toBe(true);
      expect(await page.locator(`input[name="${name}"][value="${value}"]`).isChecked(), name).toBe(true);
    }
  });

  test('sorting by upvotes lists the most upvoted first and keeps papers without upvotes', async () => {
    const papers = (
      JSON.parse(readFileSync(join(builtSite, 'data/papers.json'), 'utf8')) as {
        papers: Array<{ title: string; themes: string[]; upvotes: number | null }>;
      }
    ).papers;
    const driving = papers.filter((paper) => paper.themes.includes('autonomous-driving'));
    const { page } = await openPage('/search/?theme=autonomous-driving&sort=upvotes');
    await expect.poll(() => page.locator('[data-results] li').count()).toBe(driving.length + 1);
    const upvotes = (await resultTitles(page)).map((title) => driving.find((paper) => paper.title === title)?.upvotes ?? null);
    const known = upvotes.filter((value): value is number => value !== null);
    expect(known).toEqual([...known].sort((a, b) => b - a));
    expect(upvotes.filter((value) => value === null).length).toBeGreaterThan(0);
  });

  test('keyboard only: / to the box, type, arrow down through results, Enter opens one with the words highlighted', async () => {
    const { page, problems } = await openPage('/papers/');
    await page.keyboard.press('/');
    await page.keyboard.type('entropy collapse');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=entropy/);
    await expect.poll(() => page.locator('[data-results] li').count()).toBeGreaterThan(0);
    await page.locator('#search-query').focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('result-link');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    const title = await page.evaluate(() => document.activeElement?.textContent);
    expect(title).toBe('The Entropy Mechanism of Reinforcement Learning for Reasoning Language Models');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/papers\/the-entropy-mechanism.*highlight=/);
    await expect.poll(() => page.locator('mark.search-hit').count()).toBeGreaterThan(1);
    expect((await page.locator('mark.search-hit').allInnerTexts()).map((text) => text.toLowerCase())).toEqual(
      expect.arrayContaining(['entropy', 'collapse']),
    );
    expect(problems).toEqual([]);
  });

  test('the status is announced to screen readers', async () => {
    const { page } = await openPage('/search/');
    expect(await page.locator('[data-status]').getAttribute('aria-live')).toBe('polite');
    expect(await page.locator('[data-status]').getAttribute('role')).toBe('status');
  });

  test('relevance: every query of the set finds its papers in the top 5, and reports the cost of a first query', async () => {
    const { queries } = JSON.parse(readFileSync(join(projectRoot, 'tests/fixtures/relevance.json'), 'utf8')) as {
      queries: Array<{ query: string; top5: string[] }>;
    };
    expect(queries.length).toBeGreaterThanOrEqual(15);
    const context = await site.browser.newContext();
    const page = await context.newPage();
    // Every Pagefind file the page fetches (the worker's too), raw and as a static host would send it gzipped.
    const fetched: Promise<{ raw: number; gzipped: number }>[] = [];
    page.on('response', (response) => {
      if (!response.url().includes('/pagefind/')) return;
      fetched.push(
        response
          .body()
          .then((body) => ({ raw: body.length, gzipped: gzipSync(body).length }))
          .catch(() => ({ raw: 0, gzipped: 0 })),
      );
    });
    await page.goto(`${site.url}/search/`);
    await page.locator('[data-status]').filter({ hasText: 'Type to search' }).waitFor();
    const failures: string[] = [];
    for (const [index, { query, top5 }] of queries.entries()) {
      await page.locator('#search-query').fill(query);
      await expect.poll(() => page.locator('[data-status]').innerText(), { timeout: 10_000 }).toContain(`“${query}”`);
      if (index === 0) {
        const files = await Promise.all(fetched);
        const raw = files.reduce((sum, file) => sum + file.raw, 0);
        const gzipped = files.reduce((sum, file) => sum + file.gzipped, 0);
        console.log(
          `first query from a cold page: ${files.length} Pagefind files, ${(raw / 1024).toFixed(1)} KB (${(gzipped / 1024).toFixed(1)} KB gzipped)`,
        );
        expect(gzipped).toBeLessThan(150 * 1024);
      }
      const titles = (await resultTitles(page)).slice(0, 5);
      const missing = top5.filter((expected) => !titles.some((title) => title.startsWith(expected)));
      if (missing.length > 0) failures.push(`${query}: missing ${missing.join(', ')} in ${titles.join(' | ')}`);
    }
    const searchMs = Number(await page.locator('survey-search').getAttribute('data-last-search-ms'));
    console.log(`last query: ${searchMs} ms from search to rendered results`);
    expect(searchMs).toBeLessThan(100);
    expect(failures).toEqual([]);
  });

  test('without JavaScript the search page says so and links to the all-papers table', async () => {
    const { page } = await openPage('/search/', { javaScriptEnabled: false });
    const notice = page.locator('noscript, .notice');
    expect(await page.content()).toContain('Search runs in your browser and needs JavaScript');
    expect(await notice.count()).toBeGreaterThan(0);
    expect(await page.locator('a[href="/papers/"]').count()).toBeGreaterThan(0);
  });
});
