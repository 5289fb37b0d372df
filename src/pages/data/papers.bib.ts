import type { APIRoute } from 'astro';
import { getSurveyData } from '../../data/survey-data.ts';
import { papersToBibtex } from '../../lib/site/papers-export.ts';
import { absoluteUrl } from '../../lib/site/site-origin.ts';

/** `data/papers.bib`: every paper shown on the site as a BibTeX `@misc` entry. */
export const GET: APIRoute = async ({ site }) => {
  const { papers } = await getSurveyData();
  return new Response(papersToBibtex(papers, absoluteUrl(site)), { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
};
