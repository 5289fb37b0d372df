import { HIGHLIGHT_PARAM } from './search-engines.ts';

/**
 * Marks the words a reader searched for (the `highlight` URL parameter a search result carries) in the page's
 * searchable content, and scrolls to the first. Text only: words are wrapped in `<mark>`, nothing is parsed as HTML.
 */
export function highlightTerms(root: ParentNode = document): number {
  const words = new URLSearchParams(location.search)
    .getAll(HIGHLIGHT_PARAM)
    .flatMap((value) => value.toLowerCase().split(/\s+/))
    .map((word) => word.replace(/[^\p{L}\p{N}-]/gu, ''))
    .filter((word) => word.length >= 2);
  if (words.length === 0) return 0;
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${words.map((w) => w.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')).join('|')})[\\p{L}\\p{N}]*`,
    'giu',
  );
  let count = 0;
  for (const container of root.querySelectorAll('[data-pagefind-body]')) {
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) =>
        node.parentElement?.closest('script, style, mark, [hidden]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
    });
    const nodes: Text[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
    for (const node of nodes) {
      const text = node.data;
      pattern.lastIndex = 0;
      if (!pattern.test(text)) continue;
      pattern.lastIndex = 0;
      const fragment = document.createDocumentFragment();
      let cursor = 0;
      for (const match of text.matchAll(pattern)) {
        fragment.append(text.slice(cursor, match.index));
        const mark = document.createElement('mark');
        mark.className = 'search-hit';
        mark.textContent = match[0];
        fragment.append(mark);
        cursor = match.index + match[0].length;
        count += 1;
      }
      fragment.append(text.slice(cursor));
      node.replaceWith(fragment);
    }
  }
  root.querySelector('mark.search-hit')?.scrollIntoView({ block: 'center' });
  return count;
}
