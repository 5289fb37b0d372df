/** Every page type of the built default survey (and those of a library survey) passes axe-core (WCAG 2.2 AA) in light and dark colour schemes. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { useServedSite } from '../helpers/browser.ts';
import { builtLibrarySite, builtSite } from '../helpers/paths.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const defaultSurvey = useServedSite(builtSite);
const librarySurvey = useServedSite(builtLibrarySite);

const pageTypes: Record<string, string> = {
  home: '/',
  theme: '/themes/efficient-reasoning/',
  'theme with table state': '/themes/code-agents/?approach=Reinforcement+learning&sort=date&dir=asc',
  paper: '/papers/thinkless-llm-learns-when-to-think/',
  'paper without metadata': '/papers/srpo-enhancing-multimodal-llm-reasoning-via-reflection-aware-reinforcement/',
  'all papers': '/papers/',
  compare: '/compare/',
  search: '/search/?q=overthinking&theme=efficient-reasoning',
  'orphan notes': '/notes/orphans/',
  'not found': '/no-such-page/',
};
/** Pages only a survey of a reference library has: named authors with links, venue, DOI, arXiv, the Cite block. */
const libraryPageTypes: Record<string, string> = {
  'paper with named authors': '/papers/curriculum-distillation-of-long-reasoning-traces/',
  authors: '/authors/',
  'all papers filtered by an author': '/papers/?q=Chlo%C3%A9+Iyer',
};

interface AxeResult {
  violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }>;
}

describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    for (const [name, path, site] of [
      ...Object.entries(pageTypes).map(([name, path]) => [name, path, defaultSurvey] as const),
      ...Object.entries(libraryPageTypes).map(([name, path]) => [name, path, librarySurvey] as const),
    ]) {
      test(`${name} has no serious or critical violations in the ${scheme} scheme`, async () => {
        // The page's Content-Security-Policy rightly refuses axe's injected script; the audit bypasses it.
        const context = await site.browser.newContext({ colorScheme: scheme, bypassCSP: true });
        const page = await context.newPage();
        await page.goto(`${site.url}${path}`);
        if (path.startsWith('/search/')) await page.locator('[data-results] li').first().waitFor();
        if (path.includes('?approach') || path.startsWith('/papers/?')) await page.locator('.table-count').waitFor();
        await page.addScriptTag({ content: axeSource });
        const result = (await page.evaluate(() =>
          (window as unknown as { axe: { run: (context: Document, options: object) => Promise<unknown> } }).axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
          }),
        )) as AxeResult;
        const serious = result.violations
          .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
          .map(
            (violation) =>
              `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
                .slice(0, 3)
                .map((node) => node.target.join(' '))
                .join('; ')}`,
          );
        expect(serious).toEqual([]);
        await context.close();
      });
    }
  }
});
