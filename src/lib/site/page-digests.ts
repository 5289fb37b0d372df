import { createHash } from 'node:crypto';
import type { CuratedPaper } from '../curation/notes.ts';
import { primaryThemeId } from '../classify/paper-themes.ts';

/**
 * What every page of a build shares, whatever page it is: the code that renders it (and so the names of its styles
 * and scripts), where it is published, the survey's title and themes, and what the header and footer show.
 */
export interface SiteInputs {
  /** A digest of the site's code and dependencies (the build script's). */
  code: string;
  /** The content folder, the base path and the public origin. */
  contentRoot: string;
  base: string;
  site: string | undefined;
  survey: unknown;
  themes: unknown;
  /** Whether the header offers the authors index. */
  authorsIndex: boolean;
  /** What the footer says the papers came from. */
  sourceFormats: readonly string[];
}

/** One digest of {@link SiteInputs}: part of every page's. */
export function siteDigest(inputs: SiteInputs): string {
  return createHash('sha256').update(JSON.stringify(inputs)).digest('hex');
}

/**
 * Everything the site knows of one paper (its note's frontmatter applied), as one digest. A page or file that lists
 * papers — a table page, an export, a feed — shows no more of each paper than this: its digest is made from its
 * papers' digests, each paper read once per build however many pages list it.
 */
export function paperDigest(paper: CuratedPaper): string {
  return createHash('sha256').update(JSON.stringify(paper)).digest('hex');
}

/**
 * The digest of one page or file of the site: the site's (see {@link siteDigest}) and what that page alone is made
 * from — its route's props, with each paper as its {@link paperDigest}. Two builds that give a page the same digest
 * write it byte for byte the same, when `inputs` holds everything the page shows that the site's digest does not.
 */
export function outputDigest(site: string, inputs: unknown): string {
  return createHash('sha256').update(site).update(JSON.stringify(inputs)).digest('hex');
}

/** The papers a paper's page links to, besides its themes: those the page shows, as it shows them. */
export interface PaperPageNeighbours {
  related: readonly CuratedPaper[];
  previous: CuratedPaper | null;
  next: CuratedPaper | null;
}

/**
 * What a paper's page is made from besides the site, for {@link outputDigest}: the paper (its {@link paperDigest}),
 * and the title and theme of each paper it links to. A paper with a note is not described whole by this — its text
 * (MDX, with links to other papers) is not in it: such a page is always rendered.
 */
export function paperPageInputs(paperDigest: string, neighbours: PaperPageNeighbours): unknown {
  const link = (other: CuratedPaper | null) => other && [other.id, other.title, primaryThemeId(other)];
  return ['paper page', paperDigest, neighbours.related.map(link), link(neighbours.previous), link(neighbours.next)];
}

/** The related papers a paper's page lists: those of its related papers the site shows (a hidden one is left out). */
export function shownRelatedPapers(paper: CuratedPaper, papersById: ReadonlyMap<string, CuratedPaper>): CuratedPaper[] {
  return paper.related.flatMap((entry) => papersById.get(entry.id) ?? []);
}
