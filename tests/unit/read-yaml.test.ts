import { describe, expect, test } from 'vitest';
import { parseYamlWith } from '../../src/lib/input/read-yaml.ts';
import { surveyConfigSchema } from '../../src/schemas/survey.ts';

const valid = `survey:
  title: T
themes:
  - id: one
    title: One
    scope: s
    keywords: [a]
`;

describe('reading the survey definition', () => {
  test('a valid file gives its data, with lines for later messages', () => {
    const parsed = parseYamlWith(valid, surveyConfigSchema, 'survey.yaml');
    expect(parsed.data.themes[0]?.id).toBe('one');
    expect(parsed.lineOf(['themes', 0, 'title'])).toBe(5);
  });

  test('a bad field is reported at its line', () => {
    expect(() => parseYamlWith(valid.replace('id: one', 'id: One Two'), surveyConfigSchema, 'survey.yaml')).toThrow(
      /^survey\.yaml:4: themes\.0\.id: a theme id is lower-case/,
    );
  });

  test('a missing field is reported at its parent', () => {
    expect(() => parseYamlWith(valid.replace('    keywords: [a]\n', ''), surveyConfigSchema, 'survey.yaml')).toThrow(
      /^survey\.yaml:4: themes\.0\.keywords: Required/,
    );
  });

  test('a misspelt field is reported at its own line, before the field it should have been', () => {
    expect(() => parseYamlWith(valid.replace('    title: One', '    titel: One'), surveyConfigSchema, 'survey.yaml')).toThrow(
      /^survey\.yaml:5: themes\.0: Unrecognized key\(s\) in object: 'titel'/,
    );
    expect(() => parseYamlWith(`${valid}featued: true\n`, surveyConfigSchema, 'survey.yaml')).toThrow(
      /^survey\.yaml:8: \(top level\): Unrecognized/,
    );
  });

  test('a duplicate theme id and the reserved id are refused', () => {
    const twice = `${valid}  - id: one\n    title: Again\n    scope: s\n    keywords: [b]\n`;
    expect(() => parseYamlWith(twice, surveyConfigSchema, 'survey.yaml')).toThrow(
      /survey\.yaml:8: themes\.1\.id: theme id "one" is used twice/,
    );
    expect(() => parseYamlWith(valid.replace('id: one', 'id: unsorted'), surveyConfigSchema, 'survey.yaml')).toThrow(/reserved/);
  });

  test('broken YAML is reported at its line', () => {
    expect(() => parseYamlWith('survey:\n  title: [unclosed\n', surveyConfigSchema, 'survey.yaml')).toThrow(
      /^survey\.yaml:\d+: this is not valid YAML/,
    );
  });
});
