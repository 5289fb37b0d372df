import type { APIRoute } from 'astro';
import { getSurveyData } from '../data/survey-data.ts';
import { buildLlmsTxt } from '../lib/site/llms-txt.ts';
import { absoluteUrl } from '../lib/site/site-origin.ts';

/** `llms.txt`: the survey's structure in Markdown, for language models (llmstxt.org). */
export const GET: APIRoute = async ({ site }) => {
  const { survey, themes, papers, papersByPrimaryTheme } = await getSurveyData();
  const text = buildLlmsTxt({ survey, themes, papersByPrimaryTheme, paperCount: papers.length, absolute: absoluteUrl(site) });
  return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
