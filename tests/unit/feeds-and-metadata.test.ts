import { describe, expect, test } from 'vitest';
import { curatedPaper } from '../helpers/curated-paper.ts';
import { feedItems, FEED_LIMIT } from '../../src/lib/site/feed-items.ts';
import { buildLlmsTxt } from '../../src/lib/site/llms-txt.ts';
import { jsonForScript, scholarlyArticle } from '../../src/lib/site/structured-data.ts';

describe('JSON-LD', () => {
  test('says only what the listing says: no author names, and no date, organisation or upvotes it did not give', () => {
    const data = scholarlyArticle(curatedPaper('a', { date: null, authors: { count: 5, names: [] } }), {
      url: undefined,
      survey: { title: 'S', url: undefined },
      themeTitles: ['RL'],
    });
    expect(data).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ScholarlyArticle',
      headline: 'Title of a',
      name: 'Title of a',
      abstract: 'We study a.',
      keywords: ['RL'],
      isPartOf: { '@type': 'CreativeWork', name: 'S' },
    });
    const full = scholarlyArticle(
      curatedPaper('b', {
        upvotes: 7,
        organization: { handle: 'g', name: 'Google' },
        links: [{ url: 'https://github.com/x/y', kind: 'code' }],
      }),
      {
        url: 'https://s.org/papers/b/',
        survey: { title: 'S', url: 'https://s.org/' },
        themeTitles: [],
      },
    );
    expect(full).toMatchObject({
      url: 'https://s.org/papers/b/',
      datePublished: '2025-05-19',
      sourceOrganization: { '@type': 'Organization', name: 'Google' },
      sameAs: ['https://github.com/x/y'],
      interactionStatistic: { userInteractionCount: 7 },
    });
  });

  test('a pasted title cannot close the script element it is written into', () => {
    const hostile = curatedPaper('h', { title: '</script><script>alert(1)</script>\u2028' });
    const text = jsonForScript(scholarlyArticle(hostile, { url: undefined, survey: { title: 'S', url: undefined }, themeTitles: [] }));
    expect(text).not.toContain('<');
    expect(JSON.parse(text).headline).toBe(hostile.title);
  });
});

describe('feed items', () => {
  test('keep the given order, date each item by its added day, and stop at the limit', () => {
    const papers = Array.from({ length: FEED_LIMIT + 5 }, (_, index) =>
      curatedPaper(`p${index}`, { added: index < 2 ? '2025-11-21' : '2025-10-31', summary: index === 0 ? 'One line.' : null }),
    );
    const items = feedItems(papers, { link: (path) => `https://s.org/sub${path}`, themeTitle: (id) => id.toUpperCase() });
    expect(items).toHaveLength(FEED_LIMIT);
    expect(items[0]).toMatchObject({ title: 'Title of p0', link: 'https://s.org/sub/papers/p0/', categories: ['RL'] });
    expect(items[0]!.pubDate.toISOString()).toBe('2025-11-21T00:00:00.000Z');
    expect(items[2]!.pubDate.toISOString()).toBe('2025-10-31T00:00:00.000Z');
    expect(items[0]!.description).toBe('<p>One line.</p><p>Published 19 May 2025 · 3 authors.</p><p>We study p0.</p>');
    const hostile = feedItems([curatedPaper('x', { abstract: 'A <script>alert(1)</script> & "more"' })], {
      link: (path) => path,
      themeTitle: (id) => id,
    });
    expect(hostile[0]!.description).toBe(
      '<p>Published 19 May 2025 · 3 authors.</p><p>A &#60;script&#62;alert(1)&#60;/script&#62; &#38; &#34;more&#34;</p>',
    );
  });
});

describe('llms.txt', () => {
  test('a title with brackets stays one link, and every paper is listed once under its main theme', () => {
    const text = buildLlmsTxt({
      survey: { title: 'Survey', subtitle: 'About things' },
      themes: [{ id: 'rl', title: 'RL', scope: 'reinforcement learning' }],
      papersByPrimaryTheme: new Map([
        ['rl', [curatedPaper('a', { title: 'A [preprint]\nwith a break' })]],
        ['unsorted', [curatedPaper('b', { themes: [] })]],
      ]),
      paperCount: 2,
      link: (path) => path,
    });
    expect(text.startsWith('# Survey\n\n> About things. 2 papers in 1 theme;')).toBe(true);
    expect(text).toContain('- [RL](/themes/rl/): reinforcement learning (1 paper with this as their main theme)');
    expect(text).toContain('## RL\n\n- [A \\[preprint\\] with a break](/papers/a/): 19 May 2025 · 3 authors');
    expect(text).toContain('## Unsorted\n\n- [Title of b](/papers/b/)');
  });
});
