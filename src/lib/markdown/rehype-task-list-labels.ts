import { visit } from 'unist-util-visit';

interface Element {
  type: 'element';
  tagName: string;
  properties?: Record<string, unknown>;
}

/**
 * A rehype plugin for curated MDX: GitHub task-list checkboxes (`- [x] …`) get an accessible name — "Done" or
 * "Not done" — since remark-gfm renders them as bare, unlabelled inputs that screen readers announce as nothing.
 */
export function rehypeTaskListLabels() {
  return (tree: Parameters<typeof visit>[0]) => {
    visit(tree, 'element', (node) => {
      const element = node as unknown as Element;
      if (element.tagName !== 'input' || element.properties?.type !== 'checkbox') return;
      element.properties['ariaLabel'] = element.properties.checked ? 'Done' : 'Not done';
    });
  };
}
