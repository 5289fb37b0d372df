/**
 * `npm run build` (scripts/build.ts) keeps, beside the cache, a digest of everything each paper's page was made from
 * in the last build of a site folder. A page whose digest is the same again is not rendered: the build script takes
 * the file the last build wrote. Astro renders every page of every build, and paper pages are most of a survey's
 * pages: after a curator edits a note, all but that paper's are the same as before.
 *
 * Astro run any other way (`astro build`, `npm run dev`, tests) renders every page, as does a build for a public
 * origin (`SURVEY_SITE`), whose sitemap lists only the pages Astro rendered.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Set by the build script for an Astro that may leave pages out: the last build's digests, as a file. */
export const REUSE_DIGESTS = 'SURVEY_REUSE_PAGE_DIGESTS';
/** Set with it: the folder of the site those digests describe (the site this build replaces). */
export const REUSE_SITE = 'SURVEY_REUSE_PAGES_FROM';
/** Set by the build script: a digest of the site's code (src/lib/site/page-digests.ts says why). */
export const SITE_CODE_DIGEST = 'SURVEY_SITE_CODE_DIGEST';

/** Astro to the build script: each paper page's digest, and the pages it left out as they were. */
export interface PaperPagesMessage {
  type: 'survey-paper-pages';
  /** Every paper page's digest, by paper id: the next build compares its own with these. */
  digests: Record<string, string>;
  /** The paper ids whose pages were not rendered: their files are the last build's. */
  reused: string[];
}

export const isPaperPagesMessage = (message: unknown): message is PaperPagesMessage =>
  typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'survey-paper-pages';

/** A paper page's file in a site folder (pages are `<path>/index.html`). */
export const paperPageFile = (siteRoot: string, paperId: string) => join(siteRoot, 'papers', paperId, 'index.html');

/** The last build's paper pages this build may take, when the build script allows it. */
export interface PreviousPaperPages {
  digests: ReadonlyMap<string, string>;
  /** Whether the last build's file of this paper's page is there to take. */
  has(paperId: string): boolean;
}

/** The last build's digests, when the build script passed them and they can be read; otherwise every page is rendered. */
export function previousPaperPages(env: NodeJS.ProcessEnv = process.env): PreviousPaperPages | undefined {
  const file = env[REUSE_DIGESTS];
  const site = env[REUSE_SITE];
  if (!file || !site || !existsSync(file)) return undefined;
  try {
    const digests = (JSON.parse(readFileSync(file, 'utf8')) as { pages?: Record<string, string> }).pages;
    if (!digests || typeof digests !== 'object') return undefined;
    return { digests: new Map(Object.entries(digests)), has: (paperId) => existsSync(paperPageFile(site, paperId)) };
  } catch {
    return undefined;
  }
}

/** The digest of the site's code the build script computed, or nothing (then no page is taken from a last build). */
export const siteCodeDigest = (env: NodeJS.ProcessEnv = process.env): string | undefined => env[SITE_CODE_DIGEST] || undefined;

/** Tells the build script each paper page's digest and which pages were left out (nothing when no script listens). */
export function reportPaperPages(message: Omit<PaperPagesMessage, 'type'>): void {
  if (process.send && process.connected) process.send({ type: 'survey-paper-pages', ...message } satisfies PaperPagesMessage);
}
