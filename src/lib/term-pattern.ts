/**
 * Turns a curated search term into a global regular expression, the same way for theme keywords and facet
 * vocabularies:
 * - `/…/flags` is a regular expression, used as written (for terms that need context);
 * - otherwise a word or phrase, matched on whole words only (`RL` never matches inside `world`), where a space or
 *   hyphen matches either (`SWE-bench`, `SWE bench`); case-insensitive unless written in capitals only (an acronym:
 *   `RL`, `GUI`, `MATH500`), so `rl` in prose is not `RL`;
 * - with `plurals`, a final `s`/`es` is allowed; a trailing `*` matches any ending (`verif*`).
 * Throws on an invalid regular expression, with the term in the message.
 */
export function compileTerm(term: string, options: { plurals?: boolean } = {}): RegExp {
  const regex = /^\/(.+)\/([a-z]*)$/s.exec(term.trim());
  if (regex) {
    try {
      return new RegExp(regex[1]!, `${regex[2]!.replace(/g/g, '')}g`);
    } catch (error) {
      throw new Error(`"${term}" is not a valid regular expression: ${(error as Error).message}`);
    }
  }
  const wildcard = term.endsWith('*');
  const words = term
    .replace(/\*$/, '')
    .trim()
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const isAcronym = /\p{Lu}/u.test(term) && !/\p{Ll}/u.test(term);
  const ending = wildcard ? '[\\p{L}\\p{N}-]*' : options.plurals ? '(?:s|es)?' : '';
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join('[\\s-]?')}${ending}(?![\\p{L}\\p{N}])`, isAcronym ? 'gu' : 'giu');
}

/** Every match of a compiled term in a text, as [start, end) offsets. */
export function findTerm(text: string, pattern: RegExp): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0].length === 0) {
      pattern.lastIndex += 1;
      continue;
    }
    spans.push([match.index, match.index + match[0].length]);
  }
  return spans;
}
