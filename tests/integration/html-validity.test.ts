/** Every page of the built default survey (and of the fixture survey) is valid HTML, by html-validate. */
import { join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { describe, expect, test } from 'vitest';
import { builtFixtureSite, builtSite } from '../helpers/paths.ts';
import { htmlPages } from '../helpers/site.ts';

const validator = new HtmlValidate(new FileSystemConfigLoader());

describe('valid HTML', () => {
  for (const [name, root] of [
    ['default survey', builtSite],
    ['fixture survey', builtFixtureSite],
  ] as const) {
    test(`every page of the ${name} has zero html-validate errors`, async () => {
      const pages = htmlPages(root);
      expect(pages.length).toBeGreaterThan(100);
      const errors: string[] = [];
      for (const page of pages) {
        const report = await validator.validateFile(join(root, page));
        for (const result of report.results) {
          for (const message of result.messages) if (message.severity === 2) errors.push(`${page}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
        }
      }
      console.log(`html-validate: ${pages.length} pages of the ${name}, ${errors.length} errors`);
      expect(errors).toEqual([]);
    });
  }
});
