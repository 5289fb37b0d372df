import slugify from '@sindresorhus/slugify';

/** Longest id, in characters: ids are URLs and file names, and must stay readable. */
export const MAX_ID_LENGTH = 80;

/** The readable id of a title: lower-case ASCII words joined by hyphens, cut at a word boundary to 80 characters. */
export function createPaperId(title: string): string {
  const slug = slugify(title, { decamelize: false }) || 'paper';
  if (slug.length <= MAX_ID_LENGTH) return slug;
  const cut = slug.slice(0, MAX_ID_LENGTH + 1);
  const boundary = cut.lastIndexOf('-');
  return (boundary > 0 ? cut.slice(0, boundary) : slug.slice(0, MAX_ID_LENGTH)).replace(/-+$/, '');
}

/**
 * Ids for papers in listing order, unique. Each paper gives its titles, the chosen one first (a paper merged from
 * several records has several spellings): a paper the survey already knows (`known`, the ids of its history) keeps
 * the id one of its titles gave it, so adding a `.bib` of published papers moves no URL. Otherwise the chosen title
 * gives the id, and a later title whose id is taken gets `-2`, `-3`, … (shortened to fit 80 characters). Order
 * decides, so the same listings always give the same ids.
 */
export function assignPaperIds(titles: ReadonlyArray<string | readonly string[]>, known: ReadonlySet<string> = new Set()): string[] {
  const taken = new Set<string>();
  return titles.map((spellings) => {
    // A paper's records mostly spell its title alike: each spelling is made into an id once.
    const candidates = [...new Set([...new Set(typeof spellings === 'string' ? [spellings] : spellings)].map(createPaperId))];
    const base = candidates[0]!;
    let id = candidates.find((candidate) => known.has(candidate) && !taken.has(candidate)) ?? base;
    for (let n = 2; taken.has(id); n += 1) {
      const suffix = `-${n}`;
      id = `${base.slice(0, MAX_ID_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`;
    }
    taken.add(id);
    return id;
  });
}

/** The form of a title used to recognise the same paper twice: case, accents, punctuation and spacing ignored. */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
