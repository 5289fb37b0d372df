/**
 * Turns a site path into the URL exports and feeds should carry: absolute when the public origin is known
 * (`SURVEY_SITE`, Astro's `site`), the path as it is otherwise.
 */
export function absoluteUrl(site: URL | undefined): (path: string) => string {
  return (path) => (site ? new URL(path, site).href : path);
}
