import { escapeHtml } from '../site/escape-html.ts';
import { tokenize } from '../text/words.ts';
import { SEARCH_FILTERS, type SearchState } from './search-state.ts';

/**
 * The portable site's search engine, for a copy opened from disk where Pagefind cannot run. It indexes the same
 * content Pagefind does (read from the built pages), ranks with BM25 over the title (weighted) and the body, and
 * supports the same filters, sorts and highlighted excerpts. Small enough for a survey's few thousand pages.
 */

/** One indexed page, as the build writes it into the portable index. */
export interface SearchDocument {
  /** Path relative to the site root, e.g. `papers/x/index.html`. */
  url: string;
  title: string;
  /** Curated words weighted like the title (a paper's tags). */
  keywords: string;
  /** The page's searchable text (abstract, note, intro), without chrome. */
  body: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

export interface SearchHit {
  document: SearchDocument;
  score: number;
  excerpt: string;
}

interface Prepared {
  documents: SearchDocument[];
  titleTerms: string[][];
  bodyTerms: string[][];
  averageTitle: number;
  averageBody: number;
  frequency: Map<string, number>;
}

const TITLE_WEIGHT = 3;
const K1 = 1.2;
const B = 0.75;
/** Tokenizes every document once; do it when the index loads. */
export function prepareIndex(documents: SearchDocument[]): Prepared {
  const titleTerms = documents.map((doc) => tokenize(`${doc.title} ${doc.keywords}`));
  const bodyTerms = documents.map((doc) => tokenize(doc.body));
  const frequency = new Map<string, number>();
  documents.forEach((_, index) => {
    for (const term of new Set([...titleTerms[index]!, ...bodyTerms[index]!])) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  });
  const average = (lists: string[][]) => lists.reduce((sum, list) => sum + list.length, 0) / Math.max(1, lists.length);
  return { documents, titleTerms, bodyTerms, averageTitle: average(titleTerms), averageBody: average(bodyTerms), frequency };
}

/** Counts of each filter value among documents that pass every *other* filter (as a faceted search shows them). */
export type FilterCounts = Record<string, Record<string, number>>;

/**
 * Runs a search: pages matching any query word (the last one also as a prefix, for search-as-you-type), ranked so
 * that pages matching more of the words, and the words as a phrase, come first; then the filters (OR within one,
 * AND across), then the order — relevance, or newest / most upvoted with unknowns last.
 */
export function searchLocal(index: Prepared, state: SearchState): { hits: SearchHit[]; counts: FilterCounts } {
  const words = tokenize(state.query);
  const candidates: Array<{ position: number; score: number }> = [];
  index.documents.forEach((_, position) => {
    const score = words.length === 0 ? 0 : scoreDocument(index, position, words);
    if (words.length === 0 || score > 0) candidates.push({ position, score });
  });
  const passes = (doc: SearchDocument, except?: string) =>
    SEARCH_FILTERS.every((name) => name === except || state.filters[name].length === 0 || state.filters[name].some((value) => doc.filters[name]?.includes(value)));
  const counts: FilterCounts = {};
  for (const name of SEARCH_FILTERS) {
    const tally: Record<string, number> = {};
    for (const { position } of candidates) {
      const doc = index.documents[position]!;
      if (!passes(doc, name)) continue;
      for (const value of doc.filters[name] ?? []) tally[value] = (tally[value] ?? 0) + 1;
    }
    counts[name] = tally;
  }
  const kept = candidates.filter(({ position }) => passes(index.documents[position]!));
  const key = state.sort === 'newest' ? 'date' : state.sort === 'upvotes' ? 'upvotes' : null;
  kept.sort((a, b) => {
    if (key) {
      const left = index.documents[a.position]!.sort[key] ?? '';
      const right = index.documents[b.position]!.sort[key] ?? '';
      if (left !== right) return left < right ? 1 : -1;
    }
    return b.score - a.score || a.position - b.position;
  });
  return {
    hits: kept.map(({ position, score }) => ({ document: index.documents[position]!, score, excerpt: makeExcerpt(index.documents[position]!.body, words) })),
    counts,
  };
}

function scoreDocument(index: Prepared, position: number, words: string[]): number {
  let total = 0;
  let matched = 0;
  const titleTerms = index.titleTerms[position]!;
  const bodyTerms = index.bodyTerms[position]!;
  for (const [i, word] of words.entries()) {
    const isLast = i === words.length - 1;
    const matches = (term: string) => term === word || (isLast && word.length >= 3 && term.startsWith(word));
    const inTitle = titleTerms.filter(matches).length;
    const inBody = bodyTerms.filter(matches).length;
    if (inTitle + inBody === 0) continue;
    matched += 1;
    const documentsWith = index.frequency.get(word) ?? 1;
    const idf = Math.log(1 + (index.documents.length - documentsWith + 0.5) / (documentsWith + 0.5));
    const bm25 = (count: number, length: number, average: number) => (count * (K1 + 1)) / (count + K1 * (1 - B + (B * length) / Math.max(1, average)));
    total += idf * (TITLE_WEIGHT * bm25(inTitle, titleTerms.length, index.averageTitle) + bm25(inBody, bodyTerms.length, index.averageBody));
  }
  if (matched === 0) return 0;
  // Pages with all the words beat pages with some; the words side by side, as typed, count extra.
  const coverage = (matched / words.length) ** 2;
  const phrase = words.length > 1 && (containsPhrase(titleTerms, words) || containsPhrase(bodyTerms, words)) ? 1.5 : 1;
  return total * coverage * phrase;
}

function containsPhrase(terms: readonly string[], words: readonly string[]): boolean {
  for (let start = 0; start + words.length <= terms.length; start += 1) {
    if (words.every((word, offset) => terms[start + offset] === word)) return true;
  }
  return false;
}

const EXCERPT_WORDS = 30;

/** About thirty words of the body around the first match, HTML-escaped, with matched words in `<mark>`. */
export function makeExcerpt(body: string, words: readonly string[]): string {
  const parts = body.split(/\s+/).filter(Boolean);
  const isMatch = (part: string) => tokenize(part).some((term) => words.some((word, i) => term === word || (i === words.length - 1 && word.length >= 3 && term.startsWith(word))));
  const first = Math.max(0, parts.findIndex(isMatch));
  const start = Math.max(0, first - Math.floor(EXCERPT_WORDS / 3));
  return parts
    .slice(start, start + EXCERPT_WORDS)
    .map((part) => (words.length > 0 && isMatch(part) ? `<mark>${escapeHtml(part)}</mark>` : escapeHtml(part)))
    .join(' ');
}
