/**
 * `tsx scripts/index-search.ts <site>`: the Pagefind index of a built site, made in a process of its own once Astro
 * has exited (`npm run build` runs it). Prints `search: indexed N pages in M ms`; exits 1 with Pagefind's message
 * when indexing fails.
 */
import { indexSite } from '../src/integrations/pagefind.ts';

const site = process.argv[2];
if (!site) {
  console.error('usage: tsx scripts/index-search.ts <built site folder>');
  process.exit(2);
}
try {
  const { pages, ms } = await indexSite(site);
  console.log(`search: indexed ${pages} pages in ${ms} ms`);
} catch (error) {
  console.error(`search: indexing failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
