/**
 * The one way to write an internal link: prefixes `path` with the site's base path (`SURVEY_BASE`, e.g.
 * `/my-survey/`), so the site works under a sub-path as well as at the root. `path` is site-relative.
 */
export function withBase(path: string, base: string = import.meta.env.BASE_URL): string {
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
