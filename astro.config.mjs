// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { markdownConfigDefaults, syntaxHighlightDefaults } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { ingestOnChange } from './src/integrations/ingest-on-change.ts';
import { pagefindSearch } from './src/integrations/pagefind.ts';
import { batchedBuildOutput } from './src/integrations/build-output.ts';
import { dataStoreAsJson } from './src/integrations/data-store-as-json.ts';
import { astroCacheDir, resolveContentPaths } from './src/loaders/content-paths.ts';
import { displayPath, loadSurveyRefs } from './src/loaders/survey-files.ts';
import { remarkPaperRefs } from './src/lib/markdown/remark-paper-refs.ts';
import { rehypeTaskListLabels } from './src/lib/markdown/rehype-task-list-labels.ts';
import { rehypeShikiWhenCode } from './src/lib/markdown/rehype-shiki-when-code.ts';

const contentPaths = resolveContentPaths();
// The sitemap integration is loaded only for a build that writes a sitemap (SURVEY_SITE set): importing it and the
// `sitemap` package costs every other build and dev start about 0.1 s.
const sitemap = process.env.SURVEY_SITE ? (await import('@astrojs/sitemap')).default : undefined;

// SURVEY_BASE publishes the site under a sub-path (e.g. `/my-survey/` for project pages); every internal link
// goes through src/data/site-links.ts, which applies it. SURVEY_SITE is the public origin, when known.
export default defineConfig({
  site: process.env.SURVEY_SITE || undefined,
  base: process.env.SURVEY_BASE || '/',
  trailingSlash: 'ignore',
  // A survey built from another content folder (SURVEY_CONTENT_DIR) keeps its own content cache.
  cacheDir: astroCacheDir(),
  // GitHub-flavoured Markdown (tables, task lists, footnotes, strikethrough) comes from remark-gfm, explicitly.
  // MDX's own `remarkPlugins` replace (not extend) the Markdown ones, so GFM is listed for MDX as well.
  markdown: { gfm: false, remarkPlugins: [remarkGfm] },
  integrations: [
    // Under `npm run build`, Astro's line per page goes to the build script in batches, not one write each.
    batchedBuildOutput(),
    mdx({
      gfm: false,
      remarkPlugins: [remarkGfm, [remarkPaperRefs, { loadRefs: () => loadSurveyRefs(contentPaths), displayPath }]],
      // Code blocks are highlighted by Astro's Shiki with its default options, as MDX would, but its highlighter is
      // only set up for a note or intro with a code block (src/lib/markdown/rehype-shiki-when-code.ts says why).
      syntaxHighlight: false,
      rehypePlugins: [
        [rehypeShikiWhenCode, markdownConfigDefaults.shikiConfig, syntaxHighlightDefaults.excludeLangs],
        rehypeTaskListLabels,
      ],
    }),
    // sitemap-index.xml needs the public origin, so it is written only when SURVEY_SITE is set; curator pages are left out.
    ...(sitemap ? [sitemap({ filter: (page) => !page.includes('/notes/orphans/') && !/\/404\/?$/.test(page) })] : []),
    dataStoreAsJson(),
    pagefindSearch(),
    ingestOnChange(),
  ],
  devToolbar: { enabled: false },
  // No inline scripts or stylesheets: every page's Content-Security-Policy allows scripts from the site itself only.
  // Four pages at a time: a page is rendered while the last ones are written, instead of each page waiting for its
  // file on disk (for 10,000 papers, 300 MB of HTML: the build went from about 47 s to 37 s on two cores).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // Astro's container (src/data/search-records.ts renders notes for the search index with it) is loaded from
  // node_modules when the pages render rather than bundled with them: bundling it cost every build about 0.2 s.
  vite: { build: { assetsInlineLimit: 0 }, ssr: { external: ['astro/container'] } },
});
