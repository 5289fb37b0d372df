import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { compileVocabularies, extractFacets, findHeadlineResults } from '../../src/lib/classify/facets.ts';
import { compileRegexTerm, compileTermSet } from '../../src/lib/text/term-matcher.ts';
import type { Vocabularies } from '../../src/schemas/facets.ts';
import { FACET_KINDS } from '../../src/schemas/facet-kinds.ts';
import { projectRoot } from '../helpers/paths.ts';

const vocabularies = Object.fromEntries(
  FACET_KINDS.map((kind) => [kind, parse(readFileSync(join(projectRoot, 'content/facets', `${kind}.yaml`), 'utf8'))]),
) as Vocabularies;
const compiled = compileVocabularies(vocabularies);
const facetsOf = (title: string, abstract: string) => extractFacets({ title, abstract }, compiled);
const values = (title: string, abstract: string, kind: (typeof FACET_KINDS)[number]) =>
  facetsOf(title, abstract)[kind].map((facet) => facet.value);

const spans = (text: string, term: string, options: { plurals?: boolean } = {}) =>
  compileTermSet([term], options)(text).map((match) => [match.start, match.end]);

describe('search terms', () => {
  test('match whole words only: "RL" is not found inside other words', () => {
    expect(spans('We use RL, not world models or URLs or CURL.', 'RL')).toEqual([[7, 9]]);
    expect(spans('agentic RL-based training', 'RL')).toEqual([[8, 10]]);
  });

  test('acronyms match case-sensitively, words case-insensitively', () => {
    expect(spans('the rl of it', 'RL')).toEqual([]);
    expect(spans('Reinforcement Learning', 'reinforcement learning')).toEqual([[0, 22]]);
  });

  test('a space or hyphen in a term matches either, or none', () => {
    expect(spans('SWE bench and SWE-bench and SWEbench', 'SWE-bench')).toHaveLength(3);
    expect(spans('SWE  bench and SWE, bench', 'SWE-bench')).toHaveLength(0);
  });

  test('plurals and wildcards for theme keywords', () => {
    expect(spans('verifiers verify verification', 'verif*')).toHaveLength(3);
    expect(spans('agents', 'agent', { plurals: true })).toHaveLength(1);
    expect(spans('agents', 'agent')).toHaveLength(0);
  });

  test('a /regular expression/ is used as written; an invalid one is refused by name', () => {
    expect(spans('Qwen2.5-7B and Qwen-2.5', '/\\bQwen[- ]?2\\.5(?!\\d)/i')).toHaveLength(2);
    expect(() => compileRegexTerm('/(unclosed/')).toThrow(/"\/\(unclosed\/" is not a valid regular expression/);
  });
});

describe('facets from titles and abstracts', () => {
  test('approach: several may apply, each with its evidence', () => {
    const facets = facetsOf('Tree Search with RL', 'We combine Monte Carlo Tree Search with supervised fine-tuning.');
    expect(facets.approach.map((f) => f.value)).toEqual([
      'Reinforcement learning',
      'Fine-tuning / distillation',
      'Search (MCTS, tree search)',
    ]);
    expect(facets.approach[0]!.evidence).toEqual([{ field: 'title', start: 17, end: 19 }]);
  });

  test('approach: a model name like DeepSeek-R1-Distill is not distillation', () => {
    expect(values('x', 'We evaluate DeepSeek-R1-Distill models.', 'approach')).not.toContain('Fine-tuning / distillation');
    expect(values('x', 'Knowledge distillation from a teacher.', 'approach')).toContain('Fine-tuning / distillation');
  });

  test('approach: a paper that introduces a benchmark, not one that merely uses one', () => {
    expect(values('x', 'We introduce MM-HELIX, a multimodal benchmark of 42 tasks.', 'approach')).toContain('Benchmark / dataset');
    expect(values('x', 'Results on four reasoning benchmarks improve.', 'approach')).not.toContain('Benchmark / dataset');
  });

  test('modality: "code is available" does not make a paper about code', () => {
    expect(values('x', 'Our code is available at https://github.com/a/b.', 'modality')).not.toContain('Code');
    expect(values('x', 'We study code generation with LLMs.', 'modality')).toEqual(['Text', 'Code']);
  });

  test('domain: "alignment" of features is not AI alignment', () => {
    expect(values('x', 'A feature-space alignment bridges the gap.', 'domain')).not.toContain('Safety & alignment');
    expect(values('x', 'Emergent misalignment in reasoning models.', 'domain')).toContain('Safety & alignment');
  });

  test('benchmarks: the named ones, in their written variants', () => {
    const abstract =
      'On AIME 2024, AIME25, MATH-500, GSM8K, GPQA-Diamond, HumanEval, SWE-bench Verified, OSWorld, ScreenSpot-Pro and NAVSIM v2.';
    expect(values('x', abstract, 'benchmark')).toEqual([
      'AIME24',
      'AIME25',
      'MATH500',
      'GSM8K',
      'GPQA',
      'HumanEval',
      'SWE-bench',
      'SWE-bench Verified',
      'OSWorld',
      'ScreenSpot',
      'NAVSIM',
    ]);
  });

  test('benchmarks: bare "AIME" counts only next to other maths benchmarks (it is also a method\'s name)', () => {
    expect(values('x', 'Experiments on AIME, AMC, MATH500 and GSM8K.', 'benchmark')).toContain('AIME (year not given)');
    expect(values('x', 'We propose Action Inference by Maximising Evidence (AIME) on the DeepMind Control Suite.', 'benchmark')).toEqual([
      'DeepMind Control Suite',
    ]);
  });

  test('models: "o1" only as a token of its own', () => {
    expect(values('x', 'Slow-thinking systems like GPT-o1 and OpenAI o1-mini.', 'model')).toEqual(['o1']);
    expect(values('x', 'Costs grow as O(n) and pso1 or co1 or o10 are not models.', 'model')).toEqual([]);
    expect(values('x', 'Qwen2.5-VL-7B, Qwen3 family, QwQ-32B and DeepSeek-R1.', 'model')).toEqual([
      'Qwen2.5',
      'Qwen3',
      'QwQ',
      'DeepSeek-R1',
      'Qwen-VL',
    ]);
  });

  test('headline results: sentences with figures, kept whole with their place', () => {
    const abstract =
      'We propose X. It reduces token usage by an average of 18.5% to 41.9% while preserving accuracy. Models from 4B to 32B parameters. It raises pass@1 from 70.12 to 89.02. It is 3x faster.';
    const results = findHeadlineResults(abstract);
    expect(results.map((r) => r.text)).toEqual([
      'It reduces token usage by an average of 18.5% to 41.9% while preserving accuracy.',
      'It raises pass@1 from 70.12 to 89.02.',
      'It is 3x faster.',
    ]);
    for (const result of results) expect(abstract.slice(result.start!, result.end!)).toBe(result.text);
  });
});
