import type { APIRoute, GetStaticPaths } from 'astro';
import { getSurveyData } from '../../../data/survey-data.ts';
import { createExportCache, papersToBibtex, papersToCsv } from '../../../lib/site/papers-export.ts';
import { linkerFor } from '../../../data/site-links.ts';
import { digestOfPaper, fileOfPage, pathsToRender } from '../../../data/reused-pages.ts';
import { sitePaths } from '../../../lib/site/site-url.ts';

/**
 * `themes/<id>/papers.csv` and `papers.bib`: a theme's papers, for spreadsheets and reference managers; but those the
 * last build wrote from the same papers (src/data/reused-pages.ts).
 */
export const getStaticPaths = (async () => {
  const { themes, papersByTheme } = await getSurveyData();
  return pathsToRender(
    'other',
    themes.flatMap((theme) =>
      ['csv', 'bib'].map((format) => {
        const papers = papersByTheme.get(theme.id) ?? [];
        return {
          path: { params: { id: theme.id, format }, props: { papers } },
          file: fileOfPage(`${sitePaths.theme(theme.id)}papers.${format}`),
          inputs: () => ['theme export', papers.map(digestOfPaper)],
        };
      }),
    ),
  );
}) satisfies GetStaticPaths;

/** Each paper formatted once for all the themes that hold it. */
const cache = createExportCache();

export const GET: APIRoute = ({ params, props, site }) => {
  const { papers } = props as { papers: Parameters<typeof papersToCsv>[0] };
  return params.format === 'csv'
    ? new Response(papersToCsv(papers, linkerFor(site), cache), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } })
    : new Response(papersToBibtex(papers, linkerFor(site), cache), { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
};
