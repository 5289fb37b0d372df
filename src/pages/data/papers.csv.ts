import type { APIRoute } from 'astro';
import { getSurveyData } from '../../data/survey-data.ts';
import { papersToCsv } from '../../lib/site/papers-export.ts';
import { linkerFor } from '../../data/site-links.ts';

/** `data/papers.csv`: every paper (hidden ones flagged), for spreadsheets. */
export const GET: APIRoute = async ({ site }) => {
  const { allPapers } = await getSurveyData();
  return new Response(papersToCsv(allPapers, linkerFor(site)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
