/**
 * Feeds, sitemap, llms.txt, Open Graph and JSON-LD of the built survey, read with an XML parser and checked against
 * papers.json: at the root with no public origin (`dist`), and under a sub-path of a known origin (`dist-base`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { builtSite, builtSiteUnderBase, TEST_BASE, TEST_SITE } from '../helpers/paths.ts';
import { htmlPages, readPage, resolveSitePath } from '../helpers/site.ts';

interface Exported {
  id: string;
  title: string;
  date: string | null;
  added: string;
  themes: string[];
  hidden: boolean;
  path: string;
}
const exported = (root: string) => (JSON.parse(readFileSync(join(root, 'data/papers.json'), 'utf8')) as { papers: Exported[] }).papers;
const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['item', 'category', 'url', 'sitemap'].includes(name) });
const readXml = (root: string, path: string) => {
  const text = readFileSync(join(root, path), 'utf8');
  expect(XMLValidator.validate(text)).toBe(true);
  return xml.parse(text);
};

interface FeedItem {
  title: string;
  link: string;
  guid: { '#text': string };
  pubDate: string;
  category?: string[];
}

describe('RSS feeds', () => {
  test('feed.xml holds every shown paper, most recently added first, dated by its added day', () => {
    const papers = exported(builtSiteUnderBase).filter((paper) => !paper.hidden);
    const channel = readXml(builtSiteUnderBase, 'feed.xml').rss.channel;
    expect(channel.title).toBe('Reflective & Closed-Loop AI Agents');
    expect(channel.link).toBe(`${TEST_SITE}${TEST_BASE}`);
    const items = channel.item as FeedItem[];
    expect(items).toHaveLength(papers.length);
    const byPath = new Map(papers.map((paper) => [`${TEST_SITE}${paper.path}`, paper]));
    const added = items.map((item) => {
      const paper = byPath.get(item.link)!;
      expect(paper, item.link).toBeDefined();
      expect(item.title).toBe(paper.title);
      expect(item.guid['#text']).toBe(item.link);
      expect(new Date(item.pubDate).toISOString().slice(0, 10)).toBe(paper.added);
      return paper;
    });
    expect(new Set(added.map((paper) => paper.id)).size).toBe(papers.length);
    // Recently added first, then by publication date, newest first.
    for (let index = 1; index < added.length; index += 1) {
      const [before, after] = [added[index - 1]!, added[index]!];
      expect(before.added >= after.added).toBe(true);
      if (before.added === after.added && before.date && after.date) expect(before.date >= after.date).toBe(true);
    }
  });

  test('each theme has its own feed of its papers, linked from its page', () => {
    const papers = exported(builtSite).filter((paper) => !paper.hidden && paper.themes.includes('code-agents'));
    const channel = readXml(builtSite, 'themes/code-agents/feed.xml').rss.channel;
    expect(channel.title).toMatch(/^Code generation & software-engineering agents · /);
    const items = channel.item as FeedItem[];
    expect(new Set(items.map((item) => new URL(item.link).pathname))).toEqual(new Set(papers.map((paper) => paper.path)));
    for (const item of items) expect(item.category).toContain('Code generation & software-engineering agents');
    const page = readPage(builtSite, 'themes/code-agents/index.html');
    expect(page.querySelectorAll('link[rel="alternate"][type="application/rss+xml"]').map((link) => link.getAttribute('href'))).toEqual([
      '/feed.xml',
      '/themes/code-agents/feed.xml',
    ]);
  });

  test('without SURVEY_SITE the feed links point at the local preview server, and the build says so', () => {
    const channel = readXml(builtSite, 'feed.xml').rss.channel;
    expect((channel.item as FeedItem[])[0]!.link).toMatch(/^http:\/\/localhost:4321\/papers\/[a-z0-9-]+\/$/);
    expect(readFileSync(`${builtSite}.log`, 'utf8')).toContain(
      'SURVEY_SITE is not set: the feeds link to http://localhost:4321/ (npm run preview) and no sitemap is written.',
    );
  });
});

describe('sitemap, llms.txt and page metadata', () => {
  test('with a public origin, the sitemap lists every public page and leaves curator pages out', () => {
    const index = readXml(builtSiteUnderBase, 'sitemap-index.xml').sitemapindex;
    const locations = (index.sitemap as { loc: string }[]).map((entry) => entry.loc);
    expect(locations).toEqual([`${TEST_SITE}${TEST_BASE}sitemap-0.xml`]);
    const urls = (readXml(builtSiteUnderBase, 'sitemap-0.xml').urlset.url as { loc: string }[]).map((entry) => entry.loc);
    const pages = htmlPages(builtSiteUnderBase).filter((page) => page !== '404.html' && !page.startsWith('notes/'));
    expect(urls.length).toBe(pages.length);
    for (const url of urls) {
      expect(url.startsWith(`${TEST_SITE}${TEST_BASE}`)).toBe(true);
      expect(resolveSitePath(builtSiteUnderBase, new URL(url).pathname.slice(TEST_BASE.length - 1)), url).not.toBeNull();
    }
    expect(urls.some((url) => url.includes('/notes/orphans/'))).toBe(false);
    expect(existsSync(join(builtSite, 'sitemap-index.xml'))).toBe(false);
  });

  test('llms.txt: title, summary, themes, data files and every shown paper, each link resolving', () => {
    const text = readFileSync(join(builtSiteUnderBase, 'llms.txt'), 'utf8');
    expect(text.startsWith('# Reflective & Closed-Loop AI Agents\n\n> ')).toBe(true);
    expect(text).toMatch(/^## Themes$/m);
    expect(text).toMatch(/^## Data$/m);
    const links = [...text.matchAll(/\]\(([^)]+)\)/g)].map((match) => match[1]!);
    for (const link of links) {
      expect(link.startsWith(`${TEST_SITE}${TEST_BASE}`), link).toBe(true);
      expect(resolveSitePath(builtSiteUnderBase, new URL(link).pathname.slice(TEST_BASE.length - 1)), link).not.toBeNull();
    }
    const papers = exported(builtSiteUnderBase).filter((paper) => !paper.hidden);
    const paperLinks = links.filter((link) => link.includes('/papers/') && link !== `${TEST_SITE}${TEST_BASE}papers/`);
    expect(new Set(paperLinks)).toEqual(new Set(papers.map((paper) => `${TEST_SITE}${paper.path}`)));
    expect(paperLinks).toHaveLength(papers.length);
  });

  test('paper pages carry Open Graph tags and ScholarlyArticle JSON-LD with only what the listing says', () => {
    const papers = exported(builtSiteUnderBase);
    const thinkless = papers.find((paper) => paper.id === 'thinkless-llm-learns-when-to-think')!;
    const page = readPage(builtSiteUnderBase, 'papers/thinkless-llm-learns-when-to-think/index.html');
    const meta = (property: string) => page.querySelector(`meta[property="${property}"]`)?.getAttribute('content');
    expect(meta('og:title')).toBe(thinkless.title);
    expect(meta('og:type')).toBe('article');
    expect(meta('og:url')).toBe(`${TEST_SITE}${thinkless.path}`);
    expect(meta('article:published_time')).toBe(thinkless.date);
    expect(page.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`${TEST_SITE}${thinkless.path}`);
    const data = JSON.parse(page.querySelector('script[type="application/ld+json"]')!.textContent);
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ScholarlyArticle',
      headline: thinkless.title,
      url: `${TEST_SITE}${thinkless.path}`,
      datePublished: thinkless.date,
      sameAs: ['https://github.com/VainF/Thinkless'],
      isPartOf: { '@type': 'CreativeWork', name: 'Reflective & Closed-Loop AI Agents', url: `${TEST_SITE}${TEST_BASE}` },
    });
    expect(data.author).toBeUndefined();
    // Without a public origin there is no absolute URL to give: no og:url, no canonical, no url in the JSON-LD.
    const local = readPage(builtSite, 'papers/thinkless-llm-learns-when-to-think/index.html');
    expect(local.querySelector('meta[property="og:url"]')).toBeNull();
    expect(JSON.parse(local.querySelector('script[type="application/ld+json"]')!.textContent).url).toBeUndefined();
  });

  test('every paper page says when the paper was added, and the home page lists the most recently added', () => {
    const papers = exported(builtSite).filter((paper) => !paper.hidden);
    for (const paper of papers.slice(0, 10)) {
      const page = readPage(builtSite, `papers/${paper.id}/index.html`);
      const added = page.querySelectorAll('dt').find((term) => term.text === 'Added to the survey')!;
      expect(added.nextElementSibling!.querySelector('time')!.getAttribute('datetime')).toBe(paper.added);
    }
    const home = readPage(builtSite, 'index.html');
    const recent = home.querySelector('[aria-labelledby="recent-heading"]')!;
    expect(recent.querySelector('h2')!.text).toBe('Recently added');
    const latest = papers
      .map((paper) => paper.added)
      .sort()
      .at(-1)!;
    expect(recent.querySelector('p time')!.getAttribute('datetime')).toBe(latest);
    expect(recent.querySelectorAll('ol li')).toHaveLength(8);
  });
});
