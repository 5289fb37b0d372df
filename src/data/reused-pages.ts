import type { CuratedPaper } from '../lib/curation/notes.ts';
import type { TablePage } from '../lib/site/table-pages.ts';
import { outputDigest, paperDigest, siteDigest } from '../lib/site/page-digests.ts';
import { resolveContentPaths } from '../loaders/content-paths.ts';
import { previousPages, reportPages, siteCodeDigest, type ReusedPagesMessage } from '../loaders/page-reuse.ts';
import { getSurveyData } from './survey-data.ts';

/** One page or file a route may render, and what it is made from (see {@link pathsToRender}). */
export interface RoutePath<Path> {
  /** The route's entry for it, as `getStaticPaths` returns it. */
  path: Path;
  /** Its file in the site folder: `themes/<id>/page/2/index.html`, `themes/<id>/papers.csv`. */
  file: string;
  /**
   * Everything the page shows that the site's digest does not (src/lib/site/page-digests.ts), papers given by
   * {@link digestOfPaper}. Asked for only under `npm run build`.
   */
  inputs: () => unknown;
  /** Rendered whatever its digest: it shows curated MDX, whose text and links no digest here describes. */
  always?: boolean;
}

/** A page's file in the site folder from its site path: `/themes/rl/page/2/` is `themes/rl/page/2/index.html`. */
export const fileOfPage = (sitePath: string): string => `${sitePath.replace(/^\/+/, '')}${sitePath.endsWith('/') ? 'index.html' : ''}`;

/** Each paper's digest, made once per build for every page that shows it. */
const paperDigests = new WeakMap<CuratedPaper, string>();

/** A paper's digest (src/lib/site/page-digests.ts), for a page's {@link RoutePath.inputs}. */
export function digestOfPaper(paper: CuratedPaper): string {
  let digest = paperDigests.get(paper);
  if (digest === undefined) {
    digest = paperDigest(paper);
    paperDigests.set(paper, digest);
  }
  return digest;
}

/** One page of a table for a page's {@link RoutePath.inputs}: its place and its rows, each row as its paper's digest. */
export const digestedTablePage = (page: TablePage<CuratedPaper>): TablePage<string> => ({ ...page, items: page.items.map(digestOfPaper) });

let site: { code: string; digest: Promise<string> } | undefined;

/** The digest every page's includes: the site's code, where it is published, and what every page's frame shows. */
function digestOfSite(code: string): Promise<string> {
  if (site?.code !== code) {
    site = {
      code,
      digest: getSurveyData().then((data) =>
        siteDigest({
          code,
          contentRoot: resolveContentPaths().root,
          base: import.meta.env.BASE_URL,
          site: import.meta.env.SITE,
          survey: data.survey,
          themes: data.themes,
          authorsIndex: data.authors.length > 0,
          sourceFormats: data.sourceFormats,
        }),
      ),
    };
  }
  return site.digest;
}

/**
 * The paths a route renders: every one, but those the last build of this site wrote from the same inputs
 * (src/loaders/page-reuse.ts), which the build script takes from it. Every file's digest goes to the build script for
 * the next build. Not under `npm run build` (a plain `astro build`, `npm run dev`): every path, and no digest made.
 */
export async function pathsToRender<Path>(kind: ReusedPagesMessage['kind'], routePaths: readonly RoutePath<Path>[]): Promise<Path[]> {
  const code = siteCodeDigest();
  if (!code) return routePaths.map(({ path }) => path);
  const siteDigestValue = await digestOfSite(code);
  const previousBuild = previousPages();
  const digests: Record<string, string> = {};
  const reused: string[] = [];
  const paths = routePaths.flatMap(({ path, file, inputs, always = false }) => {
    const digest = outputDigest(siteDigestValue, inputs());
    digests[file] = digest;
    if (previousBuild && !always && previousBuild.digests.get(file) === digest && previousBuild.has(file)) {
      reused.push(file);
      return [];
    }
    return [path];
  });
  reportPages({ kind, digests, reused });
  return paths;
}
