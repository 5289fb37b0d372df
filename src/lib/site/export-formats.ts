/** A paper as exported to CSV and BibTeX. */
export interface CitableRecord {
  id: string;
  title: string;
  /** Year, or empty when unknown. */
  year: string;
  /** Who wrote it as far as the listing says, e.g. "6 authors" or "Microsoft". */
  byline: string;
  url: string;
}

/** RFC 4180 CSV: every field quoted, quotes doubled, CRLF line ends. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (fields: readonly string[]) => fields.map((field) => `"${field.replace(/"/g, '""')}"`).join(',');
  return [line(header), ...rows.map(line)].join('\r\n') + '\r\n';
}

const BIBTEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/**
 * Escapes text for a BibTeX field, so `&`, `%`, `_`, braces and the like print as themselves — and `--` stays two
 * hyphens instead of becoming a dash.
 */
export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (char) => BIBTEX_SPECIALS[char]!).replace(/-(?=-)/g, '-{}');
}

/** One `@misc` entry per record, with title (case protected), year, note and URL. */
export function toBibtex(records: readonly CitableRecord[]): string {
  return records
    .map((record) => {
      const fields = [
        `  title = {{${escapeBibtex(record.title)}}}`,
        record.year ? `  year = {${record.year}}` : null,
        `  note = {${escapeBibtex(`${record.byline}; listed in the Hugging Face Daily Papers`)}}`,
        `  url = {${record.url}}`,
      ].filter(Boolean);
      return `@misc{${record.id},\n${fields.join(',\n')}\n}\n`;
    })
    .join('\n');
}
