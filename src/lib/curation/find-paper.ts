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
    return words.every((word) => titleWords.has(word) || idWords.has(word) || [...titleWords].some((t) => t.startsWith(word) && word.length >= 4));
  });
  if (matches.length === 1) return { kind: 'one', paper: matches[0]! };
  if (matches.length > 1) return { kind: 'many', papers: matches };
  return { kind: 'none', closest: papers.length > 0 ? closest(wanted.toLowerCase().replace(/\s+/g, '-'), papers.map((paper) => paper.id)) : null };
}

/** The text of a new note: a small frontmatter (every field optional, shown commented out) and a heading. */
export function createNoteStub(paper: { id: string; title: string; themes: readonly string[] }): string {
  const themes = paper.themes.length > 0 ? `[${paper.themes.join(', ')}]` : '[]';
  return `---
# Note on "${paper.title.replace(/"/g, "'")}". Every field is optional: uncomment what you need.
# themes: ${themes}   # pin the themes; the first is primary
# summary: One line shown under the title in tables.
# tags: [method, benchmark]
# featured: true        # shown first in its themes and on the home page
# hidden: true          # left out of the site, kept in data/papers.json
# code: https://github.com/owner/repo
# project: https://project.page/
---

## Curator's note

`;
}
