import type { Paper } from '../../schemas/paper.ts';
import type { PersonName } from '../../schemas/source-record.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Words shown for a fact the listing did not give: unknown is said, never guessed. */
export const UNKNOWN = 'unknown';

/** A date at its precision: `2024-06-21` → `21 Jun 2024`, `2024-06` → `Jun 2024`, `2024` → `2024`; `null` → `unknown`. */
export function formatDate(date: string | null): string {
  if (!date) return UNKNOWN;
  const [year, month, day] = date.split('-').map(Number);
  if (!month) return String(year);
  if (!day) return `${MONTHS[month - 1]} ${year}`;
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/**
 * Where a date sorts: a month at its first day, a year at its first day (`2023-03` → `2023-03-01`), so dates of
 * every precision sort together.
 */
export function dateSortKey(date: string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

/** A name as it reads: "Given Family", or the literal name. */
export function formatPersonName(name: PersonName): string {
  if (!name.given) return name.family;
  // A Chinese, Japanese or Korean name is written family name first, without a space (王小明), as its sources give it
  // apart (CSL's family 王, given 小明).
  if (EAST_ASIAN_NAME.test(name.family) && EAST_ASIAN_NAME.test(name.given)) return `${name.family}${name.given}`;
  return `${name.given} ${name.family}`;
}

/** A name written in Han characters, kana or Hangul only. */
const EAST_ASIAN_NAME = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30fc\u00b7\u30fb]+$/u;

/** How many family names a byline lists before "et al.". */
const BYLINE_NAMES = 3;

/**
 * Who wrote it, as far as the sources say, in a line: the first three family names ("Iyer, Núñez, Lefèvre et al."),
 * else the organisation's name, else `N authors`, else `unknown`.
 */
export function formatByline(paper: Pick<Paper, 'authors' | 'organization'>): string {
  const { names, count } = paper.authors;
  if (names.length > 0) {
    const families = names
      .slice(0, BYLINE_NAMES)
      .map((name) => name.family)
      .join(', ');
    // A count unknown beside names: the source named some of the authors ("and others").
    return count === null || count > BYLINE_NAMES ? `${families} et al.` : families;
  }
  if (paper.organization) return paper.organization.name;
  if (count !== null) return `${count} ${count === 1 ? 'author' : 'authors'}`;
  return UNKNOWN;
}

/** Where a paper sorts by its authors: its first author's family name (else its organisation); empty when unknown. */
export function authorSortKey(paper: Pick<Paper, 'authors' | 'organization'>): string {
  return (paper.authors.names[0]?.family ?? paper.organization?.name ?? '').toLowerCase();
}

/** `12` → `12`; `null` → `unknown`. */
export function formatUpvotes(upvotes: number | null): string {
  return upvotes === null ? UNKNOWN : String(upvotes);
}

/**
 * Newest first (a month or a year at its first day); papers without a date after all dated ones (they are not
 * dropped); ties by title, so the order is the same on every build.
 */
export function compareNewestFirst(a: Pick<Paper, 'date' | 'title'>, b: Pick<Paper, 'date' | 'title'>): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    const left = dateSortKey(a.date);
    const right = dateSortKey(b.date);
    if (left !== right) return left < right ? 1 : -1;
  }
  return a.title.localeCompare(b.title, 'en');
}

/** Most recently added to the survey first, then newest first: the order of "Recently added" and the feeds. */
export function compareRecentlyAdded(a: Pick<Paper, 'added' | 'date' | 'title'>, b: Pick<Paper, 'added' | 'date' | 'title'>): number {
  if (a.added !== b.added) return a.added < b.added ? 1 : -1;
  return compareNewestFirst(a, b);
}

/** The year of a paper for filters and groups, or `undated`. */
export function paperYear(paper: Pick<Paper, 'date'>): string {
  return paper.date ? paper.date.slice(0, 4) : 'undated';
}

/** Whether one of a paper's sources is a Daily Papers paste (`.txt`): what upvotes and the year-less dates come from. */
export function listedInPaste(paper: Pick<Paper, 'source' | 'alsoIn'>): boolean {
  return [paper.source, ...paper.alsoIn].some((place) => place.listing.endsWith('.txt'));
}
