/**
 * Property-based tests (fast-check): mutations of the default listing — lines dropped, duplicated, swapped and
 * truncated; CRLF, tabs, NBSP, BOM, UTF-16, control characters, very long lines, binary noise — either parse or
 * fail with a one-line `file:line: …` InputError. Never another exception, never a hang.
 * `npm test` runs a few hundred; `npm run test:fuzz` runs 10,000 (FUZZ_RUNS).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { buildSurvey } from '../../src/lib/ingest/build-survey.ts';
import { decodeTextLines } from '../../src/lib/input/decode-text.ts';
import { InputError } from '../../src/lib/input/input-error.ts';
import { parseListing } from '../../src/lib/sources/hf-paste.ts';
import { parseYamlWith } from '../../src/lib/input/read-yaml.ts';
import { loadVocabularies } from '../../src/loaders/survey-files.ts';
import { resolveContentPaths } from '../../src/loaders/content-paths.ts';
import { surveyConfigSchema } from '../../src/schemas/survey.ts';
import { projectRoot } from '../helpers/paths.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const FILE = 'fuzzed.txt';
const original = readFileSync(join(projectRoot, 'content/listings/reflective-agents.txt'), 'utf8').split('\n');

type Mutation = (lines: string[]) => string[];
const index = fc.nat();
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  index.map((i) => (lines: string[]) => lines.filter((_, j) => j !== i % lines.length)),
  index.map((i) => (lines: string[]) => lines.flatMap((line, j) => (j === i % lines.length ? [line, line] : [line]))),
  fc.tuple(index, index).map(([i, k]) => (lines: string[]) => {
    const copy = [...lines];
    const a = i % copy.length;
    const b = k % copy.length;
    [copy[a], copy[b]] = [copy[b]!, copy[a]!];
    return copy;
  }),
  fc.tuple(index, index).map(([i, cut]) => (lines: string[]) => lines.map((line, j) => (j === i % lines.length ? line.slice(0, cut % (line.length + 1)) : line))),
  fc.tuple(index, fc.string({ unit: 'binary', maxLength: 40 })).map(([i, text]) => (lines: string[]) => lines.toSpliced(i % (lines.length + 1), 0, text)),
  fc.tuple(index, fc.constantFrom('\t', '\u00A0', '\u0007', '\u0000', '\u001B', '\uFEFF', '\u2028', '·', '•', '  ')).map(([i, char]) => (lines: string[]) =>
    lines.map((line, j) => (j === i % lines.length ? `${line.slice(0, 3)}${char}${line.slice(3)}` : line)),
  ),
  index.map((i) => (lines: string[]) => lines.map((line, j) => (j === i % lines.length ? line.repeat(60).slice(0, 100_000) : line))),
  fc.constant((lines: string[]) => lines.map((line) => `${line} \t`)),
);
const encoding = fc.constantFrom('utf8', 'utf8-bom', 'crlf', 'cr', 'utf16le', 'noise');

function encode(lines: string[], how: string, noise: Uint8Array): Uint8Array {
  const text = lines.join(how === 'crlf' ? '\r\n' : how === 'cr' ? '\r' : '\n');
  if (how === 'utf16le') return new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
  if (how === 'utf8-bom') return new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(text)]);
  if (how === 'noise') {
    const bytes = Buffer.from(text);
    const at = noise.length > 0 ? noise[0]! * 97 % bytes.length : 0;
    return new Uint8Array([...bytes.subarray(0, at), ...noise, ...bytes.subarray(at)]);
  }
  return Buffer.from(text);
}

/** Parses or fails as promised; returns the papers, or null after a well-formed InputError. */
function parseOrExplain(bytes: Uint8Array) {
  try {
    const lines = decodeTextLines(bytes, FILE);
    return { lines, parsed: parseListing(lines, { file: FILE, captured: '2025-10-31' }) };
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    const message = (error as InputError).message;
    expect(message).toMatch(/^fuzzed\.txt:\d+: \S/);
    expect(message).not.toContain('\n');
    expect((error as InputError).line).toBeGreaterThanOrEqual(1);
    return null;
  }
}

const input = fc.record({ mutations: fc.array(mutation, { minLength: 1, maxLength: 5 }), how: encoding, noise: fc.uint8Array({ minLength: 1, maxLength: 64 }) });
const mutate = ({ mutations, how, noise }: { mutations: Mutation[]; how: string; noise: Uint8Array }) => encode(mutations.reduce((lines, m) => m(lines), original), how, noise);

describe('mutated listings', () => {
  test(`parse or fail with a clear file:line error (${RUNS} mutations)`, () => {
    let parsed = 0;
    let refused = 0;
    fc.assert(
      fc.property(input, (value) => {
        const started = performance.now();
        const result = parseOrExplain(mutate(value));
        if (result) {
          parsed += 1;
          for (const paper of result.parsed.papers) {
            expect(paper.title.length).toBeGreaterThan(0);
            expect(paper.abstract?.length).toBeGreaterThan(0);
            expect(paper.line).toBeLessThanOrEqual(result.lines.length);
          }
        } else refused += 1;
        expect(performance.now() - started).toBeLessThan(5_000);
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20251031) },
    );
    console.log(`fuzz: ${RUNS} mutations, ${parsed} parsed, ${refused} refused with a file:line error, 0 other failures`);
  }, 30_000 + RUNS * 30);

  test(`the whole ingest pipeline takes what the parser accepts (${Math.ceil(RUNS / 20)} mutations)`, () => {
    const paths = resolveContentPaths(join(projectRoot, 'content'));
    const config = parseYamlWith(readFileSync(paths.surveyConfig, 'utf8'), surveyConfigSchema, 'survey.yaml').data;
    const vocabularies = loadVocabularies(paths);
    fc.assert(
      fc.property(input, (value) => {
        const bytes = mutate(value);
        if (!parseOrExplain(bytes)) return;
        const survey = buildSurvey({ listings: [{ file: FILE, name: 'fuzzed', bytes, modifiedDay: '2025-10-31' }], config, notes: [], vocabularies });
        expect(new Set(survey.papers.map((paper) => paper.id)).size).toBe(survey.papers.length);
      }),
      { numRuns: Math.ceil(RUNS / 20), seed: Number(process.env.FUZZ_SEED ?? 20251031) },
    );
  }, 30_000 + RUNS * 20);
});
