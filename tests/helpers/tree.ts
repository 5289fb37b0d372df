import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { afterEach, expect } from 'vitest';
import { readEntries } from '../../src/lib/ingest/plan-entries.ts';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { projectRoot, userEnvironment } from './paths.ts';

/** Every file under `root` with its bytes (as a string) and modification time, by relative path. */
export function snapshotTree(root: string): Map<string, { content: string; mtimeMs: number }> {
  const files = new Map<string, { content: string; mtimeMs: number }>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(root, path), { content: readFileSync(path, 'latin1'), mtimeMs: statSync(path).mtimeMs });
  }
  return files;
}

/** Contents only, for comparing trees written at different times. */
export function contentsOf(snapshot: ReturnType<typeof snapshotTree>): Map<string, string> {
  return new Map([...snapshot].map(([path, { content }]) => [path, content]));
}

/** Requires `actual` to hold the files `expected` holds, the same paths with the same bytes. */
export function expectSameFiles(actual: string, expected: string): void {
  const want = contentsOf(snapshotTree(expected));
  const got = contentsOf(snapshotTree(actual));
  expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
  expect([...want.keys()].filter((path) => got.get(path) !== want.get(path))).toEqual([]);
}

/** A fresh copy of the project's curated content (listings, survey.yaml, notes, intros) in a temp folder. */
export function copyCuratedContent(): string {
  const dir = mkdtempSync(join(tmpdir(), 'survey-content-'));
  for (const name of ['listings', 'survey.yaml', 'notes', 'themes', 'intro.mdx'])
    cpSync(join(projectRoot, 'content', name), join(dir, name), { recursive: true });
  return dir;
}

/** Runs `npm run ingest` on a content folder, as a user would, and returns what it printed. */
export function runIngest(contentDir: string, env: Record<string, string> = {}) {
  const result = spawnSync(
    process.execPath,
    [join(projectRoot, 'scripts/run.mjs'), join(projectRoot, 'scripts/ingest.ts'), '--content', contentDir],
    {
      cwd: projectRoot,
      env: userEnvironment(env),
      encoding: 'utf8',
    },
  );
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Makes a fresh copy of the curated content for each call; every copy is removed after the test that made it, as is
 * any other folder the test names with `removeAfter` (a site built from the copy).
 */
export function freshContentFolders(): (() => string) & { removeAfter: (path: string) => void } {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    // These tests run commands synchronously: a pause after each lets the worker answer Vitest, which gives up on a
    // worker that has not answered for a minute (a file of such tests on a busy machine).
    await new Promise((resolve) => setImmediate(resolve));
  });
  const fresh = () => {
    const dir = copyCuratedContent();
    dirs.push(dir);
    return dir;
  };
  return Object.assign(fresh, { removeAfter: (path: string) => void dirs.push(path) });
}

/** Every generated paper entry of a content folder, by id, read from the per-theme files. */
export function generatedPapers(contentDir: string): Map<string, Record<string, unknown> & { id: string }> {
  const folder = join(contentDir, 'generated', 'papers');
  const entries = readdirSync(folder).flatMap(
    (file) => readEntries(readFileSync(join(folder, file), 'utf8')) as (Record<string, unknown> & { id: string })[],
  );
  return new Map(entries.map((entry) => [entry.id, entry]));
}
