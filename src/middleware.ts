import mdxRenderer from '@astrojs/mdx/server.js';
import { defineMiddleware } from 'astro:middleware';
import { experimental_AstroContainer } from 'astro/container';
import CuratedText from './components/CuratedText.astro';
import { surveySearchRecords } from './data/search-records.ts';
import type { IntroEntry, NoteEntry } from './data/survey-data.ts';
import { SEARCH_INDEXER, type SearchIndexer } from './lib/search/search-indexer.ts';

let handedOver = false;

/** Renders a note or an intro with the component the pages render it with, for its search record. */
async function curatedRenderer() {
  const container = await experimental_AstroContainer.create();
  container.addServerRenderer({ name: 'astro:jsx', renderer: mdxRenderer });
  return (entry: NoteEntry | IntroEntry) => container.renderToString(CuratedText, { props: { entry } });
}

/**
 * When a build renders its first page, hands the search records to the build's indexer (src/integrations/pagefind.ts),
 * so the index is made while the pages are rendered. The dev server has no indexer, and this does nothing.
 */
export const onRequest = defineMiddleware((_context, next) => {
  const indexer = (globalThis as Record<symbol, SearchIndexer | undefined>)[SEARCH_INDEXER];
  if (indexer && !handedOver) {
    handedOver = true;
    indexer.index(
      (async function* () {
        yield* surveySearchRecords(await curatedRenderer());
      })(),
    );
  }
  return next();
});
