import { toBibtex, toCsv } from '../lib/site/export-formats.ts';
import { readRowCitation } from '../lib/site/row-citation.ts';
import { FILTER_LABELS, TABLE_FILTERS, type TableFilter } from '../lib/site/table-columns.ts';
import { compareSortKeys, readTableState, rowMatches, writeTableState, type TableState } from '../lib/site/table-state.ts';

interface Row {
  row: HTMLTableRowElement;
  text: string;
  filters: Partial<Record<TableFilter, string[]>>;
  order: number;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, unknown> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/**
 * A big table's first page holds its first rows only (see src/lib/table-pages.ts): fetches the other pages and
 * appends their rows, in page order, so sorting, filters and export cover every paper, then hides the pager.
 * Returns why it could not (a copy opened from disk cannot fetch), or null when every row is here.
 */
async function loadOtherPages(root: HTMLElement, table: HTMLTableElement): Promise<string | null> {
  const others = JSON.parse(root.dataset.otherPages ?? '[]') as string[];
  if (others.length === 0) return null;
  const status = element('p', { className: 'table-loading' }, `Loading all ${root.dataset.total ?? ''} papers…`);
  status.setAttribute('role', 'status');
  root.prepend(status);
  try {
    const pages = await Promise.all(
      others.map(async (url) => {
        const response = await fetch(url);
        if (!response.ok) throw new Error(`${url}: ${response.status}`);
        return response.text();
      }),
    );
    const body = table.tBodies[0]!;
    for (const html of pages) {
      const page = new DOMParser().parseFromString(html, 'text/html');
      for (const row of page.querySelectorAll(`#${CSS.escape(table.id)} > tbody > tr`)) body.append(document.importNode(row, true));
    }
    root.querySelector('[data-table-pager]')?.setAttribute('hidden', '');
    return null;
  } catch {
    return 'the other pages could not be loaded';
  } finally {
    status.remove();
  }
}

/**
 * Adds a reader's controls to a paper table: sort by any column (`aria-sort`), filter chips per facet (AND across
 * facets, OR within one), a text filter, column choice, a live "N of M papers", CSV and BibTeX export of the
 * visible rows — all keyboard-usable, with the state in the URL so a view can be shared and reloaded.
 */
export async function enhanceTable(root: HTMLElement): Promise<void> {
  const table = root.querySelector('table');
  if (!table || root.dataset.enhanced) return;
  root.dataset.enhanced = 'true';
  const partial = await loadOtherPages(root, table);
  const body = table.tBodies[0]!;
  const headers = [...table.tHead!.rows[0]!.cells] as HTMLTableCellElement[];
  const themeLabels = JSON.parse(root.dataset.themeLabels ?? '{}') as Record<string, string>;
  const rows: Row[] = [...body.rows].map((row, order) => ({
    row,
    order,
    // The text filter also finds every author by name, not only the three the cell shows.
    text: `${row.textContent ?? ''} ${readRowCitation(row.dataset.cite)
      .authors.map((name) => `${name.given ?? ''} ${name.family}`)
      .join(' ')}`.toLowerCase(),
    filters: JSON.parse(row.dataset.filters ?? '{}') as Row['filters'],
  }));
  let state: TableState = readTableState(new URLSearchParams(location.search));
  const label = (name: TableFilter, value: string) => (name === 'theme' ? (themeLabels[value] ?? value) : value);

  const count = element('p', { className: 'table-count' });
  count.setAttribute('aria-live', 'polite');
  const search = element('input', { type: 'search', value: state.query, placeholder: 'Filter rows by any words' });
  const searchLabel = element('label', {}, 'Filter ', search);
  search.addEventListener('input', () => update({ query: search.value.trim() }));

  const chipGroups = TABLE_FILTERS.flatMap((name) => {
    const tally = new Map<string, number>();
    for (const { filters } of rows) for (const value of filters[name] ?? []) tally.set(value, (tally.get(value) ?? 0) + 1);
    if (tally.size < 2 && !state.filters[name].length) return [];
    const values = [...tally].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const group = element('details', { className: 'chip-group', open: state.filters[name].length > 0 });
    const chips = values.map(([value, n]) => {
      const chip = element(
        'button',
        { type: 'button', className: 'chip' },
        `${label(name, value)} `,
        element('span', { className: 'chip-count' }, `(${n})`),
      );
      chip.dataset.filter = name;
      chip.dataset.value = value;
      chip.addEventListener('click', () => {
        const chosen = state.filters[name];
        const next = chosen.includes(value) ? chosen.filter((v) => v !== value) : [...chosen, value];
        update({ filters: { ...state.filters, [name]: next } });
      });
      return chip;
    });
    group.append(element('summary', {}, FILTER_LABELS[name]), element('div', { className: 'chips' }, ...chips));
    return [group];
  });

  const columnChoices = headers.slice(1).map((header) => {
    const box = element('input', { type: 'checkbox' });
    box.dataset.col = header.dataset.col;
    box.addEventListener('change', () => {
      const col = header.dataset.col!;
      update({ hidden: box.checked ? state.hidden.filter((c) => c !== col) : [...state.hidden, col] });
    });
    return element('label', {}, box, ` ${header.textContent?.trim()}`);
  });
  const columns = element(
    'details',
    { className: 'column-choice' },
    element('summary', {}, 'Columns'),
    element('div', {}, ...columnChoices),
  );

  const download = (name: string, type: string, text: string) => {
    const link = element('a', { href: URL.createObjectURL(new Blob([text], { type })), download: name });
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  };
  const visibleRows = () => rows.filter(({ row }) => !row.hidden);
  const visibleHeaders = () => headers.filter((header) => !header.hidden);
  const fileName = (table.id || 'papers').replace(/[^a-z0-9-]/gi, '');
  const csvButton = element('button', { type: 'button', className: 'export' }, 'Export CSV');
  csvButton.addEventListener('click', () => {
    const cols = visibleHeaders();
    const cellText = (row: HTMLTableRowElement, header: HTMLTableCellElement) =>
      (row.cells[headers.indexOf(header)]?.querySelector('a, time, ul') ?? row.cells[headers.indexOf(header)])?.textContent
        ?.replace(/\s+/g, ' ')
        .trim() ?? '';
    const data = visibleRows().map(({ row }) => [
      ...cols.map((header) => cellText(row, header)),
      new URL(row.querySelector('th a')!.getAttribute('href')!, location.href).href,
    ]);
    download(`${fileName}.csv`, 'text/csv', toCsv([...cols.map((header) => header.textContent!.trim()), 'URL'], data));
  });
  const bibButton = element('button', { type: 'button', className: 'export' }, 'Export BibTeX');
  bibButton.addEventListener('click', () => {
    const records = visibleRows().map(({ row }) => {
      const cite = readRowCitation(row.dataset.cite);
      return {
        key: cite.key ?? row.dataset.id!,
        title: row.querySelector('th a')!.textContent!.trim(),
        authors: cite.authors,
        moreAuthors: cite.moreAuthors,
        date: row.dataset.date ?? '',
        venue: cite.venue,
        doi: cite.doi,
        arxiv: cite.arxiv,
        url: cite.url ?? new URL(row.querySelector('th a')!.getAttribute('href')!, location.href).href,
        abstract: null,
        keywords: [],
        note: cite.authors.length > 0 ? null : (row.dataset.byline ?? null),
      };
    });
    download(`${fileName}.bib`, 'application/x-bibtex', toBibtex(records));
  });
  const reset = element('button', { type: 'button', className: 'export' }, 'Reset');
  reset.addEventListener('click', () => {
    search.value = '';
    update(readTableState(new URLSearchParams()));
  });

  const tools = element(
    'div',
    { className: 'table-tools' },
    element('div', { className: 'tools-row' }, searchLabel, columns, csvButton, bibButton, reset),
    element('div', { className: 'chip-row' }, ...chipGroups),
    count,
  );
  tools.setAttribute('role', 'group');
  tools.setAttribute('aria-label', `Sort, filter and export: ${table.caption?.textContent ?? 'papers'}`);
  root.prepend(tools);

  for (const header of headers) {
    const button = element('button', { type: 'button', className: 'sort' }, ...header.childNodes);
    button.addEventListener('click', () => {
      const col = header.dataset.col!;
      const direction = state.sort === col && state.direction === 'desc' ? 'asc' : 'desc';
      update({ sort: col, direction });
    });
    header.append(button);
  }

  function update(change: Partial<TableState>) {
    state = { ...state, ...change };
    history.replaceState(history.state, '', `${location.pathname}${writeTableState(state)}${location.hash}`);
    render();
  }

  function render() {
    const hidden = new Set(state.hidden);
    headers.forEach((header, index) => {
      const col = header.dataset.col!;
      header.hidden = hidden.has(col);
      for (const { row } of rows) row.cells[index]!.hidden = hidden.has(col);
      const active = state.sort === col;
      if (active) header.setAttribute('aria-sort', state.direction === 'asc' ? 'ascending' : 'descending');
      else header.removeAttribute('aria-sort');
    });
    for (const box of columns.querySelectorAll('input')) box.checked = !hidden.has(box.dataset.col!);
    for (const chip of tools.querySelectorAll<HTMLButtonElement>('.chip')) {
      chip.setAttribute('aria-pressed', String(state.filters[chip.dataset.filter as TableFilter].includes(chip.dataset.value!)));
    }
    const sortIndex = headers.findIndex((header) => header.dataset.col === state.sort);
    const sorted =
      sortIndex < 0
        ? [...rows].sort((a, b) => a.order - b.order)
        : [...rows].sort(
            (a, b) =>
              compareSortKeys(
                a.row.cells[sortIndex]!.dataset.sort ?? '',
                b.row.cells[sortIndex]!.dataset.sort ?? '',
                headers[sortIndex]!.dataset.sortType ?? 'text',
                state.direction,
              ) || a.order - b.order,
          );
    let shown = 0;
    for (const entry of sorted) {
      entry.row.hidden = !rowMatches(entry, state);
      if (!entry.row.hidden) shown += 1;
      body.append(entry.row);
    }
    count.textContent = `${shown} of ${rows.length} papers${partial ? ` on this page (${partial})` : ''}`;
  }

  render();
}
