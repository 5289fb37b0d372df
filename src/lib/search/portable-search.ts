import MiniSearch from 'minisearch';
import { escapeHtml } from '../site/escape-html.ts';
import { tokenize } from '../text/words.ts';
import { SEARCH_FILTERS, type FilterCounts, type SearchState } from './search-state.ts';

/**
 * The portable site's search engine, for a copy opened from disk where Pagefind cannot run: MiniSearch (BM25 over
 * the title, weighted, and the body) reading text with the survey's own tokenizer, with the filters, sorts and
 * highlighted excerpts of the search page. It indexes the same content Pagefind does, read from the built pages.
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

/** The documents and their MiniSearch index, built when the portable copy's search page loads. */
export interface PreparedIndex {
  documents: SearchDocument[];
  engine: MiniSearch<SearchDocument & { position: number }>;
}

/** How much more a word in the title (or a curated keyword) counts than one in the body. */
const TITLE_BOOST = 2;

/** Indexes every document; do it when the index loads. Terms are the survey's own (see text/words.ts). */
export function prepareIndex(documents: SearchDocument[]): PreparedIndex {
  const engine = new MiniSearch<SearchDocument & { position: number }>({
    idField: 'position',
    fields: ['title', 'keywords', 'body'],
    storeFields: [],
    tokenize,
    // The tokenizer already gives terms (lower-case, folded, plurals folded); stop words are left out by it.
    processTerm: (term) => term,
    searchOptions: {
      boost: { title: TITLE_BOOST, keywords: TITLE_BOOST },
      // Search as you type: the last word also matches as the start of a longer one.
      prefix: (term, index, terms) => index === terms.length - 1 && term.length >= 3,
      combineWith: 'OR',
    },
  });
  engine.addAll(documents.map((document, position) => ({ ...document, position })));
  return { documents, engine };
}

/**
 * Runs a search: pages matching any query word (the last one also as a prefix, for search-as-you-type), ranked by
 * BM25 so that pages matching more of the words come first; then the filters (OR within one,
 * AND across), then the order — relevance, or newest / most upvoted with unknowns last.
 */
export function searchLocal(index: PreparedIndex, state: SearchState): { hits: SearchHit[]; counts: FilterCounts } {
  const words = tokenize(state.query);
  const candidates =
    words.length === 0 ? index.documents.map((_, position) => ({ position, score: 0 })) : rankAllWordsFirst(index, state.query);
  const passes = (doc: SearchDocument, except?: string) =>
    SEARCH_FILTERS.every(
      (name) =>
        name === except || state.filters[name].length === 0 || state.filters[name].some((value) => doc.filters[name]?.includes(value)),
    );
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
    hits: kept.map(({ position, score }) => ({
      document: index.documents[position]!,
      score,
      excerpt: makeExcerpt(index.documents[position]!.body, words),
    })),
    counts,
  };
}

/** A page holding the query's words side by side, as typed, counts this much more. */
const PHRASE_BOOST = 2;

/**
 * Pages with every word of the query first (those with the words side by side, as typed, ahead), then pages with
 * some of them, each group by score.
 */
function rankAllWordsFirst(index: PreparedIndex, query: string): Array<{ position: number; score: number }> {
  const words = tokenize(query);
  const phrase = (position: number) => {
    const document = index.documents[position]!;
    return words.length > 1 && [document.title, document.body].some((text) => containsPhrase(tokenize(text), words));
  };
  const every = index.engine
    .search(query, { combineWith: 'AND' })
    .map((result) => ({ ...result, score: result.score * (phrase(result.id as number) ? PHRASE_BOOST : 1) }));
  const some = index.engine.search(query, { combineWith: 'OR' });
  const first = new Set(every.map((result) => result.id as number));
  // Scores of the second group are kept below the first group's lowest, so a sort by score keeps the groups apart.
  const floor = Math.min(...every.map((result) => result.score), Infinity);
  const scale = Number.isFinite(floor) && some.length > 0 ? floor / (2 * Math.max(...some.map((result) => result.score))) : 1;
  return [
    ...every.map((result) => ({ position: result.id as number, score: result.score })),
    ...some
      .filter((result) => !first.has(result.id as number))
      .map((result) => ({ position: result.id as number, score: result.score * scale })),
  ];
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
  const isMatch = (part: string) =>
    tokenize(part).some((term) =>
      words.some((word, i) => term === word || (i === words.length - 1 && word.length >= 3 && term.startsWith(word))),
    );
  const first = Math.max(0, parts.findIndex(isMatch));
  const start = Math.max(0, first - Math.floor(EXCERPT_WORDS / 3));
  return parts
    .slice(start, start + EXCERPT_WORDS)
    .map((part) => (words.length > 0 && isMatch(part) ? `<mark>${escapeHtml(part)}</mark>` : escapeHtml(part)))
    .join(' ');
}
