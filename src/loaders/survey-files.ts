import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { surveyConfigSchema, type SurveyConfig } from '../schemas/survey.ts';
import { vocabularySchema, type Vocabularies } from '../schemas/facets.ts';
import { FACET_KINDS } from '../schemas/facet-kinds.ts';
import { compileRegexTerm } from '../lib/text/term-matcher.ts';
import type { ContentPaths } from './content-paths.ts';
import { InputError } from '../lib/input/input-error.ts';
import { parseYamlWith, type ParsedYaml } from '../lib/input/read-yaml.ts';
import { PAPERS_FOLDER, readEntries } from '../lib/ingest/plan-entries.ts';

/** Reads and validates `survey.yaml`; a missing file or a bad field is an {@link InputError} with its line. */
export function loadSurveyConfig(paths: ContentPaths): ParsedYaml<SurveyConfig> {
  const file = displayPath(paths.surveyConfig);
  if (!existsSync(paths.surveyConfig)) {
    throw new InputError(file, 1, 'the survey definition is missing', 'create it with a `survey:` title and a list of `themes:` (see README)');
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
          throw new InputError(file, parsed.lineOf([index, 'patterns', patternIndex]), (error as Error).message, 'fix the pattern, or write it as a plain word');
        }
      }),
    );
    vocabularies[kind] = parsed.data;
  }
  return vocabularies;
}

/**
 * The ids curated MDX may refer to: papers as ingest last wrote them (the entries under `generated/papers/`) and
 * themes from `survey.yaml`. Read again only when a generated file changed, so `npm run dev` sees a re-ingest and a
 * build with many notes reads the papers once.
 */
export function loadSurveyRefs(paths: ContentPaths): { paperIds: Set<string>; themeIds: Set<string> } {
  const papersDir = join(paths.generated, PAPERS_FOLDER);
  const files = existsSync(papersDir) ? readdirSync(papersDir).filter((name) => name.endsWith('.json')).sort() : [];
  const signature = files.map((name) => `${name}:${statSync(join(papersDir, name)).mtimeMs}`).join('|');
  if (cachedRefs?.signature !== signature) {
    const paperIds = new Set(files.flatMap((name) => readEntries(readFileSync(join(papersDir, name), 'utf8')).map((entry) => String((entry as { id?: unknown }).id))));
    cachedRefs = { signature, paperIds };
  }
  return { paperIds: cachedRefs.paperIds, themeIds: new Set(loadSurveyConfig(paths).data.themes.map((theme) => theme.id)) };
}

let cachedRefs: { signature: string; paperIds: Set<string> } | undefined;

/** A path as a curator would type it: relative to the working directory where that is shorter. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}
