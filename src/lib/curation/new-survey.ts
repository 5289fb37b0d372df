import { stringify } from 'yaml';
import type { SuggestedTheme } from '../classify/theme-suggestions.ts';
import { plural } from '../text/plural.ts';

/** What `npm run new` writes: the text of each curated file of a new survey, by path under its folder. */
export interface NewSurveyPlan {
  files: Map<string, string>;
  /** The folders it creates even when empty (a place for notes and theme intros). */
  folders: string[];
}

/**
 * The curated files of a new survey: `survey.yaml` (its title, the capture day, the proposed themes with their
 * keywords), `intro.mdx` (a paragraph for the curator to replace), and the `notes/` and `themes/` folders; the
 * listings and vocabularies are copied beside them by the command. Pure: the command writes the plan.
 */
export function planNewSurvey(options: {
  title: string;
  captured: string;
  listings: readonly string[];
  /** The capture day of each paste, by its name: the day its file last changed (its dates leave the year out). */
  pastesCaptured?: Readonly<Record<string, { captured: string }>>;
  themes: readonly SuggestedTheme[];
  paperCount: number;
}): NewSurveyPlan {
  const { title, captured, listings, themes, paperCount, pastesCaptured = {} } = options;
  const themeList = themes.map((theme) => ({
    id: theme.id,
    title: theme.title,
    scope: `papers about ${theme.keywords.slice(0, 5).join(', ')}`,
    keywords: theme.keywords,
  }));
  const header = [
    '# The survey: what it is called, when its listings were captured, and its themes.',
    '# Curated by hand: `npm run ingest` reads it and never writes it (see README, "Surveying your own sources").',
  ];
  const survey = stringify({ survey: { title, subtitle: '', captured } }, { lineWidth: 0 }).trimEnd();
  const themesYaml =
    themeList.length > 0
      ? [
          `# Proposed by \`npm run new\` from the ${paperCount} papers of listings/ (${listings.join(', ')}), a group of similar papers each.`,
          '# Rename them, reword their scope, merge or split them, and edit their keywords: ids are URLs, so settle them before',
          '# publishing. keywords: whole words or phrases, case-insensitive, plurals included; a trailing * matches any ending.',
          stringify({ themes: themeList }, { lineWidth: 0, flowCollectionPadding: false }).trimEnd(),
        ]
      : [
          '# No themes yet: every paper is listed under Unsorted. `npm run themes:suggest -- --all` proposes some from the papers;',
          '# paste the ones you keep here (each an id, a title, a one-line scope and keywords).',
          'themes: []',
        ];
  const yaml = [
    ...header,
    survey,
    '',
    '# Per-listing settings, by file name (with or without its ending). `captured` overrides the survey-wide date above.',
    ...(Object.keys(pastesCaptured).length > 0
      ? [
          "# A paste's is the day its file last changed: set it to the day you copied the listing (the year of its dates).",
          stringify({ listings: pastesCaptured }, { lineWidth: 0 }).trimEnd(),
        ]
      : ['listings: {}']),
    '',
    ...themesYaml,
    '',
  ].join('\n');
  const intro = `{/* The survey's introduction, shown on its home page. Replace this paragraph with your own: what the survey covers,
    how its papers were found, how to read it. Components such as <PaperLink id="…" /> work here (see README, "Curating"). */}

This survey gathers ${plural(paperCount, 'paper')}${themeList.length > 0 ? ` in ${plural(themeList.length, 'theme')}` : ''}. Its curator has yet to introduce it.
`;
  return {
    files: new Map([
      ['survey.yaml', yaml],
      ['intro.mdx', intro],
    ]),
    folders: ['listings', 'notes', 'themes', 'facets'],
  };
}
