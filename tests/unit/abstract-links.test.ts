import { describe, expect, test } from 'vitest';
import { classifyLink, extractLinks, segmentAbstract } from '../../src/lib/text/abstract-links.ts';

describe('links in abstracts', () => {
  test('sentence punctuation after a URL is not part of it', () => {
    expect(extractLinks('See https://github.com/autonomousvision/navsim.').map((l) => l.url)).toEqual([
      'https://github.com/autonomousvision/navsim',
    ]);
    expect(extractLinks('Code (https://github.com/a/b).').map((l) => l.url)).toEqual(['https://github.com/a/b']);
    expect(extractLinks('Go to https://a.io/x, then https://b.io/y;').map((l) => l.url)).toEqual(['https://a.io/x', 'https://b.io/y']);
  });

  test('a repository written with .git is the same repository', () => {
    const segments = segmentAbstract('at https://github.com/dvlab-research/ARPO.git.');
    expect(segments).toEqual([
      { text: 'at ' },
      { text: 'https://github.com/dvlab-research/ARPO.git', href: 'https://github.com/dvlab-research/ARPO.git' },
      { text: '.' },
    ]);
    expect(extractLinks('at https://github.com/dvlab-research/ARPO.git.')).toEqual([
      { url: 'https://github.com/dvlab-research/ARPO', kind: 'code' },
    ]);
  });

  test('braces end a URL and a repeated URL is listed once', () => {
    expect(extractLinks('https://mathcritique.github.io/{https://mathcritique.github.io/}.')).toEqual([
      { url: 'https://mathcritique.github.io/', kind: 'project' },
    ]);
  });

  test('balanced parentheses inside a URL are kept', () => {
    expect(extractLinks('see https://en.wikipedia.org/wiki/Foo_(bar).').map((l) => l.url)).toEqual([
      'https://en.wikipedia.org/wiki/Foo_(bar)',
    ]);
  });

  test('only http and https URLs become links', () => {
    const text = 'javascript:alert(1) data:text/html,<script>x</script> ftp://a.io/b www.example.com';
    expect(segmentAbstract(text)).toEqual([{ text }]);
  });

  test('GitHub repositories are code; Hugging Face datasets and models are told apart', () => {
    expect(classifyLink('https://github.com/a/b/tree/main/x')).toBe('code');
    expect(classifyLink('https://github.com/a')).toBe('project');
    expect(classifyLink('https://huggingface.co/datasets/a/b')).toBe('dataset');
    expect(classifyLink('https://huggingface.co/a/b')).toBe('model');
    expect(classifyLink('https://a.github.io/')).toBe('project');
  });

  test('segments put the abstract back together exactly', () => {
    const text = 'A (https://x.io/a). B https://y.io/b.git. C';
    expect(
      segmentAbstract(text)
        .map((s) => s.text)
        .join(''),
    ).toBe(text);
  });
});
