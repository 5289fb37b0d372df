import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { planEntries, PAPERS_FOLDER, readEntries, readEntryIds } from '../../src/lib/ingest/plan-entries.ts';
import { digestGeneratedFiles } from '../../src/lib/ingest/ingest-record.ts';
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
    const papers = [
      generatedPaper('b-paper', { themes: ['rl'] }),
      generatedPaper('a-paper', { themes: ['agents', 'rl'] }),
      generatedPaper('c-paper', { themes: ['rl'] }),
    ];
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
    expect(() => readGeneratedPapers(folder, ['rl'])).toThrow(
      `rl.json:${line}: this generated paper does not fit the schema: upvotes: Expected number, received string — run \`npm run ingest\``,
    );
  });

  test('a paper in a theme the survey no longer has is refused, and a file that is not JSON is named', () => {
    const folder = writeGenerated([generatedPaper('only-paper')]);
    expect(() => readGeneratedPapers(folder, ['agents'])).toThrow(
      /rl\.json:4: this generated paper does not fit the schema: themes\.0: "rl" is not a theme of survey\.yaml/,
    );
    writeFileSync(join(folder, 'rl.json'), '{ "papers": [');
    expect(() => readGeneratedPapers(folder, ['rl'])).toThrow(/rl\.json:1: this generated file is not valid JSON/);
  });

  test('files as the ingest recorded them are read without validating them again; a file changed since is validated', () => {
    const papers = [generatedPaper('first-paper'), generatedPaper('second-paper', { themes: ['agents'] })];
    const folder = writeGenerated(papers);
    const recorded = digestGeneratedFiles(planEntries(papers));
    // The schema of a survey without the theme `agents` would refuse the second paper: read as recorded, it is not asked.
    expect(() => readGeneratedPapers(folder, ['rl'])).toThrow(/agents\.json:4: .*themes\.0: "agents" is not a theme of survey\.yaml/);
    expect(readGeneratedPapers(folder, ['rl'], { writtenByIngest: recorded })).toEqual(readGeneratedPapers(folder, ['rl', 'agents']));
    // An edit after the ingest: the digest no longer matches, so the files are validated and the edit is refused.
    const file = join(folder, 'rl.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"upvotes":null', '"upvotes":"many"'));
    expect(() => readGeneratedPapers(folder, ['rl', 'agents'], { writtenByIngest: recorded })).toThrow(
      /rl\.json:4: .*upvotes: Expected number/,
    );
  });

  test("the papers' ids are read from the start of their lines, and from the whole file when it is laid out otherwise", () => {
    const tricky = [
      generatedPaper('plain-paper'),
      generatedPaper('quoted-"paper"\\x', { abstract: 'A line break\n    {"id":"not-a-paper"} inside a text stays inside its line.' }),
    ];
    for (const [path, bytes] of planEntries(tricky)) {
      if (!path.endsWith('.json')) continue;
      const text = Buffer.from(bytes).toString('utf8');
      expect(readEntryIds(text)).toEqual(readEntries(text).map((entry) => (entry as Paper).id));
    }
    const ids = tricky.map((paper) => paper.id);
    expect(readEntryIds(JSON.stringify({ papers: tricky }, null, 2))).toEqual(ids);
    expect(readEntryIds(JSON.stringify({ papers: tricky }))).toEqual(ids);
    const keysReordered = `{\n  "papers": [\n${tricky.map(({ id, ...rest }) => `    ${JSON.stringify({ ...rest, id })}`).join(',\n')}\n  ]\n}\n`;
    expect(readEntryIds(keysReordered)).toEqual(ids);
  });

  test('no generated folder yet (a new survey before its first ingest) is no papers', () => {
    expect(readGeneratedPapers(join(tmpdir(), 'no-such-folder-for-papers'), ['rl'])).toEqual([]);
  });
});
