import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSurveyData } from '../../../data/survey-data.ts';
import { feedItems } from '../../../lib/site/feed-items.ts';
import { compareRecentlyAdded } from '../../../lib/site/paper-display.ts';
import { feedOrigin } from '../../../lib/site/site-origin.ts';
import { sitePaths } from '../../../lib/site/site-url.ts';
import { linkerFor } from '../../../data/site-links.ts';

/** `themes/<id>/feed.xml`: one theme's papers in the order they were added, for readers who follow one theme. */
export const getStaticPaths = (async () => {
  const { themes } = await getSurveyData();
  return themes.map((theme) => ({ params: { id: theme.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const { survey, papersByTheme, themesById } = await getSurveyData();
  const theme = themesById.get(params.id!)!;
  const link = linkerFor(feedOrigin(site));
  return rss({
    title: `${theme.title} · ${survey.title}`,
    description: `Papers on ${theme.scope}, most recently added first.`,
    site: link(sitePaths.theme(theme.id)),
    items: feedItems([...(papersByTheme.get(theme.id) ?? [])].sort(compareRecentlyAdded), {
      link,
      themeTitle: (id) => themesById.get(id)?.title ?? id,
    }),
    customData: '<language>en</language>',
  });
};
