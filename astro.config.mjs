// @ts-check
import { defineConfig } from 'astro/config';
import { pagefindSearch } from './src/integrations/pagefind.ts';

// SURVEY_BASE publishes the site under a sub-path (e.g. `/my-survey/` for project pages); every internal link
// goes through src/lib/site-url.ts, which applies it. SURVEY_SITE is the public origin, when known.
export default defineConfig({
  site: process.env.SURVEY_SITE || undefined,
  base: process.env.SURVEY_BASE || '/',
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  integrations: [pagefindSearch()],
  devToolbar: { enabled: false },
});
