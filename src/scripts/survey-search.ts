import { formatDay } from '../lib/paper-display.ts';
import { isEmptySearch, readSearchState, toPagefindOptions, writeSearchState, SEARCH_FILTERS, type SearchState } from '../lib/search-state.ts';

/** The subset of Pagefind's browser API this page uses. */
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(query: string | null, options: object): Promise<{ results: PagefindResult[]; unfilteredResultCount: number; filters: Record<string, Record<string, number>> } | null>;
}
interface PagefindResult {
  id: string;
  data(): Promise<{ url: string; excerpt: string; meta: Record<string, string | undefined> }>;
}

const PAGE_SIZE = 20;
const TYPING_DELAY_MS = 150;

/**
 * Enhances the search form: loads Pagefind on demand, searches as the reader types, shows filter counts,
 * keeps the query and filters in the URL, and pages through results. Without a Pagefind index (in `npm run dev`)
 * it says so instead.
 */
export class SurveySearchElement extends HTMLElement {
  private pagefind: Pagefind | null = null;
  private results: PagefindResult[] = [];
  private shown = 0;
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  private get form() {
    return this.querySelector('form')!;
  }
  private get status() {
    return this.querySelector<HTMLElement>('[data-status]')!;
  }
  private get list() {
    return this.querySelector<HTMLOListElement>('[data-results]')!;
  }
  private get moreButton() {
    return this.querySelector<HTMLButtonElement>('[data-more]')!;
  }

  async connectedCallback() {
    this.applyState(readSearchState(new URLSearchParams(location.search)));
    if (this.dataset.dev) return;
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.run();
    });
    this.form.addEventListener('input', (event) => {
      clearTimeout(this.timer);
      const typing = (event.target as HTMLElement).matches('input[type="search"]');
      this.timer = setTimeout(() => void this.run(), typing ? TYPING_DELAY_MS : 0);
    });
    this.moreButton.addEventListener('click', () => void this.showMore());
    this.list.addEventListener('keydown', (event) => this.moveFocus(event));
    try {
      const base = this.dataset.base ?? '/';
      const url = `${base.endsWith('/') ? base : `${base}/`}pagefind/pagefind.js`;
      this.pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
      await this.pagefind.options({ baseUrl: base, excerptLength: 30 });
      await this.pagefind.init();
      this.showCounts(await this.pagefind.filters());
    } catch {
      this.status.textContent = 'The search index could not be loaded. Search works on the built site (npm run build, then npm run preview).';
      return;
    }
    await this.run();
  }

  private readForm(): SearchState {
    return readSearchState(new URLSearchParams(new FormData(this.form) as unknown as Record<string, string>));
  }

  private applyState(state: SearchState) {
    const input = this.form.querySelector<HTMLInputElement>('input[name="q"]')!;
    input.value = state.query;
    for (const name of SEARCH_FILTERS) {
      for (const box of this.form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)) box.checked = state.filters[name].includes(box.value);
    }
    this.form.querySelector<HTMLSelectElement>('select[name="sort"]')!.value = state.sort;
  }

  private async run() {
    if (!this.pagefind) return;
    const state = this.readForm();
    history.replaceState(null, '', `${location.pathname}${writeSearchState(state)}`);
    const generation = ++this.generation;
    if (isEmptySearch(state)) {
      this.results = [];
      this.list.replaceChildren();
      this.moreButton.hidden = true;
      this.status.textContent = 'Type to search, or choose a theme or year.';
      return;
    }
    const search = await this.pagefind.search(state.query || null, toPagefindOptions(state));
    if (!search || generation !== this.generation) return;
    this.results = search.results;
    this.shown = 0;
    this.list.replaceChildren();
    this.showCounts(search.filters);
    await this.showMore();
    if (generation !== this.generation) return;
    // Announced once the results are on the page, so a screen reader never hears a count for an empty list.
    const count = this.results.length;
    const about = state.query ? ` for “${state.query}”` : '';
    this.status.textContent =
      count === 0
        ? `No results${about}. Try fewer or different words, remove a filter, or browse all papers.`
        : `${count} ${count === 1 ? 'result' : 'results'}${about}`;
  }

  private async showMore() {
    const generation = this.generation;
    const batch = this.results.slice(this.shown, this.shown + PAGE_SIZE);
    const data = await Promise.all(batch.map((result) => result.data()));
    if (generation !== this.generation) return;
    for (const item of data) this.list.append(renderResult(item));
    this.shown += batch.length;
    this.moreButton.hidden = this.shown >= this.results.length;
  }

  private showCounts(filters: Record<string, Record<string, number>>) {
    for (const element of this.querySelectorAll<HTMLElement>('[data-filter-count]')) {
      const [name, value] = (element.dataset.filterCount ?? '').split(':') as [string, string];
      const count = filters[name]?.[value];
      element.textContent = count === undefined ? '(0)' : `(${count})`;
    }
  }

  /** Arrow keys move between result links; Enter follows the focused one (a link's own behaviour). */
  private moveFocus(event: KeyboardEvent) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = [...this.list.querySelectorAll<HTMLAnchorElement>('a.result-link')];
    const index = links.indexOf(document.activeElement as HTMLAnchorElement);
    const next = links[index + (event.key === 'ArrowDown' ? 1 : -1)];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  }
}

/** One result: the title as a link, its themes and date (or "Theme" for a theme page), and the highlighted excerpt. */
function renderResult(item: { url: string; excerpt: string; meta: Record<string, string | undefined> }): HTMLLIElement {
  const li = document.createElement('li');
  const heading = document.createElement('h2');
  heading.className = 'result-title';
  heading.style.fontSize = 'var(--text-lg)';
  heading.style.margin = '0';
  const link = document.createElement('a');
  link.className = 'result-link';
  link.href = item.url;
  link.textContent = item.meta.title ?? item.url;
  heading.append(link);
  const meta = document.createElement('p');
  meta.className = 'result-meta';
  const isTheme = item.meta.kind === 'theme';
  meta.textContent = isTheme ? 'Theme' : [item.meta.themes, item.meta.date ? formatDay(item.meta.date) : 'date unknown'].filter(Boolean).join(' · ');
  const excerpt = document.createElement('p');
  excerpt.className = 'result-excerpt';
  // Pagefind's excerpt is the page's own text, escaped by Pagefind, with <mark> around the matched words.
  excerpt.innerHTML = item.excerpt;
  li.append(heading, meta, excerpt);
  return li;
}
