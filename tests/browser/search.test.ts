/** Search in a real browser (Debian's Chromium) against the built site served by `astro preview`. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { builtSite } from '../helpers/paths.ts';
import { launchChromium, startPreview } from '../helpers/browser.ts';

let browser: Browser;
let server: { url: string; stop: () => void };

beforeAll(async () => {
  server = await startPreview(builtSite);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  server?.stop();
});

async function openPage(path: string, options: { javaScriptEnabled?: boolean } = {}): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await page.goto(`${server.url}${path}`);
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
    await expect.poll(() => resultTitles(page)).toEqual(
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

  test('a word that appears only in a curator\'s note finds the annotated paper', async () => {
    const { page } = await openPage('/search/?q=sobering');
    await expect.poll(() => resultTitles(page)).toEqual(['Feedback Friction: LLMs Struggle to Fully Incorporate External Feedback']);
    expect(await page.locator('[data-results] .result-excerpt mark').first().innerText()).toMatch(/sobering/i);
  });

  test('without JavaScript the search page says so and links to the all-papers table', async () => {
    const { page } = await openPage('/search/', { javaScriptEnabled: false });
    const notice = page.locator('noscript, .notice');
    expect(await page.content()).toContain('Search runs in your browser and needs JavaScript');
    expect(await notice.count()).toBeGreaterThan(0);
    expect(await page.locator('a[href="/papers/"]').count()).toBeGreaterThan(0);
  });
});
