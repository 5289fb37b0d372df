import type { CuratedPaper } from '../curation/notes.ts';
import { formatPersonName } from './paper-display.ts';

/** What a paper's structured data links to besides the paper itself. */
export interface ArticleContext {
  /** The paper page's absolute URL, when the public origin is known. */
  url: string | undefined;
  survey: { title: string; url: string | undefined };
  themeTitles: string[];
}

/**
 * The paper as schema.org `ScholarlyArticle` JSON-LD, from what the sources say and nothing more: authors by name
 * where a source names them, and no date, venue, upvotes or organisation where none did.
 */
export function scholarlyArticle(paper: CuratedPaper, context: ArticleContext): Record<string, unknown> {
  const facetValues = [...paper.facets.approach, ...paper.facets.domain, ...paper.facets.benchmark].map((facet) => facet.value);
  return {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    headline: paper.title,
    name: paper.title,
    ...(paper.abstract && { abstract: paper.abstract }),
    ...(paper.authors.names.length > 0 && {
      author: paper.authors.names.map((name) =>
        name.given
          ? { '@type': 'Person', name: formatPersonName(name), givenName: name.given, familyName: name.family }
          : { '@type': 'Organization', name: name.family },
      ),
    }),
    ...(context.url && { url: context.url }),
    ...(paper.date && { datePublished: paper.date }),
    ...(paper.organization && { sourceOrganization: { '@type': 'Organization', name: paper.organization.name } }),
    ...((paper.links.length > 0 || paper.doi || paper.arxiv) && {
      sameAs: [
        ...(paper.doi ? [`https://doi.org/${paper.doi}`] : []),
        ...(paper.arxiv ? [`https://arxiv.org/abs/${paper.arxiv}`] : []),
        ...paper.links.map((link) => link.url),
      ],
    }),
    ...(paper.doi && { identifier: { '@type': 'PropertyValue', propertyID: 'DOI', value: paper.doi } }),
    keywords: [...new Set([...context.themeTitles, ...facetValues, ...paper.tags])],
    ...(paper.upvotes !== null && {
      interactionStatistic: {
        '@type': 'InteractionCounter',
        interactionType: 'https://schema.org/LikeAction',
        userInteractionCount: paper.upvotes,
      },
    }),
    isPartOf: { '@type': 'CreativeWork', name: context.survey.title, ...(context.survey.url && { url: context.survey.url }) },
  };
}

/**
 * JSON for an inline `<script type="application/ld+json">`: `<` is escaped so no abstract can close the element
 * (a title containing `</script>` stays data).
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
