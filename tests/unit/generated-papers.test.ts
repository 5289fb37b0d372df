import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { planEntries, PAPERS_FOLDER } from '../../src/lib/ingest/plan-entries.ts';
import { readGeneratedPapers } from '../../src/loaders/generated-papers.ts';
import type { Paper } from '../../src/schemas/paper.ts';
import { curatedPaper } from '../helpers/curated-paper.ts';

/** A paper as the ingest writes it: the curated paper without what notes add. */
function generatedPaper(id: string, overrides: Partial<Paper> = {}): Paper {
  const { tags: _tags, summary: _summary, featured: _featured, hidden: _hidden, annotated: _annotated, ...paper } = curatedPaper(id);
  return { ...paper, ...overrides };
}

let root: string | undefined;
afterEach(() => root && rmSync(root, { recursive: true, force: true }));

/** Writes the papers the way the ingest does and returns the folder of the generated papers. */
function writeGenerated(papers: Paper[]): string {
  root = mkdtempSync(join(tmpdir(), 'generated-papers-'));
  for (const [path, text] of planEntries(papers)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return join(root, PAPERS_FOLDER);
}

describe('the generated papers, read back for the site', () => {
  test('every paper the ingest wrote is read back as it was, file by file in name order', () => {
    const papers = [generatedPaper('b-paper', { themes: ['rl'] }), generatedPaper('a-paper', { themes: ['agents', 'rl'] }), generatedPaper('c-paper', { themes: ['rl'] })];
    const read = readGeneratedPapers(writeGenerated(papers), ['rl', 'agents']);
    expect(new Set(read.map((paper) => paper.id))).toEqual(new Set(['a-paper', 'b-paper', 'c-paper']));
    expect(read[0]).toEqual(papers[1]);
    for (const paper of papers) expect(read.find((other) => other.id === paper.id)).toEqual(paper);
  });

  test('a hand-edited entry that no longer fits stops the build with its file, line and field', () => {
    const folder = writeGenerated([generatedPaper('first-paper'), generatedPaper('second-paper')]);
    const file = join(folder, 'rl.json');
    const lines = readFileSync(file, 'utf8').split('\n');
    const index = lines.findIndex((text) => text.includes('"id":"second-paper"'));
    lines[index] = lines[index]!.replace('"upvotes":null', '"upvotes":"many"');
    writeFileSync(file, lines.join('\n'));
    const line = index + 1;
    expect(line).toBeGreaterThan(0);
    expect(() => readGeneratedPapers(folder, ['rl'])).toThrow(`rl.json:${line}: this generated paper does not fit the schema: upvotes: Expected number, received string — run \`npm run ingest\``);
  });

  test('a paper in a theme the survey no longer has is refused, and a file that is not JSON is named', () => {
    const folder = writeGenerated([generatedPaper('only-paper')]);
    expect(() => readGeneratedPapers(folder, ['agents'])).toThrow(/rl\.json:4: this generated paper does not fit the schema: themes\.0: Invalid enum value/);
    writeFileSync(join(folder, 'rl.json'), '{ "papers": [');
    expect(() => readGeneratedPapers(folder, ['rl'])).toThrow(/rl\.json:1: this generated file is not valid JSON/);
  });

  test('no generated folder yet (a new survey before its first ingest) is no papers', () => {
    expect(readGeneratedPapers(join(tmpdir(), 'no-such-folder-for-papers'), ['rl'])).toEqual([]);
  });
});
