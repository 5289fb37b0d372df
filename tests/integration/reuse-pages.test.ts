/**
 * `npm run build` takes the paper pages the last build of the same site wrote from the same inputs instead of
 * rendering them again (src/data/paper-pages.ts). Whatever it takes, the site must be the one a build from scratch
 * makes, byte for byte: here after a curator writes a new note, and after a paper leaves the listing (its
 * neighbours' related papers and pagers change).
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { contentsOf, copyCuratedContent, snapshotTree } from '../helpers/tree.ts';
import { projectRoot, testBuildRoot, userEnvironment } from '../helpers/paths.ts';

const content = copyCuratedContent();
const rebuilt = join(testBuildRoot, 'reuse-rebuilt');
const fromScratch = join(testBuildRoot, 'reuse-from-scratch');
afterAll(() => {
  for (const folder of [content, rebuilt, fromScratch]) rmSync(folder, { recursive: true, force: true });
});

/** `npm run build -- --out <out>` of the test's content, without blocking the test's worker. */
function build(out: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/build.ts', '--out', out], {
      cwd: projectRoot,
      env: userEnvironment({ SURVEY_CONTENT_DIR: content }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Builds the site from scratch into a fresh folder and requires the rebuilt one to be the same, file for file. */
async function expectSameAsFromScratch() {
  rmSync(fromScratch, { recursive: true, force: true });
  const scratch = await build(fromScratch);
  expect(scratch.status, scratch.stderr).toBe(0);
  expect(scratch.stdout).not.toMatch(/as the last build wrote them/);
  const expected = contentsOf(snapshotTree(fromScratch));
  const actual = contentsOf(snapshotTree(rebuilt));
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  const differing = [...expected.keys()].filter((path) => actual.get(path) !== expected.get(path));
  expect(differing).toEqual([]);
}

/** The paper pages of the rebuilt site that show no curator's note. */
function paperPagesWithoutNote(): number {
  const pages = [...snapshotTree(join(rebuilt, 'papers'))].filter(([path]) => /^[^/]+\/index\.html$/.test(path) && !path.startsWith('page/'));
  return pages.filter(([, { content }]) => !content.includes('<section class="note"')).length;
}

/** How many paper pages a build took from the last one, from what it says. */
const taken = (stdout: string) => Number(/([\d,]+) paper pages as the last build wrote them/.exec(stdout)?.[1]?.replace(/,/g, '') ?? 0);

describe('a rebuild takes the unchanged paper pages from the last build', () => {
  test('after a new note and after a paper leaves the listing, the site is the one a build from scratch makes', { timeout: 300_000 }, async () => {
    rmSync(rebuilt, { recursive: true, force: true });
    const first = await build(rebuilt);
    expect(first.status, first.stderr).toBe(0);
    expect(taken(first.stdout)).toBe(0);

    // A curator's note on a paper that had none: its page, and nothing else of the paper pages, is rendered again.
    writeFileSync(join(content, 'notes', 'pseudo-simulation-for-autonomous-driving.mdx'), '---\ntags: [simulation]\n---\n\nA new note.\n');
    const afterNote = await build(rebuilt);
    expect(afterNote.status, afterNote.stderr).toBe(0);
    // Every paper page but those with a note, which are always rendered.
    expect(taken(afterNote.stdout)).toBe(paperPagesWithoutNote());
    await expectSameAsFromScratch();

    // A paper leaves: the pages that listed it among their related papers, or beside it in a theme, change.
    const listing = join(content, 'listings', 'reflective-agents.txt');
    const original = readFileSync(listing, 'utf8');
    writeFileSync(listing, original.slice(0, original.indexOf('CyclicReflex: Improving')) + original.slice(original.indexOf('Agentic Robot: A Brain-Inspired')));
    const afterListing = await build(rebuilt);
    expect(afterListing.status, afterListing.stderr).toBe(0);
    expect(taken(afterListing.stdout)).toBeGreaterThan(0);
    expect(taken(afterListing.stdout)).toBeLessThan(paperPagesWithoutNote());
    await expectSameAsFromScratch();
  });
});
