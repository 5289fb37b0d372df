/** Every page of the built default survey (and of the fixture and library surveys) is valid HTML, by html-validate. */
import { join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { describe, expect, test } from 'vitest';
import { builtFixtureSite, builtLargeSite, builtLibrarySite, builtSite } from '../helpers/paths.ts';
import { htmlPages } from '../helpers/site.ts';

const validator = new HtmlValidate(new FileSystemConfigLoader());

describe('valid HTML', () => {
  for (const [name, root, least, only] of [
    ['default survey', builtSite, 100, undefined],
    ['fixture survey', builtFixtureSite, 100, undefined],
    // The large survey's pages repeat the default's, except the tables in pages and their pagers.
    ['large survey (table pages)', builtLargeSite, 12, (page: string) => /^(papers|themes\/[a-z-]+)\/(index\.html|page\/)/.test(page)],
    // Named authors, venues, DOI and arXiv links, Cite blocks and the authors index.
    ['library survey', builtLibrarySite, 20, undefined],
  ] as const) {
    test(`every page of the ${name} has zero html-validate errors`, async () => {
      const pages = htmlPages(root).filter((page) => !only || only(page));
      expect(pages.length).toBeGreaterThan(least);
      const errors: string[] = [];
      for (const page of pages) {
        const report = await validator.validateFile(join(root, page));
        for (const result of report.results) {
          for (const message of result.messages)
            if (message.severity === 2) errors.push(`${page}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
        }
      }
      console.log(`html-validate: ${pages.length} pages of the ${name}, ${errors.length} errors`);
      expect(errors).toEqual([]);
    });
  }
});
