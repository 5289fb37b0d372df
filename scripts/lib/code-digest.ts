import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * What ingest's output depends on besides the curated files: the code that reads, merges and classifies papers
 * (src/lib, src/schemas, src/loaders and the ingest script with its helpers) and the dependencies it runs with. A
 * digest of their text, so that after a change to any of them the next ingest runs in full (a few hundred small files:
 * some milliseconds).
 */
export function ingestCodeDigest(): string {
  return digestFiles(projectRoot, ['src/lib', 'src/schemas', 'src/loaders', 'scripts/ingest.ts', 'scripts/lib', 'package-lock.json']);
}

/**
 * What a page's HTML depends on besides the survey's data: the site's code (everything under src/, the Astro config)
 * and the dependencies it is built with, which also name its styles and scripts. A build takes a page from the last
 * one only while this is the same (src/lib/site/page-digests.ts).
 */
export function siteCodeDigest(): string {
  return digestFiles(projectRoot, ['src', 'astro.config.mjs', 'tsconfig.json', 'package-lock.json']);
}

/**
 * One digest of the path and text of every file at or under these places of `root`, but a folder's README.md: it says
 * what the folder's code does, and nothing reads it, so editing one neither runs the ingest in full nor renders every
 * page again. (Under src/pages/ a README.md would be a page, and counts.)
 */
export function digestFiles(root: string, places: readonly string[]): string {
  const hash = createHash('sha256');
  const isCode = (file: string) => basename(file) !== 'README.md' || relative(root, file).startsWith(join('src', 'pages') + sep);
  for (const file of places
    .flatMap((place) => filesUnder(join(root, place)))
    .filter(isCode)
    .sort()) {
    hash.update(`${relative(root, file)}\0`);
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

function filesUnder(path: string): string[] {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return [];
  if (stat.isFile()) return [path];
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}
