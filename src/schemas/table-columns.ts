import { FACET_KINDS } from './facet-kinds.ts';

/**
 * The columns a paper table can show after the title (which is always first): the values a theme's `columns:` in
 * `survey.yaml` may name. Free of zod, like facet-kinds.ts, so the browser's table script can import it.
 */
export const TABLE_COLUMNS = ['date', 'authors', 'upvotes', 'code', 'links', 'themes', ...FACET_KINDS, 'results'] as const;
export type TableColumn = (typeof TABLE_COLUMNS)[number];
