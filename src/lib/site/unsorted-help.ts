/**
 * What the Unsorted theme page says about its papers (and what search finds on it): how to give them a theme. HTML,
 * as the page and its search record both place it.
 */
export const UNSORTED_HELP_HTML =
  "No theme's keywords matched these papers. Pin each to a theme with <code>themes:</code> in its note (<code>npm run note -- paper-id</code>), or add keywords to a theme in <code>content/survey.yaml</code>.";
