/**
 * HTML written outside a template exactly as an Astro template writes it, for markup made as one string where a
 * template would cost too much (src/lib/site/paper-table-rows.ts: a large survey's tables hold tens of thousands of
 * rows, and Astro renders each expression of a template on its own). A unit test holds these to Astro's own
 * renderer, so a page's HTML is the same whichever way its markup was made.
 */

const TEXT_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };

/** Text, as a template writes `{value}`: the five characters that could start markup or end an attribute, as entities. */
export function templateText(value: string | number): string {
  const text = String(value);
  // Most text has nothing to escape: looked for once, not replaced.
  return TEXT_SPECIALS.test(text) ? text.replace(TEXT_SPECIALS_ALL, (char) => TEXT_ENTITIES[char]!) : text;
}
const TEXT_SPECIALS = /[&<>'"]/;
const TEXT_SPECIALS_ALL = /[&<>'"]/g;

function attributeValue(value: string | number): string {
  const text = String(value);
  return ATTRIBUTE_SPECIALS.test(text) ? text.replace(/&/g, '&#38;').replace(/"/g, '&#34;') : text;
}
const ATTRIBUTE_SPECIALS = /[&"]/;

/** Whether Astro leaves the value as it is: an http(s) URL with `&` (its query string) is written unescaped. */
function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * An attribute, as a template writes `name={value}` (its leading space included): nothing for no value, the bare
 * name for an empty string, else the value with `&` and `"` escaped — but an http(s) URL with `&` as it is. Not for
 * `class:list`, `style` or boolean attributes, which Astro treats apart.
 */
export function templateAttribute(name: string, value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' && value.includes('&') && isHttpUrl(value)) return ` ${name}="${value}"`;
  if (value === '') return ` ${name}`;
  return ` ${name}="${attributeValue(value)}"`;
}

/**
 * A text attribute (a title, a label, a sort key, JSON), as a template writes `name={textAttribute(value)}`
 * (src/lib/site/text-attribute.ts): like {@link templateAttribute}, with no URL check.
 */
export function templateTextAttribute(name: string, value: string | undefined): string {
  if (value === undefined) return '';
  return value === '' ? ` ${name}` : ` ${name}="${attributeValue(value)}"`;
}

/** A class attribute, as a template writes `class:list={…}` with these classes: nothing when there are none. */
export function templateClasses(classes: ReadonlyArray<string | false>): string {
  const list = classes.filter(Boolean).join(' ');
  return list === '' ? '' : ` class="${attributeValue(list)}"`;
}
