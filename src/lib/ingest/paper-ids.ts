import slugify from '@sindresorhus/slugify';

/** Longest id, in characters: ids are URLs and file names, and must stay readable. */
export const MAX_ID_LENGTH = 80;

/**
 * The readable id of a title: lower-case ASCII words joined by hyphens, cut at a word boundary to 80 characters. A
 * title with no letter that has an ASCII spelling (Chinese, Japanese) is `paper-` and a digest of its words: the same
 * title always gives the same id, and two such titles two ids, whatever their order.
 */
export function createPaperId(title: string): string {
  const slug = slugify(title, { decamelize: false });
  if (!slug) {
    const words = normaliseTitle(title);
    return words ? `paper-${digestOf(words)}` : 'paper';
  }
  if (slug.length <= MAX_ID_LENGTH) return slug;
  const cut = slug.slice(0, MAX_ID_LENGTH + 1);
  const boundary = cut.lastIndexOf('-');
  return (boundary > 0 ? cut.slice(0, boundary) : slug.slice(0, MAX_ID_LENGTH)).replace(/-+$/, '');
}

/** Eight hex digits of a text's FNV-1a hash: short, stable, and the same on every machine. */
function digestOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * Ids for papers in listing order, unique. Each paper gives its titles, the chosen one first (a paper merged from
 * several records has several spellings). `known` is the survey's history: each id it has given, with the paper's
 * title when it last saw it.
 * - A paper the history knows keeps its id: the id whose title is one of the paper's (case, accents and punctuation
 *   aside), so adding a `.bib` of published papers moves no URL. Matching by title, not by the id a title makes, keeps
 *   two papers whose titles make the same id (`Über …` and `Ueber …`, or `-2` after a title shared) each on its own
 *   id, and its note, whichever is listed first or leaves.
 * - Any other paper gets the id its chosen title makes, unless a paper of the history had it: then `-2`, `-3`, … (cut
 *   to fit 80 characters). A new paper never takes the id, and so the note, of one that has left.
 * - An id the history knows without a title (histories written before titles were kept) goes to a paper one of whose
 *   titles makes it, as before.
 * Order decides between equals, so the same listings and history always give the same ids.
 */
export function assignPaperIds(
  titles: ReadonlyArray<string | readonly string[]>,
  known: ReadonlyMap<string, string | undefined> = new Map(),
): string[] {
  const knownByTitle = new Map<string, string[]>();
  for (const [id, title] of known) {
    if (title === undefined) continue;
    const key = normaliseTitle(title);
    const ids = knownByTitle.get(key);
    if (ids) ids.push(id);
    else knownByTitle.set(key, [id]);
  }
  const taken = new Set<string>();
  const spellingsOf = titles.map((spellings) => [...new Set(typeof spellings === 'string' ? [spellings] : spellings)]);
  // First every paper the history knows by one of its titles takes its id back, so no paper listed before it can.
  const kept = spellingsOf.map((spellings) => {
    for (const title of new Set(spellings.map(normaliseTitle))) {
      const id = knownByTitle.get(title)?.find((candidate) => !taken.has(candidate));
      if (id !== undefined) {
        taken.add(id);
        return id;
      }
    }
    return undefined;
  });
  const heldByHistory = (id: string) => known.get(id) !== undefined;
  return kept.map((keptId, index) => {
    if (keptId !== undefined) return keptId;
    // A paper's records mostly spell its title alike: each spelling is made into an id once.
    const candidates = [...new Set(spellingsOf[index]!.map(createPaperId))];
    const base = candidates[0]!;
    let id = candidates.find((candidate) => known.has(candidate) && !heldByHistory(candidate) && !taken.has(candidate)) ?? base;
    for (let n = 2; taken.has(id) || heldByHistory(id); n += 1) {
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
