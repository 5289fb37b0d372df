/** Code blocks in curated MDX: highlighted as Astro's own Shiki plugin does, with its highlighter set up only for code. */
import { markdownConfigDefaults, rehypeShiki, syntaxHighlightDefaults } from '@astrojs/markdown-remark';
import type { Element, ElementContent, Root } from 'hast';
import { describe, expect, test } from 'vitest';
import { rehypeShikiWhenCode } from '../../src/lib/markdown/rehype-shiki-when-code.ts';

const element = (tagName: string, properties: Element['properties'], children: ElementContent[]): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});
const text = (value: string): ElementContent => ({ type: 'text', value });
const codeBlock = (code: string, language?: string) =>
  element('pre', {}, [element('code', language ? { className: [`language-${language}`] } : {}, [text(code)])]);
const tree = (...children: ElementContent[]): Root => ({ type: 'root', children });

const config = markdownConfigDefaults.shikiConfig;
const excludeLangs = syntaxHighlightDefaults.excludeLangs;
/** The tree as Astro's plugin leaves it, with MDX's default options. */
async function astroHighlighted(input: Root): Promise<Root> {
  const copy = structuredClone(input);
  await (rehypeShiki as unknown as (...options: unknown[]) => (tree: Root) => Promise<void>)(config, excludeLangs)(copy);
  return copy;
}

describe('rehypeShikiWhenCode', () => {
  test('highlights code blocks exactly as Astro does: languages, plain text, excluded maths, inline code', async () => {
    const input = tree(
      element('p', {}, [text('See '), element('code', {}, [text('step()')]), text('.')]),
      codeBlock('def step(state, action):\n    return apply(state, action)\n', 'python'),
      codeBlock('no language here'),
      codeBlock('a^2 + b^2 = c^2', 'math'),
    );
    const ours = structuredClone(input);
    await rehypeShikiWhenCode(config, excludeLangs)(ours);
    expect(ours).toEqual(await astroHighlighted(input));
    // It did highlight: the Python block is Shiki's now, the maths block is left as written.
    const [, python, , maths] = ours.children as Element[];
    expect(python!.properties.class).toBe('astro-code github-dark');
    expect(maths).toEqual(codeBlock('a^2 + b^2 = c^2', 'math'));
  });

  test('leaves a text with no code block as it is, inline code and all', async () => {
    const input = tree(element('p', {}, [text('A note about '), element('code', {}, [text('plan()')]), text('.')]));
    const ours = structuredClone(input);
    await rehypeShikiWhenCode(config, excludeLangs)(ours);
    expect(ours).toEqual(input);
  });

  test('one plugin highlights text after text, with or without code between', async () => {
    const highlight = rehypeShikiWhenCode(config, excludeLangs);
    const first = tree(codeBlock('const a = 1;', 'ts'));
    const none = tree(element('p', {}, [text('prose')]));
    const second = tree(codeBlock('echo hi', 'sh'));
    for (const input of [first, none, second]) {
      const ours = structuredClone(input);
      await highlight(ours);
      expect(ours).toEqual(await astroHighlighted(input));
    }
  });
});
