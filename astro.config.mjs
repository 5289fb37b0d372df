// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import remarkGfm from 'remark-gfm';
import { ingestOnChange } from './src/integrations/ingest-on-change.ts';
import { pagefindSearch } from './src/integrations/pagefind.ts';
import { resolveContentPaths } from './src/lib/content-paths.ts';
import { loadSurveyRefs } from './src/lib/load-survey-config.ts';
import { remarkPaperRefs } from './src/lib/remark-paper-refs.ts';

const contentPaths = resolveContentPaths();
// A survey built from another content folder (SURVEY_CONTENT_DIR) keeps its own content cache.
const cacheDir = process.env.SURVEY_CONTENT_DIR
  ? `./node_modules/.astro/survey-${createHash('sha1').update(resolve(process.env.SURVEY_CONTENT_DIR)).digest('hex').slice(0, 12)}`
  : './node_modules/.astro';

// SURVEY_BASE publishes the site under a sub-path (e.g. `/my-survey/` for project pages); every internal link
// goes through src/lib/site-url.ts, which applies it. SURVEY_SITE is the public origin, when known.
export default defineConfig({
  site: process.env.SURVEY_SITE || undefined,
  base: process.env.SURVEY_BASE || '/',
  trailingSlash: 'ignore',
  cacheDir,
  build: { format: 'directory' },
  // GitHub-flavoured Markdown (tables, task lists, footnotes, strikethrough) comes from remark-gfm, explicitly.
  // MDX's own `remarkPlugins` replace (not extend) the Markdown ones, so GFM is listed for MDX as well.
  markdown: { gfm: false, remarkPlugins: [remarkGfm] },
  integrations: [
    mdx({ gfm: false, remarkPlugins: [remarkGfm, [remarkPaperRefs, { loadRefs: () => loadSurveyRefs(contentPaths) }]] }),
    pagefindSearch(),
    ingestOnChange(),
  ],
  devToolbar: { enabled: false },
});
