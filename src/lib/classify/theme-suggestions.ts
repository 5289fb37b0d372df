import slugify from '@sindresorhus/slugify';
import { stringify } from 'yaml';
import { buildVectorSpace, centroid, cosine, paperTerms, vectorize, type SparseVector, type VectorSpace } from '../text/tf-idf.ts';

/** A proposed theme: a name from its top terms, its key terms, and its member papers (most typical first). */
export interface SuggestedTheme {
  id: string;
  title: string;
  keywords: string[];
  members: Array<{ title: string; similarity: number }>;
}

const ITERATIONS = 25;

/** A sensible number of groups for `n` papers: about √(n/2), between 2 and 15. */
export function defaultGroupCount(n: number): number {
  return Math.max(2, Math.min(15, Math.round(Math.sqrt(n / 2))));
}

/**
 * Groups papers by content and proposes a theme per group: bisecting spherical k-means over TF-IDF vectors (the
 * largest group is split in two until there are enough), which keeps one generic group from swallowing the rest.
 * A group is named by the terms that set it apart from the whole listing. Deterministic: every split is seeded by
 * the paper least like its group, then the paper least like that one, ties by order. Groups of one paper are not
 * proposed.
 */
export function suggestThemes(
  papers: ReadonlyArray<{ title: string; vector: SparseVector }>,
  space: VectorSpace,
  groupCount = defaultGroupCount(papers.length),
): SuggestedTheme[] {
  if (papers.length === 0) return [];
  let groups: number[][] = [papers.map((_, index) => index)];
  while (groups.length < Math.min(groupCount, papers.length)) {
    const largest = groups.reduce((best, group, index) => (group.length > groups[best]!.length ? index : best), 0);
    const halves = splitInTwo(groups[largest]!, papers);
    if (!halves) break;
    groups = [...groups.slice(0, largest), ...halves, ...groups.slice(largest + 1)];
  }
  const share = (members: readonly number[]) => {
    const counts = new Map<number, number>();
    for (const index of members) for (const term of papers[index]!.vector.terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    return new Map([...counts].map(([term, count]) => [term, count / members.length]));
  };
  const overallShare = share(papers.map((_, index) => index));
  const usedIds = new Set<string>();
  return groups
    .map((members, group) => {
      const centre = centroid(members.map((index) => ({ vector: papers[index]!.vector })));
      // A group is named by terms many of its papers share and few others do: share in the group × lift over
      // the whole listing.
      const distinctive = [...share(members)]
        .filter(([, inGroup]) => inGroup * members.length >= 2)
        .map(([term, inGroup]) => [term, inGroup * Math.log(inGroup / overallShare.get(term)!)] as const)
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, 8)
        .map(([term]) => space.terms[term]!);
      let id = slugify(distinctive.slice(0, 2).join(' ')) || `group-${group + 1}`;
      for (let n = 2; usedIds.has(id); n += 1) id = `${slugify(distinctive.slice(0, 2).join(' '))}-${n}`;
      usedIds.add(id);
      const [a, b, c] = distinctive.map((word) => word.charAt(0).toUpperCase() + word.slice(1));
      return {
        id,
        title: c ? `${a}, ${b} & ${c}` : [a, b].filter(Boolean).join(' & '),
        keywords: distinctive,
        members: members
          .map((index) => ({ title: papers[index]!.title, similarity: Math.round(cosine(papers[index]!.vector, centre) * 1000) / 1000 }))
          .sort((x, y) => y.similarity - x.similarity || x.title.localeCompare(y.title)),
      };
    })
    .filter((theme) => theme.members.length > 1)
    .sort((a, b) => b.members.length - a.members.length || a.id.localeCompare(b.id));
}

/**
 * Proposes themes for papers from their titles and abstracts alone (see {@link suggestThemes}): what
 * `npm run themes:suggest` prints and what `npm run new` writes into a new survey's `survey.yaml`.
 */
export function proposeThemes(papers: ReadonlyArray<{ title: string; abstract: string | null }>, groupCount = defaultGroupCount(papers.length)): SuggestedTheme[] {
  const terms = papers.map((paper) => paperTerms({ title: paper.title, abstract: paper.abstract ?? '' }));
  const space = buildVectorSpace(terms);
  return suggestThemes(
    papers.map((paper, index) => ({ title: paper.title, vector: vectorize(space, terms[index]!) })),
    space,
    groupCount,
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
    const second = members[argmax(members.map((index) => (index === first ? -Infinity : -cosine(papers[index]!.vector, papers[first]!.vector))))]!;
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
    for (const index of members) next[cosine(papers[index]!.vector, centres[0]!) >= cosine(papers[index]!.vector, centres[1]!) ? 0 : 1].push(index);
    if (next[0].length === 0 || next[1].length === 0) return null;
    const unchanged = next[0].length === sides[0].length && next[0].every((index, i) => index === sides[0][i]);
    sides = next;
    centres = sides.map((side) => centroid(side.map((index) => ({ vector: papers[index]!.vector }))));
    if (unchanged) break;
  }
  const fit = sides.reduce((sum, side, s) => sum + side.reduce((inner, index) => inner + cosine(papers[index]!.vector, centres[s]!), 0), 0);
  return { sides, fit };
}

/** The proposals as YAML, ready to paste under `themes:` in `content/survey.yaml`, members listed in comments. */
export function formatSuggestions(themes: readonly SuggestedTheme[], header: string): string {
  const lines = [`# ${header}`, '# Review each group: rename it, edit its keywords, then paste it under `themes:` in content/survey.yaml.'];
  for (const theme of themes) {
    const entry = stringify([{ id: theme.id, title: theme.title, scope: `papers about ${theme.keywords.slice(0, 5).join(', ')}`, keywords: theme.keywords }], {
      lineWidth: 0,
      flowCollectionPadding: false,
    }).trimEnd();
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
