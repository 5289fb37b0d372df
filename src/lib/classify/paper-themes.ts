import { UNSORTED_THEME_ID } from '../../schemas/survey.ts';

/** What the Unsorted group is called wherever it is shown: papers that no theme fits yet. */
export const UNSORTED_TITLE = 'Unsorted';

/** A paper's primary theme: its first theme, or `unsorted` when it has none (its folder, its previous/next). */
export function primaryThemeId(paper: { themes: readonly string[] }): string {
  return paper.themes[0] ?? UNSORTED_THEME_ID;
}

/** The themes a paper is listed under: its themes, or `unsorted` alone when it has none. */
export function listedThemeIds(paper: { themes: readonly string[] }): readonly string[] {
  return paper.themes.length > 0 ? paper.themes : [UNSORTED_THEME_ID];
}

/** The title shown for a theme id: the theme's own, "Unsorted" for the unsorted group, the id when it is unknown. */
export function themeTitle(themeId: string, themesById: ReadonlyMap<string, { title: string }>): string {
  return themeId === UNSORTED_THEME_ID ? UNSORTED_TITLE : (themesById.get(themeId)?.title ?? themeId);
}
