import type { Paper } from '../../schemas/paper.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Words shown for a fact the listing did not give: unknown is said, never guessed. */
export const UNKNOWN = 'unknown';

/** `2024-06-21` → `21 Jun 2024`; `null` → `unknown`. */
export function formatDay(iso: string | null): string {
  if (!iso) return UNKNOWN;
  const [year, month, day] = iso.split('-').map(Number);
  return `${day} ${MONTHS[(month ?? 1) - 1]} ${year}`;
}

/** Who wrote it, as far as the listing says: the organisation's name, else `N authors`, else `unknown`. */
export function formatByline(paper: Pick<Paper, 'authorCount' | 'organization'>): string {
  if (paper.organization) return paper.organization.name;
  if (paper.authorCount !== null) return `${paper.authorCount} ${paper.authorCount === 1 ? 'author' : 'authors'}`;
  return UNKNOWN;
}

/** `12` → `12`; `null` → `unknown`. */
export function formatUpvotes(upvotes: number | null): string {
  return upvotes === null ? UNKNOWN : String(upvotes);
}

/**
 * Newest first; papers without a date after all dated ones (they are not dropped); ties by title, so the order is
 * the same on every build.
 */
export function compareNewestFirst(a: Pick<Paper, 'date' | 'title'>, b: Pick<Paper, 'date' | 'title'>): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
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
