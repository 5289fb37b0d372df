/**
 * Parser fixtures: each folder in tests/fixtures/listings holds `input.txt` (a pasted listing), `options.json`
 * (its capture date) and `expected.json` (every paper's fields and links, and the warnings). A fixture without its
 * expected file fails; `UPDATE_FIXTURES=1 npm run test:unit` writes the expected files from the actual output, to
 * review in the diff.
 *
 * Folders in tests/fixtures/listing-errors hold inputs that must fail, with `expected-error.txt`.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { extractLinks } from '../../src/lib/text/abstract-links.ts';
import { decodeTextLines } from '../../src/lib/input/decode-text.ts';
import { InputError } from '../../src/lib/input/input-error.ts';
import { parseListing } from '../../src/lib/sources/hf-paste.ts';
import { projectRoot } from '../helpers/paths.ts';

const update = process.env.UPDATE_FIXTURES === '1';
const fixtures = join(projectRoot, 'tests/fixtures/listings');
const errorFixtures = join(projectRoot, 'tests/fixtures/listing-errors');

function parseFixture(folder: string, file: string) {
  const options = existsSync(join(folder, 'options.json')) ? JSON.parse(readFileSync(join(folder, 'options.json'), 'utf8')) : {};
  const lines = decodeTextLines(readFileSync(join(folder, 'input.txt')), file);
  const parsed = parseListing(lines, { file, captured: options.captured ?? '2025-10-31' });
  return { papers: parsed.papers.map((paper) => ({ ...paper, links: extractLinks(paper.abstract ?? '') })), warnings: parsed.warnings };
}

describe('parsing listings', () => {
  for (const name of readdirSync(fixtures).sort()) {
    test(`${name} parses as expected`, () => {
      const folder = join(fixtures, name);
      const actual = parseFixture(folder, `${name}.txt`);
      const expectedFile = join(folder, 'expected.json');
      if (update) writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
      expect(
        existsSync(expectedFile),
        `${expectedFile} is missing: write it by hand, or run UPDATE_FIXTURES=1 npm run test:unit and review it`,
      ).toBe(true);
      expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
    });
  }
});

describe('refusing listings it cannot read', () => {
  for (const name of readdirSync(errorFixtures).sort()) {
    test(`${name} fails with a one-line error naming file and line`, () => {
      const folder = join(errorFixtures, name);
      let error: unknown;
      try {
        parseFixture(folder, `${name}.txt`);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(InputError);
      const message = (error as InputError).message;
      expect(message).not.toContain('\n');
      expect(message).toMatch(new RegExp(`^${name}\\.txt:\\d+: `));
      const expectedFile = join(folder, 'expected-error.txt');
      if (update) writeFileSync(expectedFile, `${message}\n`);
      expect(
        existsSync(expectedFile),
        `${expectedFile} is missing: write it by hand, or run UPDATE_FIXTURES=1 npm run test:unit and review it`,
      ).toBe(true);
      expect(message).toBe(readFileSync(expectedFile, 'utf8').trimEnd());
    });
  }
});
