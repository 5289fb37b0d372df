import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSurveyData } from '../../../data/survey-data.ts';
import { feedItems } from '../../../lib/site/feed-items.ts';
import { compareRecentlyAdded } from '../../../lib/site/paper-display.ts';
import { feedOrigin } from '../../../lib/site/site-origin.ts';
import { sitePaths } from '../../../lib/site/site-url.ts';
import { linkerFor } from '../../../data/site-links.ts';
import { digestOfPaper, fileOfPage, pathsToRender } from '../../../data/reused-pages.ts';

/**
 * `themes/<id>/feed.xml`: one theme's papers in the order they were added, for readers who follow one theme; but
 * those the last build wrote from the same papers (src/data/reused-pages.ts).
 */
export const getStaticPaths = (async () => {
  const { themes, papersByTheme } = await getSurveyData();
  return pathsToRender(
    'other',
    themes.map((theme) => ({
      path: { params: { id: theme.id } },
      file: fileOfPage(sitePaths.themeFeed(theme.id)),
      inputs: () => ['theme feed', (papersByTheme.get(theme.id) ?? []).map(digestOfPaper)],
    })),
  );
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
