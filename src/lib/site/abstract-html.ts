import { markAbstract, type Highlight } from '../text/abstract-links.ts';
import { escapeHtml } from './escape-html.ts';

/**
 * An abstract as HTML: every piece of its text escaped, so pasted `<script>`, Markdown or MDX shows as written and
 * never runs; only `http(s)` URLs become links (external, `noopener noreferrer`); facet evidence is highlighted with
 * `<mark class="evidence">`, its facets named in the title. Nothing is added between the pieces: the text reads, and
 * is indexed, exactly as the abstract is written.
 */
export function abstractHtml(abstract: string, highlights: readonly Highlight[] = []): string {
  return markAbstract(abstract, highlights)
    .map((piece) => {
      const text =
        piece.labels.length > 0
          ? `<mark class="evidence" title="${escapeHtml(piece.labels.join('; '))}">${escapeHtml(piece.text)}</mark>`
          : escapeHtml(piece.text);
      return piece.href ? `<a href="${escapeHtml(piece.href)}" rel="noopener noreferrer">${text}</a>` : text;
    })
    .join('');
}
