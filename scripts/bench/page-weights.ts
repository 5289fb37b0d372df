/** What a reader downloads: a page and the CSS and JS it loads before any interaction, gzipped. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzipped bytes of a page and the CSS and JS it loads before any interaction. */
export function pageWeight(site: string, html: string): number {
  const assets = [...html.matchAll(/<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"/g)].map((match) => match[1]!);
  return assets.reduce((sum, asset) => sum + gzipSync(readFileSync(join(site, asset))).length, gzipSync(html).length);
}

/** The theme page whose table is closest to 100 rows, and its weight before interaction. */
export function themeNearHundredRows(site: string): { rows: number; bytes: number } | null {
  const themes = join(site, 'themes');
  if (!existsSync(themes)) return null;
  const candidates = readdirSync(themes).map((theme) => {
    const html = readFileSync(join(themes, theme, 'index.html'), 'utf8');
    return { html, rows: tableRows(html) };
  });
  const best = candidates.sort((a, b) => Math.abs(a.rows - 100) - Math.abs(b.rows - 100))[0]!;
  return { rows: best.rows, bytes: pageWeight(site, best.html) };
}

/** The rows of the paper tables on a page. */
export function tableRows(html: string): number {
  return (html.match(/<tr data-id=/g) ?? []).length;
}

/** The largest HTML file of a site, uncompressed: what a big table would cost without pages. */
export function largestHtmlFile(site: string): { path: string; bytes: number } {
  let largest = { path: '', bytes: 0 };
  for (const entry of readdirSync(site, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const path = join(entry.parentPath, entry.name);
    const bytes = statSync(path).size;
    if (bytes > largest.bytes) largest = { path: path.slice(site.length + 1), bytes };
  }
  return largest;
}

/** The gzipped size of a site's table script. */
export function tableScriptWeight(site: string): number {
  const script = readdirSync(join(site, '_astro')).find((name) => name.startsWith('paper-table'))!;
  return gzipSync(readFileSync(join(site, '_astro', script))).length;
}
