import { closest } from 'fastest-levenshtein';
import { visit } from 'unist-util-visit';

/** The parts of an MDX JSX element (mdast-util-mdx-jsx) this check reads. */
interface JsxElement {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: Array<{ type: string; name?: string; value?: string | { value: string } | null }>;
  position?: { start: { line: number } };
}

/** What the check needs to know about the survey: the current paper ids and theme ids. */
export interface SurveyRefs {
  paperIds: ReadonlySet<string>;
  themeIds: ReadonlySet<string>;
}

/**
 * A remark plugin for curated MDX: every `<PaperLink id="…">` and `<PaperTable ids={[…]}>` must name a paper in
 * the survey, and every `<PaperTable theme="…">` a theme. A wrong one fails the build with the file, the line, and
 * the closest id — a broken link is never published.
 */
export function remarkPaperRefs(options: { loadRefs: () => SurveyRefs }) {
  return (tree: Parameters<typeof visit>[0], file: { path?: string }) => {
    const refs = options.loadRefs();
    visit(tree, (node) => {
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      const element = node as unknown as JsxElement;
      const line = element.position?.start.line ?? 1;
      const where = `${file.path ?? 'mdx'}:${line}`;
      if (element.name === 'PaperLink') {
        const id = stringAttribute(element, 'id');
        if (id === undefined) throw new Error(`${where}: <PaperLink> needs an id — write <PaperLink id="paper-id" />`);
        checkPaper(id, refs, where, 'PaperLink');
      }
      if (element.name === 'PaperTable') {
        const theme = stringAttribute(element, 'theme');
        const ids = arrayAttribute(element, 'ids', where);
        if (theme === undefined && ids === undefined) throw new Error(`${where}: <PaperTable> needs ids={["paper-id", …]} or theme="theme-id"`);
        if (theme !== undefined && !refs.themeIds.has(theme)) {
          throw new Error(`${where}: <PaperTable theme="${theme}"> names no theme — use one of: ${[...refs.themeIds].join(', ')}`);
        }
        for (const id of ids ?? []) checkPaper(id, refs, where, 'PaperTable');
      }
    });
  };
}

function checkPaper(id: string, refs: SurveyRefs, where: string, component: string): void {
  if (refs.paperIds.has(id)) return;
  const suggestion = refs.paperIds.size > 0 ? closest(id, [...refs.paperIds]) : null;
  throw new Error(
    `${where}: <${component}> names paper "${id}", which is not in the survey${suggestion ? ` — did you mean "${suggestion}"?` : ''} (a paper's id is the last part of its URL, /papers/<id>/)`,
  );
}

function stringAttribute(element: JsxElement, name: string): string | undefined {
  const attribute = element.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  return typeof attribute?.value === 'string' ? attribute.value : undefined;
}

/** Reads `ids={["a", "b"]}`: a literal list of strings is required, so the check can see every id. */
function arrayAttribute(element: JsxElement, name: string, where: string): string[] | undefined {
  const attribute = element.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  if (!attribute) return undefined;
  const source = typeof attribute.value === 'string' ? attribute.value : attribute.value?.value;
  try {
    const parsed: unknown = JSON.parse((source ?? '').replace(/'/g, '"').replace(/,\s*]/, ']'));
    if (Array.isArray(parsed) && parsed.every((item) => typeof item === 'string')) return parsed;
  } catch {
    // reported below
  }
  throw new Error(`${where}: <PaperTable ${name}={…}> must be a list of paper ids in quotes, e.g. ids={["paper-one", "paper-two"]}`);
}
