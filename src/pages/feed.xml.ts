import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getSurveyData } from '../data/survey-data.ts';
import { feedItems, FEED_LIMIT } from '../lib/site/feed-items.ts';
import { feedOrigin } from '../lib/site/site-origin.ts';
import { sitePaths } from '../lib/site/site-url.ts';
import { linkerFor } from '../data/site-links.ts';

/** `feed.xml`: the survey's papers in the order they were added, newest additions first. */
export const GET: APIRoute = async ({ site }) => {
  const { survey, recentlyAdded, themesById } = await getSurveyData();
  const link = linkerFor(feedOrigin(site));
  return rss({
    title: survey.title,
    description: `${survey.subtitle || survey.title} — the ${FEED_LIMIT} most recently added papers.`,
    site: link(sitePaths.home()),
    items: feedItems(recentlyAdded, { link, themeTitle: (id) => themesById.get(id)?.title ?? id }),
    customData: '<language>en</language>',
  });
};
