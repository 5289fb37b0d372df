/**
 * `npm run build` takes the pages and files the last build of the same site wrote from the same inputs instead of
 * rendering them again (src/data/reused-pages.ts): paper pages, a theme's page, the later pages of big tables, a
 * theme's exports and feed, and the parts of the search index whose records are unchanged
 * (src/integrations/search-index.ts). Whatever it takes, the site must be the one a build from scratch makes, byte for
 * byte: here after a curator writes a new note, and after a paper leaves the listing (its neighbours' related papers
 * and pagers change), on the default survey and on a survey whose tables span pages and whose index is in parts.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { copyCuratedContent, expectSameFiles, snapshotTree } from '../helpers/tree.ts';
import { LARGE_SURVEY_INDEX_PART_PAGES, largeContent, projectRoot, testBuildRoot, userEnvironment } from '../helpers/paths.ts';
import { TABLE_PAGE_ROWS } from '../../src/lib/site/table-pages.ts';
import { INDEX_PART_PAGES_VARIABLE } from '../../src/data/search-index-parts.ts';

const content = copyCuratedContent();
const rebuilt = join(testBuildRoot, 'reuse-rebuilt');
const fromScratch = join(testBuildRoot, 'reuse-from-scratch');
/** The large survey's curated files (its synthetic listing), copied: its content folder is the global setup's. */
const largeCopy = mkdtempSync(join(tmpdir(), 'survey-large-'));
for (const name of ['listings', 'survey.yaml', 'facets']) cpSync(join(largeContent, name), join(largeCopy, name), { recursive: true });
afterAll(() => {
  for (const folder of [content, largeCopy, rebuilt, fromScratch]) rmSync(folder, { recursive: true, force: true });
});

/** `npm run build -- --out <out>` of a content folder, without blocking the test's worker. */
function build(out: string, from = content): Promise<{ status: number | null; stdout: string; stderr: string }> {
  // The large survey's search index in parts, as the global setup builds it (and as a survey of 100,000 has it).
  const parts: Record<string, string> = from === largeCopy ? { [INDEX_PART_PAGES_VARIABLE]: String(LARGE_SURVEY_INDEX_PART_PAGES) } : {};
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/run.mjs', 'scripts/build.ts', '--out', out], {
      cwd: projectRoot,
      env: userEnvironment({ SURVEY_CONTENT_DIR: from, ...parts }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Builds the site from scratch into a fresh folder and requires the rebuilt one to be the same, file for file. */
async function expectSameAsFromScratch(from = content) {
  rmSync(fromScratch, { recursive: true, force: true });
  const scratch = await build(fromScratch, from);
  expect(scratch.status, scratch.stderr).toBe(0);
  expect(scratch.stdout).not.toMatch(/as the last build wrote them/);
  expectSameFiles(rebuilt, fromScratch);
}

/** The paper pages of the rebuilt site that show no curator's note. */
function paperPagesWithoutNote(): number {
  const pages = [...snapshotTree(join(rebuilt, 'papers'))].filter(
    ([path]) => /^[^/]+\/index\.html$/.test(path) && !path.startsWith('page/'),
  );
  return pages.filter(([, { content }]) => !content.includes('<section class="note"')).length;
}

/** What a build took from the last one, from what it says: paper pages, and other pages and files. */
function takenFrom(stdout: string): { paperPages: number; others: number } {
  const said = /as the last build wrote them: ([\d,]+) paper pages, ([\d,]+) other pages and files/.exec(stdout);
  const count = (text: string | undefined) => Number(text?.replace(/,/g, '') ?? 0);
  return { paperPages: count(said?.[1]), others: count(said?.[2]) };
}
/** How many paper pages a build took from the last one. */
const taken = (stdout: string) => takenFrom(stdout).paperPages;

/** How many parts its search index has, and how many of them a build took from the last one, from what it says. */
function indexPartsFrom(stdout: string): { parts: number; taken: number } {
  const line = /^search: indexed .*$/m.exec(stdout)?.[0] ?? '';
  const parts = Number(/, in (\d+) parts/.exec(line)?.[1] ?? 1);
  const taken = /its records unchanged, taken from the last build/.test(line)
    ? 1
    : Number(/; (\d+) of the parts, their records unchanged/.exec(line)?.[1] ?? 0);
  return { parts, taken };
}

describe('a rebuild takes the unchanged paper pages from the last build', () => {
  test(
    'after a new note and after a paper leaves the listing, the site is the one a build from scratch makes',
    { timeout: 300_000 },
    async () => {
      rmSync(rebuilt, { recursive: true, force: true });
      const first = await build(rebuilt);
      expect(first.status, first.stderr).toBe(0);
      expect(taken(first.stdout)).toBe(0);

      // A curator's note on a paper that had none: its page, and nothing else of the paper pages, is rendered again.
      writeFileSync(
        join(content, 'notes', 'pseudo-simulation-for-autonomous-driving.mdx'),
        '---\ntags: [simulation]\n---\n\nA new note.\n',
      );
      const afterNote = await build(rebuilt);
      expect(afterNote.status, afterNote.stderr).toBe(0);
      // Every paper page but those with a note, which are always rendered.
      expect(taken(afterNote.stdout)).toBe(paperPagesWithoutNote());
      await expectSameAsFromScratch();

      // A paper leaves: the pages that listed it among their related papers, or beside it in a theme, change.
      const listing = join(content, 'listings', 'reflective-agents.txt');
      const original = readFileSync(listing, 'utf8');
      writeFileSync(
        listing,
        original.slice(0, original.indexOf('CyclicReflex: Improving')) +
          original.slice(original.indexOf('Agentic Robot: A Brain-Inspired')),
      );
      const afterListing = await build(rebuilt);
      expect(afterListing.status, afterListing.stderr).toBe(0);
      expect(taken(afterListing.stdout)).toBeGreaterThan(0);
      expect(taken(afterListing.stdout)).toBeLessThan(paperPagesWithoutNote());
      await expectSameAsFromScratch();
    },
  );
});

describe('a rebuild takes the unchanged table pages, theme pages, exports, feeds and search index parts from the last build', () => {
  test(
    'built again unchanged, then after a new note on a paper of a later table page, the site is the one a build from scratch makes',
    { timeout: 300_000 },
    async () => {
      rmSync(rebuilt, { recursive: true, force: true });
      const first = await build(rebuilt, largeCopy);
      expect(first.status, first.stderr).toBe(0);
      expect(takenFrom(first.stdout)).toEqual({ paperPages: 0, others: 0 });
      const { parts } = indexPartsFrom(first.stdout);
      expect(parts).toBeGreaterThanOrEqual(3);
      expect(indexPartsFrom(first.stdout).taken).toBe(0);

      // Built again with nothing changed: every part of the search index is as the last build made it, and taken whole.
      const again = await build(rebuilt, largeCopy);
      expect(again.status, again.stderr).toBe(0);
      expect(indexPartsFrom(again.stdout)).toEqual({ parts, taken: parts });

      // A paper on the last page of the all-papers table: that page shows its new "annotated" badge, the earlier
      // pages do not change.
      const exported = JSON.parse(readFileSync(join(rebuilt, 'data', 'papers.json'), 'utf8')) as {
        papers: Array<{ id: string; hidden: boolean }>;
      };
      const shown = exported.papers.filter((paper) => !paper.hidden);
      expect(shown.length).toBeGreaterThan(2 * TABLE_PAGE_ROWS);
      const onLastPage = shown[2 * TABLE_PAGE_ROWS]!.id;
      const secondPage = join(rebuilt, 'papers', 'page', '2', 'index.html');
      const secondPageBefore = readFileSync(secondPage, 'utf8');
      mkdirSync(join(largeCopy, 'notes'), { recursive: true });
      writeFileSync(join(largeCopy, 'notes', `${onLastPage}.mdx`), '---\ntags: [later]\n---\n\nA note on a paper of a later page.\n');
      const afterNote = await build(rebuilt, largeCopy);
      expect(afterNote.status, afterNote.stderr).toBe(0);
      // The part that holds the paper's page is made again; those whose records the note did not change are taken.
      const index = indexPartsFrom(afterNote.stdout);
      expect(index.taken).toBeGreaterThan(0);
      expect(index.taken).toBeLessThan(parts);
      const { others } = takenFrom(afterNote.stdout);
      // Page 2 of all papers at least, and the pages and files of the themes the paper is not in.
      expect(others).toBeGreaterThan(1);
      expect(readFileSync(secondPage, 'utf8')).toBe(secondPageBefore);
      expect(readFileSync(join(rebuilt, 'papers', 'page', '3', 'index.html'), 'utf8')).toContain(`data-id="${onLastPage}"`);
      await expectSameAsFromScratch(largeCopy);
    },
  );
});
