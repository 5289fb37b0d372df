import type { CuratedPaper } from '../curation/notes.ts';
import { formatByline, formatDate } from './paper-display.ts';
import { sitePaths, type SiteLinker } from './site-url.ts';
import { escapeHtml } from './escape-html.ts';

/** The most items a feed carries: readers poll it for what is new, and a survey can hold ten thousand papers. */
export const FEED_LIMIT = 200;

/** One `<item>` of a feed, in the shape @astrojs/rss takes. */
export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
  categories: string[];
}

/**
 * Feed items for papers already in "recently added" order: each dated by the day it was added to the survey (what a
 * feed reader should announce), linking to its page, with its publication date, byline and abstract as the text.
 */
export function feedItems(
  papers: readonly CuratedPaper[],
  options: { link: SiteLinker; themeTitle: (id: string) => string; limit?: number },
): FeedItem[] {
  return papers.slice(0, options.limit ?? FEED_LIMIT).map((paper) => ({
    title: paper.title,
    link: options.link(sitePaths.paper(paper.id)),
    pubDate: new Date(`${paper.added}T00:00:00Z`),
    // Feed readers show a description as HTML: the pasted text is escaped, and each part is its own paragraph.
    description: [
      ...(paper.summary ? [paper.summary] : []),
      `Published ${formatDate(paper.date)} · ${formatByline(paper)}.`,
      ...(paper.abstract ? [paper.abstract] : []),
    ]
      .map((part) => `<p>${escapeHtml(part)}</p>`)
      .join(''),
    categories: paper.themes.map(options.themeTitle),
  }));
}
