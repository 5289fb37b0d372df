import type { CuratedPaper } from '../curation/notes.ts';
import type { LinkKind } from '../../schemas/paper.ts';
import { FACET_KINDS, FACET_LABELS } from '../../schemas/facet-kinds.ts';
import { listedThemeIds, primaryThemeId } from '../classify/paper-themes.ts';
import { SEARCH_FILTERS } from '../search/search-state.ts';
import { abstractHtml } from './abstract-html.ts';
import { dateSortKey, formatByline, formatDate, formatPersonName, formatUpvotes, listedInPaste, UNKNOWN } from './paper-display.ts';
import { sitePaths, type SiteLinker } from './site-url.ts';
import { rowFilterValues } from './table-rows.ts';
import {
  templateAttribute as attribute,
  templateClasses,
  templateText as text,
  templateTextAttribute as textAttribute,
} from './template-html.ts';

/** What a paper's page shows besides the paper itself. */
export interface PaperPageContext {
  /** A theme's title by id. */
  themeTitle: (themeId: string) => string;
  /** The site path of a page, base path included. */
  pathOf: SiteLinker;
  /** Its related papers that are in the survey, in order. */
  related: readonly CuratedPaper[];
  /** The papers before and after it among its primary theme's. */
  previous: CuratedPaper | null;
  next: CuratedPaper | null;
  /** Its BibTeX, for the citation block. */
  citation: string;
}

/**
 * A paper page's body, in the two pieces around the curator's note (MDX, which stays a component: `CuratedText`).
 * Written as strings, with text and attributes exactly as an Astro template writes them (template-html.ts): a survey
 * has a page per paper, and Astro's renderer took about half a millisecond a page to render the same markup
 * expression by expression and component by component (for 10,000 papers, some 5 s of the build).
 */
export interface PaperPageBody {
  /** From `<article>` through the facets: everything before the note. */
  beforeNote: string;
  /** The links, related papers and citation, where the paper came from, the end of the article, and the pager. */
  afterNote: string;
}

const LINK_LABELS: Record<LinkKind, string> = { code: 'Code', project: 'Project page', dataset: 'Dataset', model: 'Model' };

const hiddenSpan = (name: string, value: string) => `<span hidden${attribute(name, value)}></span>`;
/** An optional part of the page: what a template's `{condition && (…)}` writes, nothing when it does not apply. */
const when = (condition: unknown, html: () => string) => (condition ? html() : '');

/** The body of a paper's page (see {@link PaperPageBody}). */
export function paperPageBody(paper: CuratedPaper, context: PaperPageContext): PaperPageBody {
  const titleOf = context.themeTitle;
  const filters = rowFilterValues(paper);
  const fromPaste = listedInPaste(paper);
  const themeIds = listedThemeIds(paper);

  const authors = when(
    paper.authors.names.length > 0,
    () =>
      `<p class="authors" data-pagefind-weight="5"> <span class="visually-hidden">Authors: </span> ` +
      paper.authors.names
        .map(formatPersonName)
        .map(
          (name, index) =>
            `${index > 0 ? ', ' : ''}<a${attribute('href', context.pathOf(sitePaths.papersBy(name)))}${textAttribute('title', `Papers by ${name} in this survey`)}>${text(name)}</a>`,
        )
        .join('') +
      ' </p>',
  );

  const byline = paper.organization
    ? `<div> <dt data-pagefind-ignore>Organisation</dt> <dd data-pagefind-weight="5">${text(paper.organization.name)}</dd> </div>`
    : when(
        paper.authors.names.length === 0,
        () =>
          `<div data-pagefind-ignore> <dt>Authors</dt> <dd${templateClasses([paper.authors.count === null && 'muted'])}>${text(formatByline(paper))}</dd> </div>`,
      );
  const venue = when(paper.venue, () => `<div data-pagefind-ignore> <dt>Published in</dt> <dd>${text(paper.venue!)}</dd> </div>`);
  const identifiers = when(paper.doi || paper.arxiv, () => {
    const label = paper.doi && paper.arxiv ? 'DOI and arXiv' : paper.doi ? 'DOI' : 'arXiv';
    const doi = when(
      paper.doi,
      () => `<li> <a${attribute('href', `https://doi.org/${paper.doi}`)} rel="noopener noreferrer"> ${text(paper.doi!)} </a> </li>`,
    );
    const arxiv = when(
      paper.arxiv,
      () =>
        `<li> <a${attribute('href', `https://arxiv.org/abs/${paper.arxiv}`)} rel="noopener noreferrer">\narXiv:${text(paper.arxiv!)} </a> </li>`,
    );
    return `<div data-pagefind-ignore> <dt>${label}</dt> <dd> <ul class="inline-list"> ${doi} ${arxiv} </ul> </dd> </div>`;
  });
  const upvotes = when(
    paper.upvotes !== null || fromPaste,
    () =>
      `<div data-pagefind-ignore> <dt>Upvotes</dt> <dd${templateClasses([paper.upvotes === null && 'muted'])}>${text(formatUpvotes(paper.upvotes))}</dd> </div>`,
  );
  const themes = themeIds
    .map(
      (id, index) =>
        `<li> <a${attribute('href', context.pathOf(sitePaths.theme(id)))}>${text(titleOf(id))}</a> ${index === 0 && paper.themes.length > 1 ? '<span class="muted"> (main)</span>' : ''} </li>`,
    )
    .join('');
  const date = paper.date
    ? `<time${attribute('datetime', paper.date)}>${text(formatDate(paper.date))}</time>`
    : `<span class="muted">${UNKNOWN}</span>`;
  const facts =
    `<dl class="facts"> <div data-pagefind-ignore> <dt>Date</dt> <dd>${date}</dd> </div>` +
    ` <div data-pagefind-ignore> <dt>Added to the survey</dt> <dd><time${attribute('datetime', paper.added)}>${text(formatDate(paper.added))}</time></dd> </div>` +
    ` ${byline} ${venue} ${identifiers} ${upvotes}` +
    ` <div data-pagefind-ignore> <dt>Themes</dt> <dd> <ul class="inline-list"> ${themes} </ul> </dd> </div> </dl>`;

  const summary = when(paper.summary, () => `<p class="summary">${text(paper.summary!)}</p>`);
  const tags = when(
    paper.tags.length > 0,
    () =>
      `<p class="tags-line" data-pagefind-weight="5"> <span class="visually-hidden">Tags: </span> ${paper.tags.map((tag) => `<span class="tag">${text(tag)}</span>`).join(' ')} </p>`,
  );
  // The evidence of every facet value, highlighted in the abstract; headline results are listed below it instead.
  const highlights = FACET_KINDS.flatMap((kind) =>
    paper.facets[kind].flatMap((facet) =>
      facet.evidence
        .filter((span) => span.field === 'abstract')
        .map((span) => ({ start: span.start, end: span.end, label: `${FACET_LABELS[kind]}: ${facet.value}` })),
    ),
  );
  const abstract = paper.abstract
    ? `<p class="abstract">${abstractHtml(paper.abstract, highlights)}</p> `
    : '<p class="muted" data-pagefind-ignore>\nThe sources give no abstract for this paper; its themes and facets come from its title alone.\n</p>';
  const keywords = when(
    paper.keywords.length > 0,
    () => `<p class="keywords-line"> <span class="muted">Keywords from the sources:</span> ${text(paper.keywords.join(', '))} </p>`,
  );
  const facets = facetsSection(paper);

  const opening =
    `<article class="paper" data-pagefind-body> <h1 data-pagefind-meta="title" data-pagefind-weight="10">${text(paper.title)}</h1>` +
    ` ${hiddenSpan('data-pagefind-meta', 'kind:paper')} ${hiddenSpan('data-pagefind-meta', `date:${paper.date ?? ''}`)}` +
    ` <span hidden${textAttribute('data-pagefind-meta', `themes:${themeIds.map(titleOf).join(', ')}`)}></span>` +
    ` ${hiddenSpan('data-pagefind-sort', `date:${paper.date ? dateSortKey(paper.date) : '0000-00-00'}`)}` +
    ` ${hiddenSpan('data-pagefind-sort', `upvotes:${String(paper.upvotes ?? 0).padStart(6, '0')}`)}` +
    ` ${SEARCH_FILTERS.flatMap((name) => filters[name].map((value) => hiddenSpan('data-pagefind-filter', `${name}:${value}`))).join('')}` +
    ` ${authors} ${facts} ${summary} ${tags} <h2 data-pagefind-ignore>Abstract</h2> ${abstract} ${keywords} ${facets}`;

  const links = when(
    paper.links.length > 0,
    () =>
      `<section aria-labelledby="links-heading" data-pagefind-ignore> <h2 id="links-heading">Links</h2> <ul> ${paper.links
        .map(
          (link) =>
            `<li> ${LINK_LABELS[link.kind]}:  <a${attribute('href', link.url)} rel="noopener noreferrer"> ${text(link.url)} </a> </li>`,
        )
        .join('')} </ul> </section>`,
  );
  const related = when(
    context.related.length > 0,
    () =>
      `<section aria-labelledby="related-heading" data-pagefind-ignore="all"> <h2 id="related-heading">Related papers</h2> <ul class="related"> ${context.related
        .map(
          (other) =>
            `<li> <a${attribute('href', context.pathOf(sitePaths.paper(other.id)))}>${text(other.title)}</a> <span class="muted"> — ${text(titleOf(primaryThemeId(other)))}</span> </li>`,
        )
        .join('')} </ul> </section>`,
  );

  const cite =
    '<section aria-labelledby="cite-heading" class="cite" data-pagefind-ignore="all"> <h2 id="cite-heading">Cite</h2>' +
    ` <copy-text data-label="Copy BibTeX"> <pre tabindex="0" aria-label="BibTeX of this paper"><code>${text(context.citation.trimEnd())}</code></pre> </copy-text> </section>`;

  const alsoIn = when(
    paper.alsoIn.length > 0,
    () => ` Also in ${text(paper.alsoIn.map((place) => `${place.listing}, line ${place.line}`).join('; '))}.`,
  );
  const withoutYear = when(paper.date && !paper.dateHasYear, () => " The listing gave the date without a year; the year is the capture's.");
  const withoutMetadata = when(paper.date === null && fromPaste, () => ' The listing gave no date, authors or upvotes for this paper.');
  const source =
    `<p class="source muted" data-pagefind-ignore>\nFrom ${text(paper.source.listing)}, line ${text(paper.source.line)}, captured ${text(formatDate(paper.source.captured))}.\n` +
    `${alsoIn} ${withoutYear} ${withoutMetadata} </p>`;
  const primaryTitle = titleOf(primaryThemeId(paper));
  const { previous, next } = context;
  const pager =
    `<nav class="pager"${textAttribute('aria-label', `More in ${primaryTitle}`)} data-pagefind-ignore="all"> ` +
    (previous
      ? `<a rel="prev"${attribute('href', context.pathOf(sitePaths.paper(previous.id)))}> <span class="muted">Previous in ${text(primaryTitle)}</span> <span>${text(previous.title)}</span> </a>`
      : '<span></span>') +
    ` ${when(next, () => `<a rel="next" class="next"${attribute('href', context.pathOf(sitePaths.paper(next!.id)))}> <span class="muted">Next in ${text(primaryTitle)}</span> <span>${text(next!.title)}</span> </a>`)} </nav>`;

  // Begins with the space Astro writes after the note (or in its place).
  return { beforeNote: opening, afterNote: ` ${links} ${related} ${cite} ${source} </article> ${pager}` };
}

/** "At a glance": the facet values found (each with the words that gave it), and the headline results. */
function facetsSection(paper: CuratedPaper): string {
  const rows = FACET_KINDS.filter((kind) => paper.facets[kind].length > 0);
  if (rows.length === 0 && paper.facets.results.length === 0) return '';
  const found = (facet: CuratedPaper['facets']['approach'][number]) =>
    facet.evidence.length > 0
      ? `Found: ${facet.evidence.map((span) => (span.field === 'title' ? paper.title : (paper.abstract ?? '')).slice(span.start, span.end)).join(', ')}`
      : 'Set by the curator';
  const dl = rows
    .map(
      (kind) =>
        `<div> <dt>${text(FACET_LABELS[kind])}</dt> <dd> <ul class="inline-list values"> ${paper.facets[kind]
          .map((facet) => `<li${attribute('title', found(facet))}> ${text(facet.value)} </li>`)
          .join('')} </ul> </dd> </div>`,
    )
    .join('');
  const results = when(
    paper.facets.results.length > 0,
    () =>
      ` <h3>${text(FACET_LABELS.results)}</h3> <ul class="results"> ${paper.facets.results.map((result) => `<li>${text(result.text)}</li>`).join('')} </ul> `,
  );
  return (
    '<section aria-labelledby="facets-heading" class="facets" data-pagefind-ignore> <h2 id="facets-heading">At a glance</h2>' +
    ' <p class="muted facets-note">Extracted from the title and abstract; highlighted words above are the evidence.</p>' +
    ` <dl> ${dl} </dl> ${results} </section>`
  );
}
