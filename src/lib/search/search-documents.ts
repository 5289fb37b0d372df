import { parse, type HTMLElement } from 'node-html-parser';
import type { SearchDocument } from './portable-search.ts';

/**
 * Reads a built page the way Pagefind does — the `data-pagefind-body` content without `data-pagefind-ignore`
 * parts, its `data-pagefind-meta`, `-filter` and `-sort` attributes — so the portable engine indexes exactly what
 * the served one does. Returns null for pages that are not indexed.
 */
export function readSearchDocument(html: string, url: string): SearchDocument | null {
  const root = parse(html);
  const bodies = root.querySelectorAll('[data-pagefind-body]');
  if (bodies.length === 0) return null;
  const meta: Record<string, string> = {};
  const filters: Record<string, string[]> = {};
  const sort: Record<string, string> = {};
  let title = '';
  for (const body of bodies) {
    for (const element of [body, ...body.querySelectorAll('[data-pagefind-meta], [data-pagefind-filter], [data-pagefind-sort]')]) {
      const metaAttribute = element.getAttribute('data-pagefind-meta');
      if (metaAttribute === 'title') title = element.text.trim();
      else if (metaAttribute) {
        const [key, value] = splitPair(metaAttribute);
        meta[key] = value;
      }
      const filter = element.getAttribute('data-pagefind-filter');
      if (filter) {
        const [key, value] = splitPair(filter);
        (filters[key] ??= []).push(value);
      }
      const sortAttribute = element.getAttribute('data-pagefind-sort');
      if (sortAttribute) {
        const [key, value] = splitPair(sortAttribute);
        sort[key] = value;
      }
    }
  }
  const text = bodies.map((body) => visibleText(body)).join(' ');
  // Parts weighted for Pagefind (the curator's tags) weigh like the title here too.
  const weighted = bodies
    .flatMap((body) => body.querySelectorAll('[data-pagefind-weight]'))
    .filter((element) => element.getAttribute('data-pagefind-meta') !== 'title')
    .map((element) => element.text)
    .join(' ');
  return {
    url,
    title,
    keywords: weighted.replace(/\s+/g, ' ').trim(),
    body: text.replace(/\s+/g, ' ').trim(),
    meta: { ...meta, title },
    filters,
    sort,
  };
}

function splitPair(attribute: string): [string, string] {
  const at = attribute.indexOf(':');
  return at < 0 ? [attribute, ''] : [attribute.slice(0, at), attribute.slice(at + 1)];
}

/** The text of an element without ignored parts, hidden helpers or the title (which is indexed on its own). */
function visibleText(element: HTMLElement): string {
  const clone = parse(element.outerHTML);
  for (const skip of clone.querySelectorAll('[data-pagefind-ignore], [hidden], script, style, [data-pagefind-meta="title"]')) skip.remove();
  return clone.querySelectorAll('p, li, td, th, h2, h3, h4, dd, dt, figcaption, blockquote, pre').length > 0
    ? clone.structuredText.replace(/\n/g, ' ')
    : clone.text;
}
