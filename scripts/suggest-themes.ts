/**
 * `npm run themes:suggest [listing.txt] [-- --all] [-- --groups N]`: proposes themes for the papers no theme
 * covers — unsorted papers and those placed with low confidence — or, with `--all` or when the survey defines no
 * themes yet, for every paper. Prints YAML ready to paste into `content/survey.yaml`; writes nothing.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSurvey, collectListedPapers } from '../src/lib/ingest/build-survey.ts';
import { resolveContentPaths } from '../src/loaders/content-paths.ts';
import { displayPath, loadSurveyConfig, readNotes } from '../src/loaders/survey-files.ts';
import { defaultGroupCount, formatSuggestions, proposeThemes } from '../src/lib/classify/theme-suggestions.ts';
import { LOW_CONFIDENCE } from '../src/lib/classify/theme-placement.ts';
import { readListings } from './lib/read-content.ts';

const { values: options, positionals } = parseArgs({
  options: { content: { type: 'string' }, all: { type: 'boolean', default: false }, groups: { type: 'string' } },
  allowPositionals: true,
});
const paths = resolveContentPaths(options.content);

try {
  const config = existsSync(paths.surveyConfig) ? loadSurveyConfig(paths).data : null;
  let papers: Array<{ title: string; abstract: string | null }>;
  let scope: string;
  if (positionals[0] || !config || options.all) {
    // A listing on its own (or every paper): no themes are consulted.
    const files = positionals[0]
      ? [
          {
            file: displayPath(positionals[0]),
            bytes: readFileSync(positionals[0]),
            modifiedDay: statSync(positionals[0]).mtime.toISOString().slice(0, 10),
            name: basename(positionals[0], extname(positionals[0])),
          },
        ]
      : readListings(paths.listings);
    papers = collectListedPapers({
      listings: files,
      config: config ?? { survey: { title: '', subtitle: '' }, listings: {}, themes: [] },
    }).papers;
    scope = `all ${papers.length} papers of ${files.map((f) => f.file).join(', ')}`;
  } else {
    const survey = buildSurvey({ listings: readListings(paths.listings), config, notes: readNotes(paths.notes) });
    papers = survey.papers.filter(
      (paper) => paper.themes.length === 0 || (paper.themeSource === 'keywords' && paper.themeConfidence < LOW_CONFIDENCE),
    );
    scope = `the ${papers.length} of ${survey.papers.length} papers that no theme covers (unsorted, or placed with confidence below ${LOW_CONFIDENCE})`;
  }
  if (papers.length < 2) {
    console.log(
      `themes:suggest: every paper has a theme it fits (${papers.length} uncovered); nothing to propose. Use --all to regroup every paper.`,
    );
  } else {
    const groups = options.groups ? Number(options.groups) : defaultGroupCount(papers.length);
    // Proposals for the uncovered papers go beside the survey's themes, so they take none of their ids; with --all they
    // are a new taxonomy, free to take any.
    const themes = proposeThemes(papers, groups, options.all ? [] : (config?.themes ?? []).map((theme) => theme.id));
    process.stdout.write(
      formatSuggestions(
        themes,
        `Proposed by npm run themes:suggest from ${scope}, in ${themes.length} groups of two papers or more.`,
        displayPath(paths.surveyConfig),
      ),
    );
  }
} catch (error) {
  console.error(`themes:suggest: error: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
