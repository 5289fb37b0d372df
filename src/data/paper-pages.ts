import type { CuratedPaper } from '../lib/curation/notes.ts';
import { paperPageDigest, shownRelatedPapers, siteDigest } from '../lib/site/page-digests.ts';
import { resolveContentPaths } from '../loaders/content-paths.ts';
import { previousPaperPages, reportPaperPages, siteCodeDigest } from '../loaders/page-reuse.ts';
import { getSurveyData } from './survey-data.ts';

/** What a paper's page is rendered from (a type, not an interface: Astro's page props are a record). */
export type PaperPageProps = {
  paper: CuratedPaper;
  previous: CuratedPaper | null;
  next: CuratedPaper | null;
};

/**
 * The paper pages this build renders: every shown paper's, but those the last build wrote from the same inputs
 * (src/loaders/page-reuse.ts), which the build script takes from it. Every page's digest goes to the build script for
 * the next build; a paper with a note is always rendered (its note is not in the digest).
 */
export async function paperPagePaths(): Promise<Array<{ params: { id: string }; props: PaperPageProps }>> {
  const data = await getSurveyData();
  // Each paper's place among its theme's papers, found once (not searched for per paper).
  const places = new Map(
    [...data.papersByPrimaryTheme.values()].flatMap((siblings) => siblings.map((paper, index) => [paper.id, { siblings, index }] as const)),
  );
  const propsOf = (paper: CuratedPaper): PaperPageProps => {
    const { siblings, index } = places.get(paper.id)!;
    return { paper, previous: siblings[index - 1] ?? null, next: siblings[index + 1] ?? null };
  };
  const code = siteCodeDigest();
  // Not under `npm run build` (a plain `astro build`, `npm run dev`): every page, and no digests to keep.
  if (!code) return data.papers.map((paper) => ({ params: { id: paper.id }, props: propsOf(paper) }));
  const previousBuild = previousPaperPages();
  const site = siteDigest({
    code,
    contentRoot: resolveContentPaths().root,
    base: import.meta.env.BASE_URL,
    site: import.meta.env.SITE,
    survey: data.survey,
    themes: data.themes,
    authorsIndex: data.authors.length > 0,
    sourceFormats: data.sourceFormats,
  });
  const digests: Record<string, string> = {};
  const reused: string[] = [];
  const paths = data.papers.flatMap((paper) => {
    const props = propsOf(paper);
    const digest = paperPageDigest(site, paper, { ...props, related: shownRelatedPapers(paper, data.papersById) });
    digests[paper.id] = digest;
    if (previousBuild && !paper.annotated && previousBuild.digests.get(paper.id) === digest && previousBuild.has(paper.id)) {
      reused.push(paper.id);
      return [];
    }
    return [{ params: { id: paper.id }, props }];
  });
  reportPaperPages({ digests, reused });
  return paths;
}
