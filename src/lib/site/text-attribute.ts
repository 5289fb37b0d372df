/**
 * An attribute value that is text (a title, a label, a sort key, JSON), for a template to render as Astro renders any
 * string — `&` and `"` escaped — without Astro first trying it as a URL.
 *
 * Astro hands every string attribute value that contains `&` to `new URL()`, so that a link's query string is left
 * unescaped; for text that is not a URL the parse throws, and the thrown error costs about 25 µs. Titles and facet
 * labels such as "Safety & alignment" put hundreds of such values on a theme page's table: at 10,000 papers about
 * 100,000 throws, 2.5 s of the build. Astro skips the URL check for a value that is not a primitive string and escapes
 * it the same way (`String(value)`), so a value with `&` is handed over as a `String` object; the HTML is the same.
 *
 * Not for URLs (`href`, `src`: Astro's check is what keeps their query strings intact), nor for `class`, `style` or
 * boolean attributes, which Astro treats apart.
 */
export function textAttribute<T extends string | undefined>(value: T): T {
  // The object passes for a string everywhere a template uses it; only Astro's `typeof` check tells them apart.
  return (value !== undefined && value.includes('&') ? new String(value) : value) as T;
}
