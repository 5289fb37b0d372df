/**
 * Prefixes a site-relative `path` with a base path (`SURVEY_BASE`, e.g. `/my-survey/`), so the site works under a
 * sub-path as well as at the root. Pages and components call it through `withBase` in src/data/site-links.ts, which
 * knows this build's base; pure code is handed a function that does.
 */
export function joinBase(path: string, base: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const rest = path.replace(/^\/+/, '');
  return `${prefix}${rest}`;
}

/** Site-relative paths of the survey's pages, so routes and links agree on them. */
export const sitePaths = {
  home: () => '/',
  theme: (themeId: string) => `/themes/${themeId}/`,
  paper: (paperId: string) => `/papers/${paperId}/`,
  allPapers: () => '/papers/',
  /** The all-papers table filtered to one author's papers (the table's text filter, kept in the URL). */
  papersBy: (name: string) => `/papers/?q=${encodeURIComponent(name)}`,
  authors: (page = 1) => (page <= 1 ? '/authors/' : `/authors/page/${page}/`),
  compare: () => '/compare/',
  search: () => '/search/',
  papersJson: () => '/data/papers.json',
  papersCsv: () => '/data/papers.csv',
  papersBib: () => '/data/papers.bib',
  feed: () => '/feed.xml',
  themeFeed: (themeId: string) => `/themes/${themeId}/feed.xml`,
  llmsTxt: () => '/llms.txt',
  orphanNotes: () => '/notes/orphans/',
};

/** Turns a site path into the URL to write: the base path applied, and made absolute where the origin is known. */
export type SiteLinker = (path: string) => string;
