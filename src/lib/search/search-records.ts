import type { CuratedPaper } from '../curation/notes.ts';
import { listedThemeIds } from '../classify/paper-themes.ts';
import { escapeHtml } from '../site/escape-html.ts';
import { dateSortKey, formatPersonName } from '../site/paper-display.ts';
import { sitePaths } from '../site/site-url.ts';
import { rowFilterValues } from '../site/table-rows.ts';
import { SEARCH_FILTERS } from './search-state.ts';

/**
 * One page of the search index, made from the survey's data instead of read back from the written page: its URL
 * (site-relative, as Pagefind names a page it finds on disk) and the HTML Pagefind reads — the page's
 * `data-pagefind-body` element with its text, weights, meta, filters and sort keys, and nothing it would skip.
 */
export interface SearchRecord {
  url: string;
  html: string;
}

/** The parts of a paper record that come from elsewhere in the survey. */
export interface PaperRecordContext {
  /** A theme's title by id (an unknown id stays as it is). */
  themeTitle: (themeId: string) => string;
  /** The curator's note as the paper page renders it (the HTML inside its note section), when it has one. */
  noteHtml?: string;
}

/**
 * Records (or anything with a URL) in the order of their URLs: the order the index numbers its pages in, the same
 * whatever order the survey lists them in.
 */
export function inUrlOrder<T extends { url: string }>(items: T[]): T[] {
  return items.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

const text = (value: string) => escapeHtml(value);
const attribute = (value: string) => escapeHtml(value);
const hidden = (name: 'meta' | 'sort' | 'filter', value: string) => `<span hidden data-pagefind-${name}="${attribute(value)}"></span>`;

/**
 * A paper page's searchable part, as `src/pages/papers/[id].astro` renders it: the title (weight 10), authors,
 * organisation and the curator's tags (weight 5), the summary, the abstract, the keywords and the note; its meta
 * (kind, date, themes), sort keys (date, upvotes) and filters. What the page marks `data-pagefind-ignore` (facts,
 * facets, links, related papers, the citation) is left out, as Pagefind leaves it out of the page. A test indexes the
 * built pages and these records and requires the two indexes to be the same, file for file.
 */
export function paperSearchRecord(paper: CuratedPaper, context: PaperRecordContext): SearchRecord {
  const themes = listedThemeIds(paper);
  const filters = rowFilterValues(paper);
  // Block by block as the page has them, white space included: Pagefind ends a block's text with a full stop when
  // its last character is a letter, so where a page's block ends in a space or not is part of what it indexes.
  const parts = [
    `<h1 data-pagefind-meta="title" data-pagefind-weight="10">${text(paper.title)}</h1>`,
    hidden('meta', 'kind:paper'),
    hidden('meta', `date:${paper.date ?? ''}`),
    hidden('meta', `themes:${themes.map(context.themeTitle).join(', ')}`),
    hidden('sort', `date:${paper.date ? dateSortKey(paper.date) : '0000-00-00'}`),
    hidden('sort', `upvotes:${String(paper.upvotes ?? 0).padStart(6, '0')}`),
    SEARCH_FILTERS.flatMap((name) => filters[name].map((value) => hidden('filter', `${name}:${value}`))).join(''),
  ];
  if (paper.authors.names.length > 0) {
    parts.push(
      `<p data-pagefind-weight="5"> <span>Authors: </span> ${paper.authors.names.map((name) => text(formatPersonName(name))).join(', ')} </p>`,
    );
  }
  parts.push(`<dl> ${paper.organization ? `<div> <dd data-pagefind-weight="5">${text(paper.organization.name)}</dd> </div>` : ''} </dl>`);
  if (paper.summary) parts.push(`<p>${text(paper.summary)}</p>`);
  if (paper.tags.length > 0)
    parts.push(`<p data-pagefind-weight="5"> <span>Tags: </span> ${paper.tags.map((tag) => `<span>${text(tag)}</span>`).join(' ')} </p>`);
  // The page's heading is ignored, but it parts the tags from the abstract there as here.
  parts.push('<h2 data-pagefind-ignore>Abstract</h2>');
  if (paper.abstract) parts.push(`<p>${text(paper.abstract)}</p>`);
  if (paper.keywords.length > 0) parts.push(`<p> <span>Keywords from the sources:</span> ${text(paper.keywords.join(', '))} </p>`);
  if (context.noteHtml !== undefined) parts.push(`<section> ${context.noteHtml} </section>`);
  return { url: sitePaths.paper(paper.id), html: page(`<article data-pagefind-body> ${parts.join(' ')} </article>`) };
}

/** A theme page's searchable header, as `src/pages/themes/[id].astro` renders it. */
export function themeSearchRecord(theme: {
  id: string;
  title: string;
  scope: string;
  introHtml?: string;
  unsortedHelp?: string;
}): SearchRecord {
  const parts = [
    `<h1 data-pagefind-meta="title" data-pagefind-weight="10">${text(theme.title)}</h1>`,
    `<p><span>Scope: </span>${text(theme.scope)}</p>`,
    theme.introHtml ?? '',
    theme.unsortedHelp !== undefined ? `<p>${theme.unsortedHelp}</p>` : '',
    `<span hidden data-pagefind-filter="theme:${attribute(theme.id)}" data-pagefind-meta="kind:theme" data-pagefind-sort="date:0000-00-00"></span>`,
    hidden('sort', 'upvotes:000000'),
  ];
  return { url: sitePaths.theme(theme.id), html: page(`<header data-pagefind-body> ${parts.join(' ')} </header>`) };
}

const page = (body: string) => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"></head><body>${body}</body></html>`;
