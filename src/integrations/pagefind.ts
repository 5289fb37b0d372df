import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

/**
 * Set by `npm run build` (scripts/build.ts): the search index is made after Astro has exited, by
 * scripts/index-search.ts, so Astro's memory and Pagefind's are never held at once (for ten thousand papers, about
 * 2 GB each). A plain `astro build` indexes in its own `astro:build:done` hook instead.
 */
export const INDEX_AFTER_BUILD = 'SURVEY_INDEX_AFTER_BUILD';

/**
 * The pages that carry `data-pagefind-body`: paper pages and the first page of each theme. Pagefind would skip the
 * others anyway, but only after reading and parsing them; naming these spares it the big table pages (a fifth of
 * the HTML of a 10,000-paper survey, and about 1.5 s of its indexing). A test checks that every page with
 * `data-pagefind-body` is indexed, so a new kind of searchable page cannot be left out unnoticed.
 */
export const SEARCHABLE_PAGES = '{papers/*/index.html,themes/*/index.html}';

/**
 * Indexes a built site with Pagefind's Node API into `<site>/pagefind/`. Only pages that mark content with
 * `data-pagefind-body` (papers and themes) are indexed; navigation, tables and other chrome are left out so results
 * are not polluted. Throws with Pagefind's own messages when it fails.
 */
export async function indexSite(site: string): Promise<{ pages: number; ms: number }> {
  const started = performance.now();
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(errors.join('; '));
    const added = await index.addDirectory({ path: site, glob: SEARCHABLE_PAGES });
    if (added.errors.length > 0) throw new Error(added.errors.join('; '));
    const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
    if (written.errors.length > 0) throw new Error(written.errors.join('; '));
    return { pages: added.page_count, ms: Math.round(performance.now() - started) };
  } finally {
    await pagefind.close();
  }
}

/** Indexes the site when `astro build` finishes, unless `npm run build` will do it once Astro has exited. */
export function pagefindSearch(): AstroIntegration {
  return {
    name: 'survey-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env[INDEX_AFTER_BUILD]) return;
        const { pages, ms } = await indexSite(fileURLToPath(dir));
        logger.info(`indexed ${pages} pages in ${ms} ms`);
      },
    },
  };
}
