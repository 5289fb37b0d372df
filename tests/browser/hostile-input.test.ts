/**
 * Pasted text is data: a listing whose titles, abstracts and organisation carry `<script>`, `onerror=`,
 * `javascript:` URLs, MDX braces and imports, frontmatter fences and Markdown links — and a BibTeX export with
 * `<script>` in a title, an image tag as an author, `javascript:` and `data:` URLs, braces and `@` in an abstract —
 * builds into pages where all of it shows as text and none of it runs, under a Content-Security-Policy, with no
 * console error.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { astroCacheDir } from '../../src/loaders/content-paths.ts';
import { launchChromium, startPreview } from '../helpers/browser.ts';
import { projectRoot, userEnvironment } from '../helpers/paths.ts';

const content = mkdtempSync(join(tmpdir(), 'hostile-'));
const out = `${content}-site`;
let browser: Browser;
let server: { url: string; stop: () => void };

beforeAll(async () => {
  mkdirSync(join(content, 'listings'));
  cpSync(join(projectRoot, 'tests/fixtures/hostile/listing.txt'), join(content, 'listings/hostile.txt'));
  // A hostile library export too: `<script>` in a title and an author, `javascript:` and `data:` URLs, braces and `@`.
  cpSync(join(projectRoot, 'tests/fixtures/sources/hostile-bibtex/input.bib'), join(content, 'listings/hostile.bib'));
  for (const name of ['survey.yaml', 'facets']) cpSync(join(projectRoot, 'content', name), join(content, name), { recursive: true });
  const build = spawnSync(process.execPath, ['scripts/run.mjs', 'scripts/build.ts', '--out', out], {
    cwd: projectRoot,
    env: userEnvironment({ SURVEY_CONTENT_DIR: content }),
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`hostile build failed:\n${build.stdout}\n${build.stderr}`);
  server = await startPreview(out);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  server?.stop();
  for (const dir of [content, out, resolve(projectRoot, astroCacheDir(content))]) rmSync(dir, { recursive: true, force: true });
});

describe('a hostile listing', () => {
  test('shows every payload as text, runs none of it, and breaks no policy', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    const problems: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));

    await page.goto(`${server.url}/papers/`);
    const paperLinks = await page
      .locator('table.paper-table tbody th a')
      .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).getAttribute('href')!));
    expect(paperLinks).toHaveLength(7);
    const visited = ['/', '/papers/', '/authors/', '/compare/', '/search/?q=reflect', ...paperLinks, '/themes/critique-verification/'];
    for (const path of visited) {
      await page.goto(`${server.url}${path}`);
      if (path.startsWith('/search/')) await page.locator('[data-results] li').first().waitFor();
      expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned), path).toBeUndefined();
      for (const href of await page.locator('a[href]').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href))) {
        expect(href, `${path}: ${href}`).toMatch(/^https?:\/\//);
      }
      const external = await page
        .locator('a[href^="http"]:not([href^="http://127.0.0.1"])')
        .evaluateAll((links) => links.map((link) => link.getAttribute('rel')));
      for (const rel of external) expect(rel, path).toBe('noopener noreferrer');
    }
    await page.goto(`${server.url}${paperLinks.find((href) => href.includes('reflective-agents'))}`);
    expect(await page.locator('h1').innerText()).toBe('<script>window.__pwned = true</script> Reflective Agents');
    expect(await page.locator('.abstract').innerText()).toContain(`<img src=x onerror="window.__pwned=true;alert('img')">`);
    expect(await page.locator('.abstract a').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href))).toEqual([
      'https://example.org/safe',
    ]);
    expect(await page.locator('.abstract img, .abstract script, article b').count()).toBe(0);
    const fence = paperLinks.find((href) => href.includes('frontmatter-fence'))!;
    await page.goto(`${server.url}${fence}`);
    expect(await page.locator('.facts').innerText()).toContain('<script>alert(1)</script>');
    const scriptTitle = paperLinks.find((href) => href.includes('script-alert-1-script-reasoning'))!;
    await page.goto(`${server.url}${scriptTitle}`);
    expect(await page.locator('h1').innerText()).toBe('<script>alert(1)</script> Reasoning with LLMs');
    expect(await page.locator('.abstract').innerText()).toBe('We use braces and an @ sign');
    expect(await page.locator('.cite pre').innerText()).toContain('\\textless{}script\\textgreater{}alert(1)');
    const imageAuthor = paperLinks.find((href) => href.includes('an-author-who-is-an-image-tag'))!;
    await page.goto(`${server.url}${imageAuthor}`);
    expect(await page.locator('.authors').innerText()).toContain('<img src=x onerror=alert(1)>');
    expect(await page.locator('.facts').innerText()).toContain('"Quotes" & <tags>');
    expect(await page.locator('article img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
  });
});
