import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'astro/zod';
import { InputError } from './input-error.ts';

/** Validated YAML data, with the line of any field for later messages. */
export interface ParsedYaml<T> {
  data: T;
  /** 1-based line of the field at `path` (or of its nearest existing parent). */
  lineOf: (path: readonly (string | number)[]) => number;
}

/**
 * Parses YAML text and validates it with a zod schema. A syntax error or a failed check becomes an
 * {@link InputError} at the line of the offending field, saying which field and what was expected.
 */
export function parseYamlWith<Schema extends z.ZodTypeAny>(text: string, schema: Schema, file: string): ParsedYaml<z.infer<Schema>> {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const [syntaxError] = document.errors;
  if (syntaxError) {
    const line = lineCounter.linePos(syntaxError.pos[0]).line;
    throw new InputError(
      file,
      line,
      `this is not valid YAML: ${syntaxError.message.split('\n')[0]}`,
      'check the indentation and quoting on this line',
    );
  }
  const result = schema.safeParse(document.toJS() ?? {});
  const lineOf = (path: readonly (string | number)[]) => lineOfPath(document, path, lineCounter);
  if (result.success) return { data: result.data, lineOf };
  // A misspelt key (`titel:`) is also a required one missing: the key written is the issue to show, at its own line.
  const issues = result.error.issues;
  const issue = issues.find((candidate) => candidate.code === 'unrecognized_keys') ?? issues[0]!;
  const field = issue.path.join('.') || '(top level)';
  const line = lineOf(issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path);
  throw new InputError(file, line, `${field}: ${issue.message}`, 'see README, "Surveying your own sources", for the fields and their form');
}

/** The line of the deepest node on `path` that exists, so a missing field points at its parent. */
function lineOfPath(document: Document, path: readonly (string | number)[], lineCounter: LineCounter): number {
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node = depth === 0 ? document.contents : document.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return 1;
}
