import { closest } from 'fastest-levenshtein';
import { normaliseTitle } from '../ingest/paper-ids.ts';

/** What a curator typed to name a paper, and what it matched. */
export type PaperMatch<P> = { kind: 'one'; paper: P } | { kind: 'many'; papers: P[] } | { kind: 'none'; closest: string | null };

/**
 * Finds a paper by its id or by words of its title (all words must appear, in any order, ignoring case and
 * punctuation). An exact id always wins.
 */
export function findPaper<P extends { id: string; title: string }>(papers: readonly P[], query: string): PaperMatch<P> {
  const wanted = query.trim();
  const exact = papers.find((paper) => paper.id === wanted);
  if (exact) return { kind: 'one', paper: exact };
  const words = normaliseTitle(wanted).split(' ').filter(Boolean);
  if (words.length === 0) return { kind: 'none', closest: null };
  const matches = papers.filter((paper) => {
    const titleWords = new Set(normaliseTitle(paper.title).split(' '));
    const idWords = new Set(paper.id.split('-'));
    return words.every(
      (word) => titleWords.has(word) || idWords.has(word) || [...titleWords].some((t) => t.startsWith(word) && word.length >= 4),
    );
  });
  if (matches.length === 1) return { kind: 'one', paper: matches[0]! };
  if (matches.length > 1) return { kind: 'many', papers: matches };
  return {
    kind: 'none',
    closest:
      papers.length > 0
        ? closest(
            wanted.toLowerCase().replace(/\s+/g, '-'),
            papers.map((paper) => paper.id),
          )
        : null,
  };
}
