import { visit } from 'unist-util-visit';
import { checkRef, describeDeparted, type PaperRef, type SurveyRefs } from '../curation/paper-refs.ts';

/** The parts of an MDX JSX element (mdast-util-mdx-jsx) this check reads. */
interface JsxElement {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: Array<{ type: string; name?: string; value?: string | { value: string } | null }>;
  position?: { start: Point; end: Point };
}

interface Point {
  line: number;
  column: number;
}

/** The file being compiled: `fail` throws its message at a node's place, which Astro shows as file:line:column. */
interface CompiledFile {
  path?: string;
  fail(reason: string, options: { place?: { start: Point; end: Point } }): never;
}

/**
 * A remark plugin for curated MDX: every `<PaperLink id="…">` and `<PaperTable ids={[…]}>` must name a paper the
 * survey has or once had, and every `<PaperTable theme="…">` a theme. A paper that has left the listings is a
 * warning (it shows as its last title, marked as gone); an id the survey never had fails the build with the file,
 * the line and the closest id — a broken link is never published. `warn` is told each warning.
 */
export function remarkPaperRefs(options: {
  loadRefs: () => SurveyRefs;
  warn?: (message: string) => void;
  displayPath?: (path: string) => string;
}) {
  const warn = options.warn ?? ((message: string) => console.warn(`[survey] warning: ${message}`));
  return (tree: Parameters<typeof visit>[0], file: CompiledFile) => {
    const refs = options.loadRefs();
    visit(tree, (node) => {
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      const element = node as unknown as JsxElement;
      const line = element.position?.start.line ?? 1;
      const where = `${file.path ? (options.displayPath ?? ((path: string) => path))(file.path) : 'mdx'}:${line}`;
      // At the element's place, so the build's error names its line and column, not `:undefined:undefined`.
      const fail = (reason: string): never => {
        return file.fail(reason, { place: element.position });
      };
      if (element.name === 'PaperLink') {
        const id = stringAttribute(element, 'id');
        if (id === undefined) fail(`${where}: <PaperLink> needs an id — write <PaperLink id="paper-id" />`);
        check({ component: 'PaperLink', kind: 'paper', id: id!, line }, refs, where, warn, fail);
      }
      if (element.name === 'PaperTable') {
        const theme = stringAttribute(element, 'theme');
        const ids = arrayAttribute(element, 'ids', where, fail);
        if (theme === undefined && ids === undefined) fail(`${where}: <PaperTable> needs ids={["paper-id", …]} or theme="theme-id"`);
        if (theme !== undefined) check({ component: 'PaperTable', kind: 'theme', id: theme, line }, refs, where, warn, fail);
        for (const id of ids ?? []) check({ component: 'PaperTable', kind: 'paper', id, line }, refs, where, warn, fail);
      }
    });
  };
}

function check(ref: PaperRef, refs: SurveyRefs, where: string, warn: (message: string) => void, fail: (reason: string) => never): void {
  const result = checkRef(ref, refs);
  if (result.status === 'unknown') fail(`${where}: ${result.problem}`);
  if (result.status === 'departed') warn(`${where}: ${describeDeparted(ref, result.title)}`);
}

function stringAttribute(element: JsxElement, name: string): string | undefined {
  const attribute = element.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  return typeof attribute?.value === 'string' ? attribute.value : undefined;
}

/** Reads `ids={["a", "b"]}`: a literal list of strings is required, so the check can see every id. */
function arrayAttribute(element: JsxElement, name: string, where: string, fail: (reason: string) => never): string[] | undefined {
  const attribute = element.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  if (!attribute) return undefined;
  const source = typeof attribute.value === 'string' ? attribute.value : attribute.value?.value;
  try {
    const parsed: unknown = JSON.parse((source ?? '').replace(/'/g, '"').replace(/,\s*]/, ']'));
    if (Array.isArray(parsed) && parsed.every((item) => typeof item === 'string')) return parsed;
  } catch {
    // reported below
  }
  return fail(`${where}: <PaperTable ${name}={…}> must be a list of paper ids in quotes, e.g. ids={["paper-one", "paper-two"]}`);
}
