import { distance } from 'fastest-levenshtein';
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
  return { kind: 'none', closest: closestPaperId(wanted, papers) };
}

/**
 * The id of the paper a mistyped name most likely meant (an id or words of a title: `reflexion-languge-agents`), or
 * null when no paper has half its words: what "did you mean" offers, for `npm run note` and for a `<PaperLink>`.
 */
export function closestPaperId(typed: string, papers: Iterable<{ id: string; title?: string }>): string | null {
  const words = normaliseTitle(typed).split(' ').filter(Boolean);
  return words.length > 0 ? (nearestByWords([...papers], words)?.id ?? null) : null;
}

/**
 * The paper whose title has the most of the words typed, each word found as written or with a slip (one letter in
 * four off: `languge` for `language`) — at least half of them: a paper sharing no word is no suggestion. Ties go to
 * the shorter title, which the words typed say more of. By words, not by the whole id, which favours short ids
 * whatever was typed.
 */
function nearestByWords<P extends { id: string; title?: string }>(papers: readonly P[], words: readonly string[]): P | undefined {
  const near = (word: string, candidate: string) =>
    word === candidate || (word.length >= 4 && distance(word, candidate) <= Math.floor(word.length / 4));
  let best: { paper: P; found: number; length: number } | undefined;
  for (const paper of papers) {
    const titleWords = [...(paper.title ? normaliseTitle(paper.title).split(' ') : []), ...paper.id.split('-')];
    const found = words.filter((word) => titleWords.some((candidate) => near(word, candidate))).length;
    if (found * 2 < words.length || found === 0) continue;
    if (!best || found > best.found || (found === best.found && titleWords.length < best.length))
      best = { paper, found, length: titleWords.length };
  }
  return best?.paper;
}
