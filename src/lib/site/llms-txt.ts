import type { CuratedPaper } from '../curation/notes.ts';
import { formatByline, formatDate } from './paper-display.ts';
import { themeTitle } from '../classify/paper-themes.ts';
import { plural } from '../text/plural.ts';
import { sitePaths, type SiteLinker } from './site-url.ts';

export interface LlmsTxtInput {
  survey: { title: string; subtitle: string };
  themes: readonly { id: string; title: string; scope: string }[];
  /** Papers per primary theme (each paper once), in table order; `unsorted` last when any. */
  papersByPrimaryTheme: ReadonlyMap<string, readonly CuratedPaper[]>;
  paperCount: number;
  /** Absolute URLs of site paths, the base path applied. */
  link: SiteLinker;
}

/** Markdown link text cannot hold an unbalanced `]` or a line break. */
const linkText = (text: string) => text.replace(/[[\]]/g, (bracket) => `\\${bracket}`).replace(/\s+/g, ' ');

/**
 * `llms.txt` (llmstxt.org): the survey's structure for language models and their users — what it is, its themes, its
 * data files, then every paper under its main theme, each a link to its page.
 */
export function buildLlmsTxt(input: LlmsTxtInput): string {
  const url = input.link;
  const themesById = new Map(input.themes.map((theme) => [theme.id, theme]));
  const count = (id: string) => input.papersByPrimaryTheme.get(id)?.length ?? 0;
  const lines = [
    `# ${input.survey.title}`,
    '',
    `> ${input.survey.subtitle || input.survey.title}. ${plural(input.paperCount, 'paper')} in ${plural(input.themes.length, 'theme')}; each paper has a page with its abstract, facts as the listing gives them (unknown where it does not), extracted facets and related papers.`,
    '',
    '## Themes',
    '',
    ...input.themes.map(
      (theme) =>
        `- [${linkText(theme.title)}](${url(sitePaths.theme(theme.id))}): ${theme.scope} (${plural(count(theme.id), 'paper')} with this as their main theme)`,
    ),
    '',
    '## Data',
    '',
    `- [papers.json](${url(sitePaths.papersJson())}): every paper as JSON (id, title, abstract, date, authors, organisation, upvotes, themes, facets, links)`,
    `- [papers.csv](${url(sitePaths.papersCsv())}): the same as a table`,
    `- [papers.bib](${url(sitePaths.papersBib())}): BibTeX, one @misc per paper`,
    `- [RSS feed](${url(sitePaths.feed())}): papers in the order they were added to the survey`,
    '',
  ];
  for (const [themeId, papers] of input.papersByPrimaryTheme) {
    if (papers.length === 0) continue;
    lines.push(`## ${themeTitle(themeId, themesById)}`, '');
    for (const paper of papers) {
      lines.push(
        `- [${linkText(paper.title)}](${url(sitePaths.paper(paper.id))}): ${formatDate(paper.date)} · ${formatByline(paper)}${paper.summary ? ` — ${paper.summary.replace(/\s+/g, ' ')}` : ''}`,
      );
    }
    lines.push('');
  }
  lines.push(
    '## Optional',
    '',
    `- [Compare themes](${url(sitePaths.compare())}): papers per theme by approach and by year`,
    `- [All papers](${url(sitePaths.allPapers())}): one table of every paper`,
    '',
  );
  return lines.join('\n');
}
