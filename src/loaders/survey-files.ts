import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { surveyConfigSchema, type SurveyConfig } from '../schemas/survey.ts';
import { vocabularySchema, type Vocabularies } from '../schemas/facets.ts';
import { FACET_KINDS } from '../schemas/facet-kinds.ts';
import { compileRegexTerm } from '../lib/text/term-matcher.ts';
import type { ContentPaths } from './content-paths.ts';
import { InputError, type InputWarning } from '../lib/input/input-error.ts';
import { parseYamlWith, type ParsedYaml } from '../lib/input/read-yaml.ts';
import { PAPERS_FOLDER, readEntryIds } from '../lib/ingest/plan-entries.ts';
import { parseHistory } from '../lib/ingest/paper-history.ts';
import type { SurveyRefs } from '../lib/curation/paper-refs.ts';
import type { PaperHistory } from '../schemas/history.ts';
import type { NoteSource } from '../lib/ingest/build-survey.ts';

/** Reads and validates `survey.yaml`; a missing file or a bad field is an {@link InputError} with its line. */
export function loadSurveyConfig(paths: ContentPaths): ParsedYaml<SurveyConfig> {
  const file = displayPath(paths.surveyConfig);
  if (!existsSync(paths.surveyConfig)) {
    throw new InputError(
      file,
      1,
      'the survey definition is missing',
      'create it with a `survey:` title and a list of `themes:` (see README)',
    );
  }
  return parseYamlWith(readFileSync(paths.surveyConfig, 'utf8'), surveyConfigSchema, file);
}

/**
 * Reads the facet vocabularies (`facets/<kind>.yaml`); a missing file is an empty vocabulary. A bad entry or a
 * pattern that is not a valid regular expression is an {@link InputError} at its line.
 */
export function loadVocabularies(paths: ContentPaths): Vocabularies {
  const vocabularies = {} as Vocabularies;
  for (const kind of FACET_KINDS) {
    const path = join(paths.facets, `${kind}.yaml`);
    if (!existsSync(path)) {
      vocabularies[kind] = [];
      continue;
    }
    const file = displayPath(path);
    const parsed = parseYamlWith(readFileSync(path, 'utf8'), vocabularySchema, file);
    parsed.data.forEach((term, index) =>
      term.patterns.forEach((pattern, patternIndex) => {
        try {
          compileRegexTerm(pattern);
        } catch (error) {
          throw new InputError(
            file,
            parsed.lineOf([index, 'patterns', patternIndex]),
            (error as Error).message,
            'fix the pattern, or write it as a plain word',
          );
        }
      }),
    );
    vocabularies[kind] = parsed.data;
  }
  return vocabularies;
}

/**
 * The ids curated MDX may refer to: papers as ingest last wrote them (the entries under `generated/papers/`), papers
 * the survey once had (`history.json` knows them as removed, with their last title) and themes from `survey.yaml`.
 * Read again only when a generated file, the history or survey.yaml changed, so `npm run dev` sees a re-ingest or a
 * new theme, and a build with many notes reads them once (survey.yaml read for every note cost 0.2 s for 39 notes).
 */
export function loadSurveyRefs(paths: ContentPaths): SurveyRefs {
  const papersDir = join(paths.generated, PAPERS_FOLDER);
  const files = existsSync(papersDir)
    ? readdirSync(papersDir)
        .filter((name) => name.endsWith('.json'))
        .sort()
    : [];
  const stamp = (path: string) => (existsSync(path) ? statSync(path).mtimeMs : 0);
  const signature = [
    ...files.map((name) => `${name}:${stamp(join(papersDir, name))}`),
    `history:${stamp(paths.history)}`,
    `survey:${stamp(paths.surveyConfig)}`,
  ].join('|');
  if (cachedRefs?.signature !== signature) {
    const paperIds = new Set(files.flatMap((name) => readEntryIds(readFileSync(join(papersDir, name), 'utf8'))));
    const themeIds = new Set(loadSurveyConfig(paths).data.themes.map((theme) => theme.id));
    cachedRefs = { signature, paperIds, departed: loadDepartedPapers(paths, paperIds), themeIds };
  }
  return { paperIds: cachedRefs.paperIds, departed: cachedRefs.departed, themeIds: cachedRefs.themeIds };
}

/** The survey's history (`content/history.json`), or none before the first ingest. */
export function readHistory(file: string): PaperHistory | undefined {
  if (!existsSync(file)) return undefined;
  return parseHistory(readFileSync(file, 'utf8'), displayPath(file));
}

/** The papers the survey once had and no listing holds now, with their last known title (their id without one). */
export function loadDepartedPapers(paths: ContentPaths, current: ReadonlySet<string>): Map<string, string> {
  const history = readHistory(paths.history);
  if (!history) return new Map();
  return new Map(
    Object.entries(history.papers)
      .filter(([id, entry]) => entry.removed !== null && !current.has(id))
      .map(([id, entry]) => [id, entry.title ?? id]),
  );
}

let cachedRefs: { signature: string; paperIds: Set<string>; departed: Map<string, string>; themeIds: Set<string> } | undefined;

/** A path as a curator would type it: relative to the working directory where that is shorter. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

/**
 * A file of the survey as the published site names it: from the content folder's own name on (`content/listings/x.bib`,
 * `my-survey/notes/y.mdx`), whatever folder the survey was built from — never the curator's absolute path
 * (`/home/…`), which tells readers nothing and would make two machines build two sites. A file outside the content
 * folder is named as messages name it.
 */
export function publishedPath(path: string, contentRoot: string): string {
  const fromParent = relative(dirname(contentRoot), resolve(path));
  return fromParent && !fromParent.startsWith('..') ? fromParent.split(sep).join('/') : displayPath(path);
}

/** Where the survey intro and the theme intros are, as patterns under the content folder. */
export function introPatterns(paths: ContentPaths): string[] {
  return [relative(paths.root, paths.surveyIntro), `${relative(paths.root, paths.themeIntros)}/*.mdx`];
}

/** Every note, `<paper-id>.mdx`, in file-name order. Notes are curated: tools read them and never write them. */
export function readNotes(folder: string): NoteSource[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => ({
      id: name.replace(/\.mdx$/, ''),
      file: displayPath(join(folder, name)),
      text: readFileSync(join(folder, name), 'utf8'),
    }));
}

/**
 * Notes and intros saved as Markdown (`.md`, `.markdown`) rather than MDX: the site reads `.mdx` only, so such a file
 * would be left out without a word. Each is a warning that says to rename it.
 */
export function curatedFilesNotRead(paths: ContentPaths): InputWarning[] {
  const markdown = /\.(?:md|markdown)$/i;
  const inFolder = (folder: string) =>
    existsSync(folder)
      ? readdirSync(folder)
          .filter((name) => markdown.test(name))
          .sort()
          .map((name) => join(folder, name))
      : [];
  const intro = paths.surveyIntro.replace(/\.mdx$/, '');
  const files = [
    ...inFolder(paths.notes),
    ...inFolder(paths.themeIntros),
    ...[`${intro}.md`, `${intro}.markdown`].filter((file) => existsSync(file)),
  ];
  return files.map((file) => ({
    file: displayPath(file),
    line: 1,
    message: `this file is not read: notes and intros are MDX files — rename it to ${basename(file).replace(markdown, '.mdx')}`,
  }));
}

/** The survey intro and every theme intro, as `{ id, file, text }` (`intro`, `themes/<theme-id>`), in file-name order. */
export function readIntros(paths: ContentPaths): Array<{ id: string; file: string; text: string }> {
  const intro = existsSync(paths.surveyIntro)
    ? [{ id: 'intro', file: displayPath(paths.surveyIntro), text: readFileSync(paths.surveyIntro, 'utf8') }]
    : [];
  const themes = existsSync(paths.themeIntros)
    ? readdirSync(paths.themeIntros)
        .filter((name) => name.endsWith('.mdx'))
        .sort()
        .map((name) => ({
          id: `themes/${name.replace(/\.mdx$/, '')}`,
          file: displayPath(join(paths.themeIntros, name)),
          text: readFileSync(join(paths.themeIntros, name), 'utf8'),
        }))
    : [];
  return [...intro, ...themes];
}
