/**
 * `npm run build` (scripts/build.ts) keeps, beside the cache, a digest of everything each page and file was made from
 * in the last build of a site folder — the paper pages, the later pages of the big tables, a theme's page, exports and
 * feed. A page whose digest is the same again is not rendered: the build script takes the file the last build wrote.
 * Astro renders every page of every build, and after a curator edits a note all but a few pages are as before.
 *
 * Astro run any other way (`astro build`, `npm run dev`, tests) renders every page, as does a build for a public
 * origin (`SURVEY_SITE`), whose sitemap lists only the pages Astro rendered.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildScriptListens, sendToBuildScript } from './build-script-channel.ts';

/** Set by the build script for an Astro that may leave pages out: the last build's digests, as a file. */
export const REUSE_DIGESTS = 'SURVEY_REUSE_PAGE_DIGESTS';
/** Set with it: the folder of the site those digests describe (the site this build replaces). */
export const REUSE_SITE = 'SURVEY_REUSE_PAGES_FROM';
/** Set by the build script: a digest of the site's code (src/lib/site/page-digests.ts says why). */
export const SITE_CODE_DIGEST = 'SURVEY_SITE_CODE_DIGEST';

/**
 * Astro to the build script, once per route that may leave pages out: the digest of each of the route's files, and
 * the files it left out as they were. Files are named by their path in the site folder (`papers/<id>/index.html`).
 */
export interface ReusedPagesMessage {
  type: 'survey-reused-pages';
  /** What kind of page the files are, as the build's summary counts them: `paper` pages or `other` pages and files. */
  kind: 'paper' | 'other';
  /** Every file's digest, by its path: the next build compares its own with these. */
  digests: Record<string, string>;
  /** The files not rendered: they are the last build's. */
  reused: string[];
}

export const isReusedPagesMessage = (message: unknown): message is ReusedPagesMessage =>
  typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'survey-reused-pages';

/** A page's or file's place in a site folder, from its path there (`papers/<id>/index.html`). */
export const siteFile = (siteRoot: string, file: string) => join(siteRoot, ...file.split('/'));

/** The last build's pages this build may take, when the build script allows it. */
export interface PreviousPages {
  digests: ReadonlyMap<string, string>;
  /** Whether the last build's file is there to take. */
  has(file: string): boolean;
}

let previous: { file: string; pages: PreviousPages | undefined } | undefined;

/**
 * The last build's digests, when the build script passed them and they can be read (read once, for every route);
 * otherwise every page is rendered.
 */
export function previousPages(env: NodeJS.ProcessEnv = process.env): PreviousPages | undefined {
  const file = env[REUSE_DIGESTS];
  const site = env[REUSE_SITE];
  if (!file || !site || !existsSync(file)) return undefined;
  if (previous?.file === `${file}\0${site}`) return previous.pages;
  let pages: PreviousPages | undefined;
  try {
    const digests = (JSON.parse(readFileSync(file, 'utf8')) as { pages?: Record<string, string> }).pages;
    if (digests && typeof digests === 'object')
      pages = { digests: new Map(Object.entries(digests)), has: (path) => existsSync(siteFile(site, path)) };
  } catch {
    pages = undefined;
  }
  previous = { file: `${file}\0${site}`, pages };
  return pages;
}

/** The digest of the site's code the build script computed, or nothing (then no page is taken from a last build). */
export const siteCodeDigest = (env: NodeJS.ProcessEnv = process.env): string | undefined => env[SITE_CODE_DIGEST] || undefined;

/** Tells the build script a route's digests and which of its files were left out (nothing when no script listens). */
export function reportPages(message: Omit<ReusedPagesMessage, 'type'>): void {
  // Not awaited here: the build's end waits for it (src/loaders/build-script-channel.ts).
  if (buildScriptListens()) void sendToBuildScript({ type: 'survey-reused-pages', ...message } satisfies ReusedPagesMessage);
}
