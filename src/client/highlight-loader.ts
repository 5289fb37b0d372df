/** On pages a search result leads to: loads the highlighter only when the URL carries the searched words. */
export function highlightSearchedWords(): void {
  if (new URLSearchParams(location.search).has('highlight')) {
    void import('./highlight-terms.ts').then(({ highlightTerms }) => highlightTerms());
  }
}
