import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { overridesSchema, surveyConfigSchema, type Overrides, type SurveyConfig } from '../schemas/survey.ts';
import type { ContentPaths } from './content-paths.ts';
import { InputError } from './input-error.ts';
import { parseYamlWith, type ParsedYaml } from './read-yaml.ts';

/** Reads and validates `survey.yaml`; a missing file or a bad field is an {@link InputError} with its line. */
export function loadSurveyConfig(paths: ContentPaths): ParsedYaml<SurveyConfig> {
  const file = displayPath(paths.surveyConfig);
  if (!existsSync(paths.surveyConfig)) {
    throw new InputError(file, 1, 'the survey definition is missing', 'create it with a `survey:` title and a list of `themes:` (see README)');
  }
  return parseYamlWith(readFileSync(paths.surveyConfig, 'utf8'), surveyConfigSchema, file);
}

/** Reads and validates `overrides.yaml`; no file means no pins. */
export function loadOverrides(paths: ContentPaths): ParsedYaml<Overrides> {
  if (!existsSync(paths.overrides)) return { data: { pins: {} }, lineOf: () => 1 };
  return parseYamlWith(readFileSync(paths.overrides, 'utf8'), overridesSchema, displayPath(paths.overrides));
}

/** A path as a curator would type it: relative to the working directory where that is shorter. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}
