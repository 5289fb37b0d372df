/**
 * The charts as a reader sees them in Chromium, in light and dark schemes: drawn at a readable size, every colour
 * distinct from the page (3:1, WCAG non-text contrast), every number in a heat-map cell legible (4.5:1). Screenshots
 * are written to node_modules/.cache/survey-tests/screenshots/ for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { useServedSite } from '../helpers/browser.ts';
import { builtSite, testBuildRoot } from '../helpers/paths.ts';

const site = useServedSite(builtSite);
const screenshots = join(testBuildRoot, 'screenshots');

const charts = [
  { name: 'home-timeline', path: '/', selector: '[data-chart="papers-per-month"]' },
  { name: 'theme-charts', path: '/themes/rl-reasoning/', selector: '.glance' },
  { name: 'compare-heatmap', path: '/compare/', selector: '[data-chart="approach-heatmap"]' },
];

/** WCAG contrast of two `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r, g, bl] = colour
      .match(/\d+(\.\d+)?/g)!
      .slice(0, 3)
      .map(Number)
      .map((channel) => {
        const c = channel / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

describe('charts in the browser', () => {
  mkdirSync(screenshots, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    test(`drawn, legible and distinct from the page in the ${scheme} scheme (screenshots saved)`, async () => {
      const context = await site.browser.newContext({ colorScheme: scheme, viewport: { width: 1100, height: 900 } });
      const page = await context.newPage();
      for (const chart of charts) {
        await page.goto(`${site.url}${chart.path}`);
        const figure = page.locator(chart.selector);
        const box = (await figure.boundingBox())!;
        expect(box.width, chart.name).toBeGreaterThan(400);
        expect(box.height, chart.name).toBeGreaterThan(150);
        await figure.screenshot({ path: join(screenshots, `${chart.name}-${scheme}.png`) });

        const colours = await page.evaluate((selector) => {
          const background = [document.body, document.documentElement]
            .map((element) => getComputedStyle(element).backgroundColor)
            .find((colour) => !colour.startsWith('rgba(0, 0, 0, 0'))!;
          const fills = [...document.querySelectorAll(`${selector} svg[role="img"] rect`)].map((rect) => getComputedStyle(rect).fill);
          const cells = [...document.querySelectorAll(`${selector} g[data-column][data-count] text`)].map((text) => ({
            text: getComputedStyle(text).fill,
            cell: getComputedStyle(text.parentElement!.querySelector('rect')!).fill,
          }));
          return { background, fills: [...new Set(fills)], cells };
        }, chart.selector);
        expect(colours.fills.length, chart.name).toBeGreaterThan(0);
        const isHeatmap = chart.name === 'compare-heatmap';
        for (const fill of colours.fills) {
          // Heat-map cells carry their number, so only the bars need to stand out from the page on their own.
          if (!isHeatmap)
            expect(contrast(fill, colours.background), `${chart.name} ${fill} on ${colours.background}`).toBeGreaterThanOrEqual(3);
        }
        if (isHeatmap) expect(colours.cells.length).toBeGreaterThan(40);
        for (const cell of colours.cells)
          expect(contrast(cell.text, cell.cell), `${chart.name} ${cell.text} on ${cell.cell}`).toBeGreaterThanOrEqual(4.5);
      }
      // The stacked timeline uses one colour per theme present: twelve themes, twelve distinct fills.
      await page.goto(`${site.url}/`);
      const homeFills = await page.evaluate(
        () =>
          new Set([...document.querySelectorAll('[data-chart="papers-per-month"] .bars rect')].map((rect) => getComputedStyle(rect).fill))
            .size,
      );
      expect(homeFills).toBe(12);
      await context.close();
    });
  }
});
