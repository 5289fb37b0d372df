/**
 * Property-based tests (fast-check): mutations of a listing in each text format — the default Daily Papers paste, a
 * BibTeX and an RIS export (see tests/helpers/mutations.ts) — either read or fail with a one-line `file:line: …`
 * InputError. Never another exception, never a hang; what is read is valid records.
 * `npm test` runs a few hundred per format; `npm run test:fuzz` runs 10,000 (FUZZ_RUNS).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { buildSurvey } from '../../src/lib/ingest/build-survey.ts';
import { InputError } from '../../src/lib/input/input-error.ts';
import { parseYamlWith } from '../../src/lib/input/read-yaml.ts';
import { readSource } from '../../src/lib/sources/read-source.ts';
import { loadVocabularies } from '../../src/loaders/survey-files.ts';
import { resolveContentPaths } from '../../src/loaders/content-paths.ts';
import { sourceRecordSchema } from '../../src/schemas/source-record.ts';
import { surveyConfigSchema } from '../../src/schemas/survey.ts';
import { encode, encoding, mutation, type Mutation } from '../helpers/mutations.ts';
import { projectRoot } from '../helpers/paths.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20251031);

/** The listings mutated: one per text format ingest reads with a syntax of its own. */
const FORMATS = [
  { file: 'fuzzed.txt', source: 'content/listings/reflective-agents.txt' },
  { file: 'fuzzed.bib', source: 'tests/fixtures/sources/zotero-bibtex/input.bib' },
  { file: 'fuzzed.ris', source: 'tests/fixtures/sources/zotero-ris/input.ris' },
  { file: 'fuzzed.csv', source: 'tests/fixtures/sources/zotero-csv/input.csv' },
  { file: 'fuzzed.json', source: 'tests/fixtures/sources/zotero-csl-json/input.json' },
  { file: 'fuzzed.xml', source: 'tests/fixtures/sources/arxiv-atom/input.xml' },
];

const input = fc.record({
  mutations: fc.array(mutation, { minLength: 1, maxLength: 5 }),
  how: encoding,
  noise: fc.uint8Array({ minLength: 1, maxLength: 64 }),
});

for (const format of FORMATS) {
  const original = readFileSync(join(projectRoot, format.source), 'utf8').split(/\r?\n/);
  const mutate = ({ mutations, how, noise }: { mutations: Mutation[]; how: string; noise: Uint8Array }) =>
    encode(
      mutations.reduce((lines, m) => m(lines), original),
      how,
      noise,
    );

  /** Reads or fails as promised; returns the records, or null after a well-formed InputError. */
  const readOrExplain = (bytes: Uint8Array) => {
    try {
      return readSource({ file: format.file, bytes }, '2025-10-31').records;
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      const message = (error as InputError).message;
      expect(message).toMatch(new RegExp(`^${format.file.replace('.', '\\.')}:\\d+: \\S`));
      expect(message).not.toContain('\n');
      expect((error as InputError).line).toBeGreaterThanOrEqual(1);
      return null;
    }
  };

  describe(`mutated ${format.file.split('.')[1]} listings`, () => {
    test(
      `read or fail with a clear file:line error (${RUNS} mutations)`,
      () => {
        let read = 0;
        let refused = 0;
        fc.assert(
          fc.property(input, (value) => {
            const started = performance.now();
            const bytes = mutate(value);
            const records = readOrExplain(bytes);
            if (records) {
              read += 1;
              for (const record of records) expect(sourceRecordSchema.safeParse(record).error).toBeUndefined();
            } else refused += 1;
            expect(performance.now() - started).toBeLessThan(5_000);
          }),
          { numRuns: RUNS, seed: SEED },
        );
        console.log(`fuzz ${format.file}: ${RUNS} mutations, ${read} read, ${refused} refused with a file:line error, 0 other failures`);
      },
      30_000 + RUNS * 30,
    );

    test(
      `the whole ingest pipeline takes what the reader accepts (${Math.ceil(RUNS / 20)} mutations)`,
      () => {
        const paths = resolveContentPaths(join(projectRoot, 'content'));
        const config = parseYamlWith(readFileSync(paths.surveyConfig, 'utf8'), surveyConfigSchema, 'survey.yaml').data;
        const vocabularies = loadVocabularies(paths);
        fc.assert(
          fc.property(input, (value) => {
            const bytes = mutate(value);
            if (!readOrExplain(bytes)?.length) return;
            const survey = buildSurvey({
              listings: [{ file: format.file, name: 'fuzzed', bytes, modifiedDay: '2025-10-31' }],
              config,
              notes: [],
              vocabularies,
            });
            expect(new Set(survey.papers.map((paper) => paper.id)).size).toBe(survey.papers.length);
          }),
          { numRuns: Math.ceil(RUNS / 20), seed: SEED },
        );
      },
      30_000 + RUNS * 20,
    );
  });
}
