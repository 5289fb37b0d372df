import { FACET_KINDS, type EvidenceSpan, type FacetKind, type FacetValue, type HeadlineResult, type PaperFacets, type Vocabularies } from '../schemas/facets.ts';
import { compileTerm, findTerm } from './term-pattern.ts';

/** At most this many evidence spans are kept per value: enough to highlight, small enough to store. */
const MAX_EVIDENCE = 5;
/** At most this many headline results per paper. */
const MAX_RESULTS = 3;

/** Vocabularies with their patterns compiled; build once per ingest with {@link compileVocabularies}. */
export type CompiledVocabularies = Record<FacetKind, Array<{ label: string; patterns: RegExp[] }>>;

/** Compiles every pattern of every vocabulary; an invalid one throws with the term and kind in the message. */
export function compileVocabularies(vocabularies: Partial<Vocabularies>): CompiledVocabularies {
  return Object.fromEntries(
    FACET_KINDS.map((kind) => [kind, (vocabularies[kind] ?? []).map((term) => ({ label: term.label, patterns: term.patterns.map((p) => compileTerm(p)) }))]),
  ) as CompiledVocabularies;
}

/**
 * Extracts a paper's facets from its title and abstract, deterministically and offline: every vocabulary term
 * found (with where), and the abstract's sentences that report figures.
 */
export function extractFacets(paper: { title: string; abstract: string }, vocabularies: CompiledVocabularies): PaperFacets {
  const facets = Object.fromEntries(FACET_KINDS.map((kind) => [kind, matchVocabulary(paper, vocabularies[kind])])) as Record<FacetKind, FacetValue[]>;
  return { ...facets, results: findHeadlineResults(paper.abstract) };
}

function matchVocabulary(paper: { title: string; abstract: string }, terms: CompiledVocabularies[FacetKind]): FacetValue[] {
  const values: FacetValue[] = [];
  for (const term of terms) {
    const evidence: EvidenceSpan[] = [];
    for (const field of ['title', 'abstract'] as const) {
      for (const pattern of term.patterns) {
        for (const [start, end] of findTerm(paper[field], pattern)) evidence.push({ field, start, end });
      }
    }
    if (evidence.length === 0) continue;
    const unique = dedupeSpans(evidence);
    values.push({ value: term.label, evidence: unique.slice(0, MAX_EVIDENCE) });
  }
  return values;
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

/** The abstract's sentences that report a figure, kept whole with their offsets (at most three, in order). */
export function findHeadlineResults(abstract: string): HeadlineResult[] {
  const results: HeadlineResult[] = [];
  for (const { segment, index } of new Intl.Segmenter('en', { granularity: 'sentence' }).segment(abstract)) {
    const text = segment.trim();
    if (!FIGURE.test(text)) continue;
    const start = index + segment.indexOf(text);
    results.push({ text, start, end: start + text.length });
    if (results.length === MAX_RESULTS) break;
  }
  return results;
}
