import { formatDate } from '../lib/site/paper-display.ts';
import {
  isEmptySearch,
  readSearchState,
  writeSearchState,
  SEARCH_FILTERS,
  type FilterCounts,
  type SearchState,
} from '../lib/search/search-state.ts';
import { loadPagefind, type ResultItem, type SearchEngine } from './search-engines.ts';

const PAGE_SIZE = 20;
const TYPING_DELAY_MS = 120;

/**
 * Enhances the search form: loads an engine on demand — Pagefind on a served site, the portable index when the
 * page is opened from disk — searches as the reader types, shows filter counts, keeps the query and filters in
 * the URL, pages through results, and lets the keyboard move from the box through the results.
 */
export class SurveySearchElement extends HTMLElement {
  /** The engine for a copy opened from disk: set by the portable copy's script only, so served pages never load it. */
  static loadLocalEngine: ((root: string) => Promise<SearchEngine>) | undefined;

  private engine: SearchEngine | null = null;
  private total = 0;
  private shown = 0;
  private page: ((from: number, size: number) => Promise<ResultItem[]>) | null = null;
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  private get form() {
    return this.querySelector('form')!;
  }
  private get input() {
    return this.form.querySelector<HTMLInputElement>('input[name="q"]')!;
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
    this.input.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowDown') return;
      const first = this.list.querySelector<HTMLAnchorElement>('a.result-link');
      if (first) {
        event.preventDefault();
        first.focus();
      }
    });
    this.moreButton.addEventListener('click', () => void this.showMore());
    this.list.addEventListener('keydown', (event) => this.moveFocus(event));
    try {
      // The portable copy says where its root is (relative); the served site gives its base path.
      const root = this.dataset.root;
      this.engine =
        location.protocol === 'file:'
          ? await SurveySearchElement.loadLocalEngine!(root ?? './')
          : await loadPagefind(
              root ? new URL(root, location.href).pathname : (this.dataset.base ?? '/'),
              this.dataset.indexParts?.split(' ') ?? [],
            );
      this.showCounts(await this.engine.counts());
    } catch {
      this.status.textContent =
        'The search index could not be loaded. Search works on the built site (npm run build, then npm run preview).';
      return;
    }
    await this.run();
  }

  private readForm(): SearchState {
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(this.form)) params.append(key, String(value));
    return readSearchState(params);
  }

  private applyState(state: SearchState) {
    this.input.value = state.query;
    for (const name of SEARCH_FILTERS) {
      for (const box of this.form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`))
        box.checked = state.filters[name].includes(box.value);
    }
    this.form.querySelector<HTMLSelectElement>('select[name="sort"]')!.value = state.sort;
  }

  private async run() {
    if (!this.engine) return;
    const state = this.readForm();
    history.replaceState(null, '', `${location.pathname}${writeSearchState(state)}`);
    const generation = ++this.generation;
    if (isEmptySearch(state)) {
      this.page = null;
      this.list.replaceChildren();
      this.moreButton.hidden = true;
      this.showCounts(await this.engine.counts());
      this.status.textContent = 'Type to search, or choose a filter.';
      return;
    }
    const started = performance.now();
    const found = await this.engine.search(state);
    if (generation !== this.generation) return;
    this.total = found.total;
    this.page = found.page;
    this.shown = 0;
    this.list.replaceChildren();
    this.showCounts(found.counts);
    await this.showMore();
    if (generation !== this.generation) return;
    this.dataset.lastSearchMs = String(Math.round(performance.now() - started));
    // Announced once the results are on the page, so a screen reader never hears a count for an empty list.
    const about = state.query ? ` for “${state.query}”` : '';
    this.status.textContent =
      this.total === 0
        ? `No results${about}. Try fewer or different words, remove a filter, or browse all papers.`
        : `${this.total} ${this.total === 1 ? 'result' : 'results'}${about}`;
  }

  private async showMore() {
    if (!this.page) return;
    const generation = this.generation;
    const items = await this.page(this.shown, PAGE_SIZE);
    if (generation !== this.generation) return;
    for (const item of items) this.list.append(renderResult(item));
    this.shown += items.length;
    this.moreButton.hidden = this.shown >= this.total;
  }

  private showCounts(counts: FilterCounts) {
    for (const element of this.querySelectorAll<HTMLElement>('[data-filter-count]')) {
      const key = element.dataset.filterCount ?? '';
      const at = key.indexOf(':');
      element.textContent = `(${counts[key.slice(0, at)]?.[key.slice(at + 1)] ?? 0})`;
    }
  }

  /** Arrow keys move between result links (and back up to the box); Enter follows the focused one. */
  private moveFocus(event: KeyboardEvent) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = [...this.list.querySelectorAll<HTMLAnchorElement>('a.result-link')];
    const index = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (index < 0) return;
    event.preventDefault();
    const next = links[index + (event.key === 'ArrowDown' ? 1 : -1)];
    (next ?? (event.key === 'ArrowUp' ? this.input : links[index]!)).focus();
  }
}

/** One result: the title as a link, its themes and date (or "Theme" for a theme page), and the highlighted excerpt. */
function renderResult(item: ResultItem): HTMLLIElement {
  const li = document.createElement('li');
  const heading = document.createElement('h2');
  heading.className = 'result-title';
  const link = document.createElement('a');
  link.className = 'result-link';
  link.href = item.url;
  link.textContent = item.meta.title ?? item.title ?? item.url;
  heading.append(link);
  const meta = document.createElement('p');
  meta.className = 'result-meta';
  meta.textContent =
    item.meta.kind === 'theme'
      ? 'Theme'
      : [item.meta.themes, item.meta.date ? formatDate(item.meta.date) : 'date unknown'].filter(Boolean).join(' · ');
  const excerpt = document.createElement('p');
  excerpt.className = 'result-excerpt';
  // The excerpt is the page's own text, escaped by the engine, with <mark> around the matched words.
  excerpt.innerHTML = item.excerpt;
  li.append(heading, meta, excerpt);
  return li;
}
