import type { CuratedPaper } from '../lib/curation/notes.ts';
import { paperPageInputs, shownRelatedPapers } from '../lib/site/page-digests.ts';
import { sitePaths } from '../lib/site/site-url.ts';
import { digestOfPaper, fileOfPage, pathsToRender } from './reused-pages.ts';
import { getSurveyData } from './survey-data.ts';

/** What a paper's page is rendered from (a type, not an interface: Astro's page props are a record). */
export type PaperPageProps = {
  paper: CuratedPaper;
  previous: CuratedPaper | null;
  next: CuratedPaper | null;
};

/**
 * The paper pages this build renders: every shown paper's, but those the last build wrote from the same inputs
 * (src/data/reused-pages.ts), which the build script takes from it; a paper with a note is always rendered (its note
 * is not in the digest).
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
  return pathsToRender(
    'paper',
    data.papers.map((paper) => {
      const props = propsOf(paper);
      return {
        path: { params: { id: paper.id }, props },
        file: fileOfPage(sitePaths.paper(paper.id)),
        inputs: () => paperPageInputs(digestOfPaper(paper), { ...props, related: shownRelatedPapers(paper, data.papersById) }),
        // The note's text is not in the digest: a paper with a note is always rendered.
        always: paper.annotated,
      };
    }),
  );
}
