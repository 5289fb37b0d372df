import type { APIRoute } from 'astro';
import { getSurveyData } from '../../data/survey-data.ts';
import { papersToBibtex } from '../../lib/site/papers-export.ts';
import { linkerFor } from '../../data/site-links.ts';

/** `data/papers.bib`: every paper shown on the site as a BibTeX `@misc` entry. */
export const GET: APIRoute = async ({ site }) => {
  const { papers } = await getSurveyData();
  return new Response(papersToBibtex(papers, linkerFor(site)), { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
};
