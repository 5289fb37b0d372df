import type { APIRoute } from 'astro';
import { getSurveyData } from '../data/survey-data.ts';
import { buildLlmsTxt } from '../lib/site/llms-txt.ts';
import { linkerFor } from '../data/site-links.ts';

/** `llms.txt`: the survey's structure in Markdown, for language models (llmstxt.org). */
export const GET: APIRoute = async ({ site }) => {
  const { survey, themes, papers, papersByPrimaryTheme } = await getSurveyData();
  const text = buildLlmsTxt({ survey, themes, papersByPrimaryTheme, paperCount: papers.length, link: linkerFor(site) });
  return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
