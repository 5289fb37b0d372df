/**
 * Turns a site path into the URL exports and feeds should carry: absolute when the public origin is known
 * (`SURVEY_SITE`, Astro's `site`), the path as it is otherwise.
 */
export function absoluteUrl(site: URL | undefined): (path: string) => string {
  return (path) => (site ? new URL(path, site).href : path);
}

/** Where `npm run preview` serves the site: the origin feeds and the sitemap fall back to when none is set. */
export const PREVIEW_ORIGIN = 'http://localhost:4321/';

let warned = false;

/**
 * The origin for files that must carry absolute URLs (the RSS feeds). Without `SURVEY_SITE` they point at the local
 * preview server, which is right for `npm run preview` and wrong anywhere else, so the build says so once.
 */
export function feedOrigin(site: URL | undefined): URL {
  if (site) return site;
  if (!warned) {
    warned = true;
    console.warn(
      `[survey] SURVEY_SITE is not set: the feeds link to ${PREVIEW_ORIGIN} (npm run preview) and no sitemap is written. Set SURVEY_SITE to the public origin when publishing.`,
    );
  }
  return new URL(PREVIEW_ORIGIN);
}
