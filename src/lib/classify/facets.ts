import { type EvidenceSpan, type FacetValue, type HeadlineResult, type PaperFacets, type Vocabularies } from '../../schemas/facets.ts';
import { FACET_KINDS, type FacetKind } from '../../schemas/facet-kinds.ts';
import { compileEachTermSet, type TermMatch, type TermSetCompiler } from '../text/term-matcher.ts';

/** At most this many evidence spans are kept per value: enough to highlight, small enough to store. */
const MAX_EVIDENCE = 5;
/** At most this many headline results per paper. */
const MAX_RESULTS = 3;

/** A vocabulary compiled into one matcher: every pattern, and the term (label) each belongs to. */
interface CompiledVocabulary {
  labels: string[];
  /** For each compiled pattern, the index of its term in `labels`. */
  termOfPattern: number[];
  find: (text: string) => TermMatch[];
}

/** Vocabularies compiled for matching; build once per ingest with {@link compileVocabularies}. */
export type CompiledVocabularies = Record<FacetKind, CompiledVocabulary>;

/**
 * Compiles every pattern of every vocabulary (an invalid one throws with the pattern in the message), each on its
 * own or, with `compile` from `shareTermSets`, read together with other term sets.
 */
export function compileVocabularies(
  vocabularies: Partial<Vocabularies>,
  compile: TermSetCompiler = compileEachTermSet,
): CompiledVocabularies {
  return Object.fromEntries(
    FACET_KINDS.map((kind) => {
      const terms = vocabularies[kind] ?? [];
      const patterns = terms.flatMap((term, index) => term.patterns.map((pattern) => ({ index, pattern })));
      return [
        kind,
        {
          labels: terms.map((term) => term.label),
          termOfPattern: patterns.map((p) => p.index),
          find: compile({ terms: patterns.map((p) => p.pattern) }),
        },
      ];
    }),
  ) as CompiledVocabularies;
}

/**
 * Extracts a paper's facets from its title and abstract, deterministically and offline: every vocabulary term
 * found (with where), and the abstract's sentences that report figures.
 */
export function extractFacets(paper: { title: string; abstract: string }, vocabularies: CompiledVocabularies): PaperFacets {
  const facets = Object.fromEntries(FACET_KINDS.map((kind) => [kind, matchVocabulary(paper, vocabularies[kind])])) as Record<
    FacetKind,
    FacetValue[]
  >;
  return { ...facets, results: findHeadlineResults(paper.abstract) };
}

function matchVocabulary(paper: { title: string; abstract: string }, vocabulary: CompiledVocabulary): FacetValue[] {
  const evidence = new Map<number, EvidenceSpan[]>();
  for (const field of ['title', 'abstract'] as const) {
    for (const match of vocabulary.find(paper[field])) {
      const term = vocabulary.termOfPattern[match.term]!;
      const list = evidence.get(term);
      const span = { field, start: match.start, end: match.end };
      if (list) list.push(span);
      else evidence.set(term, [span]);
    }
  }
  // Values in vocabulary order, each with its evidence.
  return [...evidence.keys()]
    .sort((a, b) => a - b)
    .map((term) => ({ value: vocabulary.labels[term]!, evidence: dedupeSpans(evidence.get(term)!).slice(0, MAX_EVIDENCE) }));
}

/** Sorted by field then position; a span inside another of the same field is dropped. */
function dedupeSpans(spans: EvidenceSpan[]): EvidenceSpan[] {
  const sorted = [...spans].sort((a, b) => (a.field === b.field ? a.start - b.start || b.end - a.end : a.field === 'title' ? -1 : 1));
  const kept: EvidenceSpan[] = [];
  for (const span of sorted) {
    const last = kept.at(-1);
    if (last && last.field === span.field && span.start < last.end) continue;
    kept.push(span);
  }
  return kept;
}

// A figure worth quoting: a percentage, "from X to Y", a speed-up ("4×", "2x"), points, or a metric = value.
const FIGURE =
  /\d(?:[\d,]*\.?\d*)?\s?%|\bfrom\s+\d+(?:\.\d+)?%?\s+to\s+\d+(?:\.\d+)?|\b\d+(?:\.\d+)?\s?[×x](?![\p{L}\p{N}])|\b\d+(?:\.\d+)?\s+(?:absolute\s+)?(?:percentage\s+)?(?:points?|pp)\b|(?:pass@\d+|R\^?2|accuracy|success rate|score)\s*(?:of|=|:)\s*\d/iu;

const SENTENCES = new Intl.Segmenter('en', { granularity: 'sentence' });
const DIGITS = /\d/g;

/** The abstract's sentences that report a figure, kept whole with their offsets (at most three, in order). */
export function findHeadlineResults(abstract: string): HeadlineResult[] {
  const results: HeadlineResult[] = [];
  // Every figure has a digit: only the sentences holding one are looked at, found from the digits (most of an
  // abstract's sentences have none), before the costlier pattern runs.
  let sentences: Intl.Segments | undefined;
  DIGITS.lastIndex = 0;
  for (let digit = DIGITS.exec(abstract); digit; digit = DIGITS.exec(abstract)) {
    sentences ??= SENTENCES.segment(abstract);
    const { segment, index } = sentences.containing(digit.index)!;
    DIGITS.lastIndex = index + segment.length;
    const text = segment.trim();
    if (!FIGURE.test(text)) continue;
    const start = index + segment.indexOf(text);
    results.push({ text, start, end: start + text.length });
    if (results.length === MAX_RESULTS) break;
  }
  return results;
}
