/**
 * The readers of library exports, one loop over fixture folders (as remark-gfm and the Zotero translators test):
 * `tests/fixtures/sources/<case>/input.<ext>` read by the reader its ending names must give `expected.json` (the
 * records, written by hand from the input) and, when it warns, the warnings of `expected-warnings.json`;
 * `tests/fixtures/source-errors/<case>/input.<ext>` must fail with the one line of `expected-error.txt`. A fixture
 * without its expected file fails; `UPDATE_FIXTURES=1` writes it from the actual output, to review in the diff.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/lib/input/input-error.ts';
import { csvDelimiter } from '../../src/lib/sources/csv.ts';
import { readSource } from '../../src/lib/sources/read-source.ts';
import { sourceRecordSchema } from '../../src/schemas/source-record.ts';
import { projectRoot } from '../helpers/paths.ts';

const update = process.env.UPDATE_FIXTURES === '1';
const fixtures = join(projectRoot, 'tests/fixtures/sources');
const errorFixtures = join(projectRoot, 'tests/fixtures/source-errors');
const inputOf = (folder: string) => readdirSync(folder).find((name) => name.startsWith('input.'))!;
const missing = (file: string) => `${file} is missing: write it by hand, or run UPDATE_FIXTURES=1 npm run test:unit and review it`;

describe('reading library exports', () => {
  for (const name of readdirSync(fixtures).sort()) {
    test(`${name} reads as expected`, () => {
      const folder = join(fixtures, name);
      const input = inputOf(folder);
      const { records, warnings } = readSource({ file: input, bytes: readFileSync(join(folder, input)) }, '2025-10-31');
      for (const record of records) expect(sourceRecordSchema.safeParse(record).success).toBe(true);
      const expectedFile = join(folder, 'expected.json');
      if (update) writeFileSync(expectedFile, `${JSON.stringify(records, null, 2)}\n`);
      expect(existsSync(expectedFile), missing(expectedFile)).toBe(true);
      expect(records).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
      // What the reader skipped or doubted: `expected-warnings.json`, when it warns at all.
      const warningsFile = join(folder, 'expected-warnings.json');
      if (update && warnings.length > 0) writeFileSync(warningsFile, `${JSON.stringify(warnings, null, 2)}\n`);
      if (update && warnings.length === 0) rmSync(warningsFile, { force: true });
      expect(warnings).toEqual(existsSync(warningsFile) ? JSON.parse(readFileSync(warningsFile, 'utf8')) : []);
    });
  }
});

describe('refusing exports it cannot read', () => {
  for (const name of readdirSync(errorFixtures).sort()) {
    test(`${name} fails with one line naming the file and line`, () => {
      const folder = join(errorFixtures, name);
      const input = inputOf(folder);
      let error: unknown;
      try {
        readSource({ file: input, bytes: readFileSync(join(folder, input)) }, '2025-10-31');
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(InputError);
      const message = (error as InputError).message;
      expect(message).not.toContain('\n');
      const expectedFile = join(folder, 'expected-error.txt');
      if (update) writeFileSync(expectedFile, `${message}\n`);
      expect(existsSync(expectedFile), missing(expectedFile)).toBe(true);
      expect(message).toBe(readFileSync(expectedFile, 'utf8').trimEnd());
    });
  }
});

describe("a CSV file's separator", () => {
  test('is read from the header: commas, or the semicolons or tabs a spreadsheet saves with', () => {
    expect(csvDelimiter('title,authors,date\nA,"B; C",2023\n')).toBe(',');
    expect(csvDelimiter('title;authors;date\n"A, B";C;2023\n')).toBe(';');
    expect(csvDelimiter('title\tauthors\tdate\nA\tB\t2023\n')).toBe('\t');
    // Separators inside a quoted column name are not counted.
    expect(csvDelimiter('"title; as written","authors; all",date\n')).toBe(',');
    expect(csvDelimiter('title\n')).toBe(',');
  });
});
