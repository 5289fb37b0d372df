import slugify from '@sindresorhus/slugify';
import { stringify } from 'yaml';
import { centroid, cosine, eachPaperTerms, isFieldTerm, vectorizeCorpus, type SparseVector, type VectorSpace } from '../text/tf-idf.ts';
import { splitWords, tokenize } from '../text/words.ts';
import { UNSORTED_THEME_ID } from '../../schemas/survey.ts';

/** A proposed theme: a name from its top terms, its key terms, and its member papers (most typical first). */
export interface SuggestedTheme {
  id: string;
  title: string;
  keywords: string[];
  members: Array<{ title: string; similarity: number }>;
}

const ITERATIONS = 25;

/**
 * Words that name no theme, however often a group's papers use them: those titles introduce their topic with
 * ("Towards …", "Enhancing …", "Let …"), and the pronouns and hedges of any abstract ("their", "increasingly"), which
 * the similarity keeps (they weigh little there) but which as a theme's keyword would place every paper that uses them.
 */
const TITLE_FILLERS = new Set(
  [
    'towards toward via let lets enhancing enhance advancing advance improving improve understanding rethinking revisiting beyond demystifying boosting boost harnessing unlocking investigating exploring explore incentivizing promoting empowering bridging make making can need all when what how why do does your our new',
    'i me my mine you yours he him his she her hers they them their theirs themselves itself us ours ourselves increasingly',
  ]
    .join(' ')
    .split(' '),
);

/**
 * A sensible number of groups for `n` papers: about √n, between 4 and 15 (fewer for a handful of papers, as a group
 * needs two): enough that each is one topic a curator can name, few enough to read at once (36 papers: 6 groups).
 */
export function defaultGroupCount(n: number): number {
  return Math.min(Math.max(4, Math.min(15, Math.round(Math.sqrt(n)))), Math.max(1, Math.floor(n / 2)));
}

/**
 * Groups papers by content and proposes a theme per group: bisecting spherical k-means over TF-IDF vectors (the
 * largest group is split in two until there are enough), which keeps one generic group from swallowing the rest.
 * A group is named by the terms that set it apart from the whole listing. Deterministic: every split is seeded by
 * the paper least like its group, then the paper least like that one, ties by order. Groups of one paper are not
 * proposed, nor groups whose papers share no word (two papers put together because each is unlike the rest): such a
 * group would have no name and no keyword to place a paper with, so its papers stay unsorted, as the ingest says.
 */
export function suggestThemes(
  papers: ReadonlyArray<{ title: string; vector: SparseVector }>,
  space: VectorSpace,
  groupCount = defaultGroupCount(papers.length),
  takenIds: Iterable<string> = [],
): SuggestedTheme[] {
  if (papers.length === 0) return [];
  let groups: number[][] = [papers.map((_, index) => index)];
  while (groups.length < Math.min(groupCount, papers.length)) {
    const largest = groups.reduce((best, group, index) => (group.length > groups[best]!.length ? index : best), 0);
    const halves = splitInTwo(groups[largest]!, papers);
    if (!halves) break;
    groups = [...groups.slice(0, largest), ...halves, ...groups.slice(largest + 1)];
  }
  // What each paper's title says, as terms of the space: a group is named first by the words of its titles (they
  // say what a paper is about; an abstract's words also say how it is written).
  const titleTerms = papers.map((paper) => new Set(tokenize(paper.title).flatMap((term) => space.termIds.get(term) ?? [])));
  const spelling = titleSpellings(papers.map((paper) => paper.title));
  const share = (members: readonly number[], termsOf: (index: number) => Iterable<number>) => {
    const counts = new Map<number, number>();
    for (const index of members) for (const term of termsOf(index)) counts.set(term, (counts.get(term) ?? 0) + 1);
    return new Map([...counts].map(([term, count]) => [term, count / members.length]));
  };
  const everyone = papers.map((_, index) => index);
  const inText = (index: number) => papers[index]!.vector.terms;
  const inTitle = (index: number) => titleTerms[index]!;
  const overallShare = share(everyone, inText);
  const overallTitleShare = share(everyone, inTitle);
  // `unsorted` is the pseudo-theme of papers no theme fits, and a survey's own themes keep theirs: a group named as
  // one of them gets another id, so that it can be pasted beside them.
  const usedIds = new Set<string>([UNSORTED_THEME_ID, ...takenIds]);
  return groups
    .map((members, group) => {
      const centre = centroid(members.map((index) => ({ vector: papers[index]!.vector })));
      // A group is named by terms many of its papers share and few others do — share in the group × lift over the
      // whole listing — counting twice as much in the titles as anywhere in the text.
      const titleShare = share(members, inTitle);
      const distinctive = [...share(members, inText)]
        .filter(([term, inGroup]) => inGroup * members.length >= 2 && !TITLE_FILLERS.has(space.terms[term]!))
        .map(([term, inGroup]) => {
          const inGroupTitles = titleShare.get(term) ?? 0;
          const titleLift = inGroupTitles > 0 ? inGroupTitles * Math.log(inGroupTitles / overallTitleShare.get(term)!) : 0;
          return [term, inGroup * Math.log(inGroup / overallShare.get(term)!) + 2 * titleLift] as const;
        })
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .map(([term]) => space.terms[term]!)
        // One of a word and its longer forms (`design`, `designing`): the first, the stronger.
        .filter((term, index, terms) => !terms.slice(0, index).some((earlier) => sharesStem(earlier, term)))
        .slice(0, 8);
      // Two of the words that the group's titles write side by side ("Monte Carlo", "Closed-Loop") are one name.
      const named = joinTitlePhrases(
        distinctive,
        members.map((index) => papers[index]!.title),
      );
      const keywords = named.map((name) => (name.includes(' ') ? name.toLowerCase() : keywordOf(name, spelling)));
      const words = named.map((name) => (name.includes(' ') ? name : displayOf(name, spelling)));
      let id = slugify(words.slice(0, 2).join(' ')) || `group-${group + 1}`;
      for (let n = 2; usedIds.has(id); n += 1) id = `${slugify(words.slice(0, 2).join(' '))}-${n}`;
      usedIds.add(id);
      const [a, b, c] = words;
      return {
        id,
        title: c ? `${a}, ${b} & ${c}` : [a, b].filter(Boolean).join(' & '),
        keywords,
        members: members
          .map((index) => ({ title: papers[index]!.title, similarity: Math.round(cosine(papers[index]!.vector, centre) * 1000) / 1000 }))
          .sort((x, y) => y.similarity - x.similarity || x.title.localeCompare(y.title)),
      };
    })
    .filter((theme) => theme.members.length > 1 && theme.keywords.length > 0)
    .sort((a, b) => b.members.length - a.members.length || a.id.localeCompare(b.id));
}

/** Whether two terms are forms of one word: one starts with the other, and the shorter has at least five letters. */
function sharesStem(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 5 && long.startsWith(short);
}

/**
 * The terms, with each pair that the titles write side by side in at least two titles (as `monte` and `carlo` in
 * "Monte Carlo Tree Search") joined into one phrase as the titles spell it, in the place of its stronger term.
 */
function joinTitlePhrases(terms: readonly string[], titles: readonly string[]): string[] {
  const pairs = new Map<string, Map<string, number>>();
  for (const title of titles) {
    const words = splitWords(title);
    for (let i = 1; i < words.length; i += 1) {
      if (!words[i]!.joined) continue;
      const [first] = tokenize(words[i - 1]!.text);
      const [second] = tokenize(words[i]!.text);
      if (!first || !second) continue;
      const key = `${first} ${second}`;
      const spellings = pairs.get(key) ?? new Map<string, number>();
      const written = `${words[i - 1]!.text} ${words[i]!.text}`;
      spellings.set(written, (spellings.get(written) ?? 0) + 1);
      pairs.set(key, spellings);
    }
  }
  const result: string[] = [];
  const used = new Set<string>();
  for (const term of terms) {
    if (used.has(term)) continue;
    const partner = terms.find(
      (other) =>
        !used.has(other) &&
        other !== term &&
        [...(pairs.get(`${term} ${other}`)?.values() ?? []), ...(pairs.get(`${other} ${term}`)?.values() ?? [])].reduce(
          (a, b) => a + b,
          0,
        ) >= 2,
    );
    if (!partner) {
      result.push(term);
      continue;
    }
    const spellings = [...(pairs.get(`${term} ${partner}`) ?? []), ...(pairs.get(`${partner} ${term}`) ?? [])].sort(
      (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1),
    );
    const written = spellings[0]![0];
    result.push(
      written
        .split(' ')
        .map((word) => (isAcronym(word) ? word : `${word.charAt(0).toUpperCase()}${word.slice(1)}`))
        .join(' '),
    );
    used.add(term).add(partner);
  }
  return result;
}

/** How the titles write each term: its spellings as written, most frequent first (`mct` is written `MCTS`). */
function titleSpellings(titles: readonly string[]): Map<string, string[]> {
  const counts = new Map<string, Map<string, number>>();
  for (const title of titles) {
    for (const word of splitWords(title)) {
      const [term] = tokenize(word.text);
      if (!term || !isFieldTerm(term)) continue;
      const spellings = counts.get(term) ?? new Map<string, number>();
      spellings.set(word.text, (spellings.get(word.text) ?? 0) + 1);
      counts.set(term, spellings);
    }
  }
  return new Map(
    [...counts].map(([term, spellings]) => [
      term,
      [...spellings].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([written]) => written),
    ]),
  );
}

const isAcronym = (word: string) => /\p{Lu}/u.test(word) && !/\p{Ll}/u.test(word) && word.length > 1;

/**
 * A term as a keyword for `survey.yaml`: an acronym as the titles write it (`MCTS`, matched case-sensitively),
 * otherwise the term itself, which matches its plurals.
 */
function keywordOf(term: string, spelling: ReadonlyMap<string, readonly string[]>): string {
  const acronym = spelling.get(term)?.find(isAcronym);
  return acronym ?? term;
}

/** A term as a theme's title shows it: as the titles write it, capitalised (`GUI`, `Driving`, `Monte`). */
function displayOf(term: string, spelling: ReadonlyMap<string, readonly string[]>): string {
  const written = spelling.get(term)?.[0] ?? term;
  return isAcronym(written) ? written : `${written.charAt(0).toUpperCase()}${written.slice(1).toLowerCase()}`;
}

/**
 * Proposes themes for papers from their titles and abstracts alone (see {@link suggestThemes}): what
 * `npm run themes:suggest` prints and what `npm run new` writes into a new survey's `survey.yaml`. `takenIds` are ids
 * a proposal must not have (the survey's themes, beside which the proposals go).
 */
export function proposeThemes(
  papers: ReadonlyArray<{ title: string; abstract: string | null }>,
  groupCount = defaultGroupCount(papers.length),
  takenIds: Iterable<string> = [],
): SuggestedTheme[] {
  const { space, vectors } = vectorizeCorpus(eachPaperTerms(papers));
  return suggestThemes(
    papers.map((paper, index) => ({ title: paper.title, vector: vectors[index]! })),
    space,
    groupCount,
    takenIds,
  );
}

/**
 * Splits a group with 2-means, tried from several seeds (papers at fixed ranks of typicality, each paired with the
 * paper least like it), keeping the split whose papers sit closest to their halves' centres. Null when no split
 * gives two non-empty halves.
 */
function splitInTwo(members: readonly number[], papers: ReadonlyArray<{ vector: SparseVector }>): [number[], number[]] | null {
  if (members.length < 2) return null;
  const centre = centroid(members.map((index) => ({ vector: papers[index]!.vector })));
  const byTypicality = [...members].sort((a, b) => cosine(papers[b]!.vector, centre) - cosine(papers[a]!.vector, centre) || a - b);
  let best: { sides: [number[], number[]]; fit: number } | null = null;
  for (const rank of [0.1, 0.3, 0.5, 0.7, 0.9]) {
    const first = byTypicality[Math.min(byTypicality.length - 1, Math.floor(rank * byTypicality.length))]!;
    const second =
      members[argmax(members.map((index) => (index === first ? -Infinity : -cosine(papers[index]!.vector, papers[first]!.vector))))]!;
    const result = twoMeans(members, papers, [papers[first]!.vector, papers[second]!.vector]);
    if (result && (!best || result.fit > best.fit)) best = result;
  }
  return best?.sides ?? null;
}

function twoMeans(
  members: readonly number[],
  papers: ReadonlyArray<{ vector: SparseVector }>,
  seeds: [SparseVector, SparseVector],
): { sides: [number[], number[]]; fit: number } | null {
  let centres: SparseVector[] = seeds;
  let sides: [number[], number[]] = [[], []];
  for (let iteration = 0; iteration < ITERATIONS; iteration += 1) {
    const next: [number[], number[]] = [[], []];
    for (const index of members)
      next[cosine(papers[index]!.vector, centres[0]!) >= cosine(papers[index]!.vector, centres[1]!) ? 0 : 1].push(index);
    if (next[0].length === 0 || next[1].length === 0) return null;
    const unchanged = next[0].length === sides[0].length && next[0].every((index, i) => index === sides[0][i]);
    sides = next;
    centres = sides.map((side) => centroid(side.map((index) => ({ vector: papers[index]!.vector }))));
    if (unchanged) break;
  }
  const fit = sides.reduce((sum, side, s) => sum + side.reduce((inner, index) => inner + cosine(papers[index]!.vector, centres[s]!), 0), 0);
  return { sides, fit };
}

/**
 * The proposals as YAML, ready to paste under `themes:` in the survey's `survey.yaml` (as messages name it:
 * `surveyFile`), members listed in comments.
 */
export function formatSuggestions(themes: readonly SuggestedTheme[], header: string, surveyFile = 'content/survey.yaml'): string {
  const lines = [`# ${header}`, `# Review each group: rename it, edit its keywords, then paste it under \`themes:\` in ${surveyFile}.`];
  for (const theme of themes) {
    const entry = stringify(
      [{ id: theme.id, title: theme.title, scope: `papers about ${theme.keywords.slice(0, 5).join(', ')}`, keywords: theme.keywords }],
      {
        lineWidth: 0,
        flowCollectionPadding: false,
      },
    ).trimEnd();
    lines.push('', ...entry.split('\n').map((line) => `  ${line}`), `    # ${theme.members.length} papers:`);
    for (const member of theme.members) lines.push(`    #   - ${member.title}`);
  }
  return `${lines.join('\n')}\n`;
}

function argmax(values: readonly number[]): number {
  let best = 0;
  values.forEach((value, index) => {
    if (value > values[best]!) best = index;
  });
  return best;
}
