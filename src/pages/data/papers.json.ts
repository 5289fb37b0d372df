import type { APIRoute } from 'astro';
import { getSurveyData } from '../../data/survey-data.ts';
import { exportPapers } from '../../lib/site/papers-export.ts';
import { withBase } from '../../data/site-links.ts';

/** `data/papers.json`: every paper, for readers' own tools. */
export const GET: APIRoute = async () => {
  const { allPapers } = await getSurveyData();
  return new Response(`${JSON.stringify(exportPapers(allPapers, withBase), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json' },
  });
};
