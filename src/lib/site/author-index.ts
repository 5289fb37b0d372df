import type { PersonName } from '../../schemas/source-record.ts';
import { formatPersonName } from './paper-display.ts';

/** One person of the survey's authors: as their name is most often written, and how many papers name them. */
export interface IndexedAuthor {
  name: string;
  family: string;
  papers: number;
}

/** The same person however a source wrote their name: case, accents and spacing ignored ("Chloé Iyer" = "Chloe  Iyer"). */
function personKey(name: PersonName): string {
  return formatPersonName(name)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Every named author of the papers with their number of papers, most papers first, then by family name. A person
 * is counted once per paper; of the spellings of their name, the most frequent is shown (the first, on a tie).
 */
export function indexAuthors(papers: ReadonlyArray<{ authors: { names: readonly PersonName[] } }>): IndexedAuthor[] {
  const people = new Map<string, { spellings: Map<string, number>; family: string; papers: number }>();
  for (const paper of papers) {
    const seen = new Set<string>();
    for (const name of paper.authors.names) {
      const key = personKey(name);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      const person = people.get(key) ?? { spellings: new Map<string, number>(), family: name.family, papers: 0 };
      const spelling = formatPersonName(name);
      person.spellings.set(spelling, (person.spellings.get(spelling) ?? 0) + 1);
      person.papers += 1;
      people.set(key, person);
    }
  }
  return [...people.values()]
    .map((person) => ({
      name: [...person.spellings].reduce((best, next) => (next[1] > best[1] ? next : best))[0],
      family: person.family,
      papers: person.papers,
    }))
    .sort((a, b) => b.papers - a.papers || a.family.localeCompare(b.family, 'en') || a.name.localeCompare(b.name, 'en'));
}

/** Authors per page of the authors index: a survey of ten thousand papers names tens of thousands of people. */
export const AUTHORS_PER_PAGE = 300;
