import { rehypeShiki, type ShikiConfig } from '@astrojs/markdown-remark';
import type { Root } from 'hast';
import { EXIT, visit } from 'unist-util-visit';

type Highlight = (tree: Root) => Promise<void>;

/**
 * Astro's own Shiki highlighting of code blocks in curated MDX (notes and intros), set up only once a text has a
 * code block. Astro's plugin creates its highlighter — Shiki's WASM engine, the theme, a grammar — for the first text
 * it is given, code or not: about 0.15 s of every build, and most surveys' notes have no code. Used with MDX's own
 * highlighting off (`syntaxHighlight: false`) and first among the rehype plugins, it runs where Astro's would, with
 * the same options, so a code block is highlighted exactly as before.
 */
export function rehypeShikiWhenCode(config: ShikiConfig, excludeLangs?: string[]) {
  let highlight: Highlight | undefined;
  return async (tree: Root): Promise<void> => {
    if (!hasCodeBlock(tree)) return;
    // Astro's attacher reads nothing from the processor it is attached to (`this`): it only keeps the options.
    highlight ??= (rehypeShiki as unknown as (config: ShikiConfig, excludeLangs?: string[]) => Highlight)(config, excludeLangs);
    await highlight(tree);
  };
}

/**
 * Whether a tree has a code block, a `<code>` in a `<pre>`: Astro's plugin highlights only those (and decides which:
 * a `<code>` alone in its `<pre>`, not in an excluded language). Inline code, common in notes, is left to the prose.
 */
function hasCodeBlock(tree: Root): boolean {
  let found = false;
  visit(tree, 'element', (node, _index, parent) => {
    if (node.tagName !== 'code' || parent?.type !== 'element' || parent.tagName !== 'pre') return;
    found = true;
    return EXIT;
  });
  return found;
}
