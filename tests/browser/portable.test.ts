/** The portable copy (`npm run build:portable`), opened straight from disk with file:// URLs, as a reader on a plane would. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { builtSite, projectRoot, testBuildRoot, userEnvironment } from '../helpers/paths.ts';

const portable = join(testBuildRoot, 'dist-portable');
let browser: Browser;

beforeAll(async () => {
  const output = execFileSync(process.execPath, ['scripts/run.mjs', 'scripts/build-portable.ts', '--from', builtSite, '--out', portable], {
    cwd: projectRoot,
    env: userEnvironment(),
    encoding: 'utf8',
  });
  console.log(output.trim());
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  // A missing file fails as net::ERR_FILE_NOT_FOUND. A request the page's own navigation cut short (a favicon still
  // loading when a search is submitted) fails as net::ERR_ABORTED, which says nothing of the copy.
  page.on(
    'requestfailed',
    (request) =>
      request.failure()?.errorText !== 'net::ERR_ABORTED' && problems.push(`failed: ${request.url()} (${request.failure()?.errorText})`),
  );
  await page.goto(pathToFileURL(join(portable, path)).href);
  return { page, problems };
}

describe('the portable copy opened from disk', () => {
  test('navigates from home to a theme to a paper, with CSS, and no console errors', async () => {
    const { page, problems } = await open('index.html');
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')!).borderBottomStyle)).toBe('solid');
    await page.getByRole('link', { name: 'Autonomous driving' }).first().click();
    await page.waitForURL(/themes\/autonomous-driving\/index\.html$/);
    expect(await page.locator('h1').innerText()).toBe('Autonomous driving');
    await page
      .getByRole('link', { name: /^NAVSIM: Data-Driven/ })
      .first()
      .click();
    await page.waitForURL(/papers\/navsim-data-driven-non-reactive-autonomous-vehicle-simulation-and-benchmarking\/index\.html$/);
    await page.getByRole('link', { name: 'All papers' }).click();
    await page.waitForURL(/papers\/index\.html$/);
    await page.locator('.table-count').waitFor();
    expect(await page.locator('.table-count').innerText()).toBe('121 of 121 papers');
    expect(problems).toEqual([]);
  });

  test('every internal link in every page names a file that exists', async () => {
    const { readdirSync } = await import('node:fs');
    const { parse } = await import('node-html-parser');
    const broken: string[] = [];
    for (const entry of readdirSync(portable, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.html') || entry.parentPath.includes('pagefind')) continue;
      for (const element of parse(readFileSync(join(entry.parentPath, entry.name), 'utf8')).querySelectorAll('[href], [src]')) {
        const url = element.getAttribute('href') ?? element.getAttribute('src')!;
        if (/^(?:[a-z]+:|#|\/\/)/i.test(url)) continue;
        const target = join(entry.parentPath, decodeURIComponent(url.split(/[?#]/)[0]!));
        if (!existsSync(target) || !statSync(target).isFile()) broken.push(`${entry.name} in ${entry.parentPath}: ${url}`);
      }
    }
    expect(broken).toEqual([]);
  });

  test('searches with a filter from the embedded index and opens a result with the words highlighted', async () => {
    const { page, problems } = await open('search/index.html');
    await page.locator('#search-query').fill('reinforcement learning');
    await page.locator('input[name="theme"][value="gui-web-agents"]').check();
    await expect.poll(() => page.locator('[data-status]').innerText()).toMatch(/^\d+ results? for “reinforcement learning”$/);
    const titles = await page.locator('.result-link').allInnerTexts();
    expect(titles).toEqual(
      expect.arrayContaining([
        'UI-S1: Advancing GUI Automation via Semi-online Reinforcement Learning',
        'ARPO:End-to-End Policy Optimization for GUI Agents with Experience Replay',
      ]),
    );
    const metas = await page.locator('.result-meta').allInnerTexts();
    for (const meta of metas) expect(meta).toMatch(/GUI, web & computer-use agents|^Theme$/);
    expect(page.url()).toContain('theme=gui-web-agents');
    await page.locator('.result-link', { hasText: 'UI-S1' }).click();
    await page.waitForURL(/ui-s1.*index\.html\?highlight=/);
    await expect.poll(() => page.locator('mark.search-hit').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  test('the header search box works from disk too', async () => {
    const { page, problems } = await open('papers/thinkless-llm-learns-when-to-think/index.html');
    await page.keyboard.press('/');
    await page.keyboard.type('GUI grounding');
    await page.keyboard.press('Enter');
    await page.waitForURL(/search\/index\.html\?q=GUI\+grounding/);
    await expect.poll(() => page.locator('.result-link').first().innerText()).toMatch(/^UI-Ins/);
    expect(problems).toEqual([]);
  });

  test('a copy moved elsewhere (as after unzipping) still works', async () => {
    const { cpSync, mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const elsewhere = join(mkdtempSync(join(tmpdir(), 'unzipped-')), 'My Survey (copy)');
    cpSync(portable, elsewhere, { recursive: true });
    try {
      const page = await browser.newPage();
      await page.goto(`${pathToFileURL(join(elsewhere, 'search/index.html')).href}?q=NAVSIM`);
      await expect.poll(() => page.locator('[data-status]').innerText()).toMatch(/results? for “NAVSIM”/);
      await page.locator('.result-link').first().click();
      await expect.poll(() => page.locator('h1').innerText()).toMatch(/NAVSIM|Pseudo-Simulation|Hydra|RAP|Autonomous driving/);
    } finally {
      rmSync(join(elsewhere, '..'), { recursive: true, force: true });
    }
  });

  test('reports the portable index size', () => {
    const size = statSync(join(portable, 'search-index.js')).size;
    console.log(`portable search-index.js: ${size} B`);
    expect(size).toBeGreaterThan(0);
  });
});
