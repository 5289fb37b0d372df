import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { GENERATED_MARKER } from '../../src/lib/plan-entries.ts';

/** What a sync changed, by path relative to the generated root. */
export interface SyncReport {
  added: string[];
  updated: string[];
  removed: string[];
  unchanged: number;
}

/**
 * Makes the machine-owned folder `root` hold exactly `files`, atomically: the new tree is written beside it and
 * swapped in with renames, so a crash leaves either the old tree or the new one, never a mix. Writes nothing
 * when nothing changed, so a second ingest leaves every file (and its modification time) as it was. Refuses to
 * remove a file that ingest did not write.
 */
export function syncGeneratedDir(root: string, files: ReadonlyMap<string, string>): SyncReport {
  recoverInterruptedSync(root);
  const existing = readTree(root);
  const report: SyncReport = { added: [], updated: [], removed: [], unchanged: 0 };
  for (const [path, content] of files) {
    const before = existing.get(path);
    if (before === undefined) report.added.push(path);
    else if (before !== content) report.updated.push(path);
    else report.unchanged += 1;
  }
  for (const [path, content] of existing) {
    if (files.has(path)) continue;
    if (!content.startsWith(GENERATED_MARKER)) {
      throw new Error(
        `${join(root, path)}: this file was not written by ingest, and ingest rewrites ${root} — move it out (curated files belong beside it in content/), then run ingest again`,
      );
    }
    report.removed.push(path);
  }
  if (report.added.length + report.updated.length + report.removed.length === 0) return report;

  const staging = `${root}.staging`;
  rmSync(staging, { recursive: true, force: true });
  for (const [path, content] of files) {
    const target = join(staging, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  simulateCrashFor('after-staging');
  const previous = `${root}.previous`;
  if (existsSync(root)) renameSync(root, previous);
  simulateCrashFor('between-renames');
  renameSync(staging, root);
  rmSync(previous, { recursive: true, force: true });
  return report;
}

/** Puts back the previous tree if a sync stopped between its two renames, and drops a half-written staging tree. */
export function recoverInterruptedSync(root: string): void {
  const previous = `${root}.previous`;
  if (existsSync(previous)) {
    if (existsSync(root)) rmSync(previous, { recursive: true, force: true });
    else renameSync(previous, root);
  }
  rmSync(`${root}.staging`, { recursive: true, force: true });
}

function readTree(root: string): Map<string, string> {
  const files = new Map<string, string>();
  if (!existsSync(root)) return files;
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const absolute = join(entry.parentPath, entry.name);
    files.set(relative(root, absolute).split(sep).join('/'), readFileSync(absolute, 'utf8'));
  }
  return files;
}

/** Test hook: `SURVEY_INGEST_CRASH=<point>` kills the process at that point of a sync, to prove nothing is lost. */
function simulateCrashFor(point: string): void {
  if (process.env.SURVEY_INGEST_CRASH === point) process.kill(process.pid, 'SIGKILL');
}
