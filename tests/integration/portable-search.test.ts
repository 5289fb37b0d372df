/** The portable search engine: the relevance set over the built default survey, and its behaviour. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, test } from 'vitest';
import { makeExcerpt, prepareIndex, searchLocal, type SearchDocument } from '../../src/lib/search/portable-search.ts';
import { tokenize } from '../../src/lib/text/words.ts';
import { readSearchDocument } from '../../src/lib/search/search-documents.ts';
import { readSearchState } from '../../src/lib/search/search-state.ts';
import { builtSite, projectRoot } from '../helpers/paths.ts';

const documents: SearchDocument[] = readdirSync(builtSite, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
  .flatMap((entry) => {
    const path = join(entry.parentPath, entry.name);
    return readSearchDocument(readFileSync(path, 'utf8'), relative(builtSite, path).split(sep).join('/')) ?? [];
  });
const index = prepareIndex(documents);
const search = (query: string) => searchLocal(index, readSearchState(new URLSearchParams(query)));

describe('the portable search engine', () => {
  test('indexes the pages Pagefind indexes: papers and themes, not chrome', () => {
    expect(documents).toHaveLength(121 + 12);
    expect(documents.filter((doc) => doc.meta.kind === 'theme')).toHaveLength(12);
    const thinkless = documents.find((doc) => doc.url === 'papers/thinkless-llm-learns-when-to-think/index.html')!;
    expect(thinkless.title).toBe('Thinkless: LLM Learns When to Think');
    expect(thinkless.body).not.toContain('Skip to content');
    expect(thinkless.filters.theme).toEqual(['efficient-reasoning']);
    expect(thinkless.sort.date).toBe('2025-05-19');
  });

  test('passes the relevance set: each query finds its papers in the top 5', () => {
    const { queries } = JSON.parse(readFileSync(join(projectRoot, 'tests/fixtures/relevance.json'), 'utf8')) as {
      queries: Array<{ query: string; top5: string[] }>;
    };
    expect(queries.length).toBeGreaterThanOrEqual(15);
    const failures = queries.flatMap(({ query, top5 }) => {
      const titles = search(`q=${encodeURIComponent(query)}`)
        .hits.slice(0, 5)
        .map((hit) => hit.document.title);
      const missing = top5.filter((expected) => !titles.some((title) => title.startsWith(expected)));
      return missing.length > 0 ? [`${query}: missing ${missing.join(', ')} in ${titles.join(' | ')}`] : [];
    });
    expect(failures).toEqual([]);
  });

  test('filters are OR within one and AND across, with counts that ignore their own filter', () => {
    const both = search('theme=gui-web-agents&theme=autonomous-driving');
    expect(
      both.hits.every((hit) => ['gui-web-agents', 'autonomous-driving'].some((theme) => hit.document.filters.theme?.includes(theme))),
    ).toBe(true);
    const narrowed = search('theme=gui-web-agents&theme=autonomous-driving&year=2024');
    expect(narrowed.hits.length).toBeLessThan(both.hits.length);
    expect(Object.keys(narrowed.counts.theme ?? {}).length).toBeGreaterThan(0);
    expect(narrowed.counts.year?.['2025']).toBeGreaterThan(0);
  });

  test('sorting by date keeps undated papers, after the dated ones', () => {
    const hits = search('theme=multimodal-reasoning&sort=newest').hits.filter((hit) => hit.document.meta.kind === 'paper');
    const dates = hits.map((hit) => hit.document.sort.date!);
    expect(dates.at(-1)).toBe('0000-00-00');
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  test('excerpts are escaped text with the matched words marked', () => {
    expect(makeExcerpt('Pasted <script>alert(1)</script> text about overthinking.', tokenize('overthinking'))).toBe(
      'Pasted &#60;script&#62;alert(1)&#60;/script&#62; text about <mark>overthinking.</mark>',
    );
  });
});
