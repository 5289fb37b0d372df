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

/** The papers a paper's page links to, besides its themes: those the page shows, as it shows them. */
export interface PaperPageNeighbours {
  related: readonly CuratedPaper[];
  previous: CuratedPaper | null;
  next: CuratedPaper | null;
}

/**
 * Everything a paper's page is made from, as one digest: the site's, the paper as the site has it (its note's
 * frontmatter applied), and the title and theme of each paper it links to. Two builds that give a page the same
 * digest write it byte for byte the same — except a paper with a note, whose text (MDX, with links to other papers)
 * is not in it: such a page is always rendered.
 */
export function paperPageDigest(site: string, paper: CuratedPaper, neighbours: PaperPageNeighbours): string {
  const link = (other: CuratedPaper | null) => other && [other.id, other.title, primaryThemeId(other)];
  return createHash('sha256')
    .update(site)
    .update(JSON.stringify([paper, neighbours.related.map(link), link(neighbours.previous), link(neighbours.next)]))
    .digest('hex');
}

/** The related papers a paper's page lists: those of its related papers the site shows (a hidden one is left out). */
export function shownRelatedPapers(paper: CuratedPaper, papersById: ReadonlyMap<string, CuratedPaper>): CuratedPaper[] {
  return paper.related.flatMap((entry) => papersById.get(entry.id) ?? []);
}
