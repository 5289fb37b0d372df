import { joinBase, type SiteLinker } from '../lib/site/site-url.ts';
import { absoluteUrl } from '../lib/site/site-origin.ts';

/**
 * The one way pages and components write an internal link: `path` (site-relative, from `sitePaths`) under this
 * build's base path (`SURVEY_BASE`, Astro's `base`), so the site works under a sub-path as well as at the root.
 */
export function withBase(path: string): string {
  return joinBase(path, import.meta.env.BASE_URL);
}

/** Site paths as exports and feeds write them: the base path applied, absolute when the public origin is known. */
export function linkerFor(site: URL | undefined): SiteLinker {
  const absolute = absoluteUrl(site);
  return (path) => absolute(withBase(path));
}
