import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { digestGeneratedFiles, INGEST_RECORD_FILE, parseIngestRecord, type IngestRecord } from '../lib/ingest/ingest-record.ts';
import { InputError } from '../lib/input/input-error.ts';
import { readEntries } from '../lib/ingest/plan-entries.ts';
import { createPaperSchema, type Paper } from '../schemas/paper.ts';
import { displayPath } from './survey-files.ts';

/** The generated files, in the order they are read: the order ties keep when the papers are sorted. */
function generatedFiles(folder: string): string[] {
  return existsSync(folder)
    ? readdirSync(folder)
        .filter((name) => name.endsWith('.json'))
        .sort()
    : [];
}

/**
 * Every paper in the files `npm run ingest` generates (`<folder>/<theme>.json`, a list of papers each, one per
 * line), validated with the schema the ingest wrote them with (src/schemas/paper.ts).
 *
 * The site reads them here rather than through an Astro content collection. The ingest has just written them
 * whole, so the content layer would only copy them: for 10,000 papers it validated them again, turned them into its
 * data store (devalue, about 40 MB) and read the store back, some 6 s of a cold build, and the build could not read
 * its data before that copy was made. Read here, when the first page asks for them, Astro starts, bundles and sets
 * up while the ingest is still running (./ingest-gate.ts).
 *
 * A file that does not fit (edited by hand, or left by another version) stops the build with its file and line.
 */
export function readGeneratedPapers(folder: string, themeIds: readonly string[], options: GeneratedPapersOptions = {}): Paper[] {
  const asWritten = options.writtenByIngest === undefined ? undefined : filesAsIngestWrote(dirname(folder), options.writtenByIngest);
  const schema = asWritten ? undefined : createPaperSchema(themeIds);
  const papers: Paper[] = [];
  for (const name of generatedFiles(folder)) {
    const file = join(folder, name);
    const text = asWritten?.get(relative(dirname(folder), file).split(sep).join('/'))?.toString('utf8') ?? readFileSync(file, 'utf8');
    let entries: unknown[];
    try {
      entries = readEntries(text);
    } catch (error) {
      throw new InputError(
        displayPath(file),
        1,
        `this generated file is not valid JSON (${(error as Error).message})`,
        'run `npm run ingest` to write it again',
      );
    }
    if (!schema) {
      for (const entry of entries) papers.push(entry as Paper);
      continue;
    }
    const lines = entryLines(text, entries.length);
    entries.forEach((entry, index) => {
      const result = schema.safeParse(entry);
      if (result.success) {
        papers.push(result.data);
        return;
      }
      const issue = result.error.issues[0]!;
      throw new InputError(
        displayPath(file),
        lines[index] ?? 1,
        `this generated paper does not fit the schema: ${issue.path.join('.') || '(the entry)'}: ${issue.message}`,
        'run `npm run ingest` to write it again (generated files are not edited by hand)',
      );
    });
  }
  return papers;
}

export interface GeneratedPapersOptions {
  /**
   * The digest the ingest recorded of the files it wrote (`ingest.json`'s `files`), when the caller knows that ingest
   * ran with this code: `npm run build` runs it just before (./ingest-gate.ts). Files that still match it are as that
   * ingest wrote them, papers it had validated with this very schema, so they are read without validating them again
   * (for 10,000 papers, 0.9 s of the 1.4 s their reading took). Files that do not match are validated.
   */
  writtenByIngest?: string;
}

/** What the last ingest recorded in the generated folder `root` (`ingest.json`), when it is there and reads. */
export function readIngestRecord(root: string): IngestRecord | undefined {
  const file = join(root, INGEST_RECORD_FILE);
  return existsSync(file) ? parseIngestRecord(readFileSync(file, 'utf8')) : undefined;
}

/** The files of the generated folder `root`, when they are the ones whose digest the ingest recorded. */
function filesAsIngestWrote(root: string, digest: string): Map<string, Buffer> | undefined {
  const files = readTree(root);
  return digestGeneratedFiles(files) === digest ? files : undefined;
}

/**
 * Every file of a generated folder (none when it is missing), by path relative to it, with its bytes: digested as
 * they are (src/lib/ingest/ingest-record.ts), and decoded only where they are read as text.
 */
export function readTree(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  if (!existsSync(root)) return files;
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const absolute = join(entry.parentPath, entry.name);
    files.set(relative(root, absolute).split(sep).join('/'), readFileSync(absolute));
  }
  return files;
}

/** The line of each entry, as the ingest writes them (one paper per line); none when the file was laid out otherwise. */
function entryLines(text: string, count: number): number[] {
  const lines: number[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.startsWith('    {')) lines.push(index + 1);
  });
  return lines.length === count ? lines : [];
}

/**
 * What changes when the ingest rewrites the generated papers: in `npm run dev`, the site reads them again after a
 * re-ingest (src/integrations/ingest-on-change.ts).
 */
export function generatedPapersStamp(folder: string): string {
  return generatedFiles(folder)
    .map((name) => `${name}:${statSync(join(folder, name)).mtimeMs}`)
    .join('|');
}
