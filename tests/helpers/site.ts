import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

/** Every HTML page of a built site, by its path relative to the site root. */
export function htmlPages(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html') && !relative(root, entry.parentPath).startsWith('pagefind'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

/** Parses a built page. */
export function readPage(root: string, page: string): HTMLElement {
  return parse(readFileSync(join(root, page), 'utf8'));
}

/** The file a site-relative URL path is served from, or null when there is none. */
export function resolveSitePath(root: string, urlPath: string): string | null {
  const clean = decodeURIComponent(urlPath.split(/[?#]/)[0]!);
  const candidates = [join(root, clean), join(root, clean, 'index.html'), join(root, `${clean}.html`)];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile()) ?? null;
}

/** Internal links and resources of a page (href and src that start with `/` or `#`). */
export function internalReferences(page: HTMLElement): string[] {
  return page
    .querySelectorAll('[href], [src]')
    .map((element) => element.getAttribute('href') ?? element.getAttribute('src') ?? '')
    .filter((url) => url.startsWith('/') || url.startsWith('#'));
}
