/**
 * The portable site's one script (a classic script, not a module, so it runs from `file://`): every custom
 * element the served site loads as modules, defined eagerly, and the search highlighter.
 */
import { highlightTerms } from './highlight-terms.ts';
import { enhanceTable } from './paper-table.ts';
import { SearchBoxElement } from './search-box.ts';
import { SurveySearchElement } from './survey-search.ts';
import { loadLocalIndex } from './portable-engine.ts';
import { CopyTextElement } from './copy-text.ts';

customElements.define('search-box', SearchBoxElement);
customElements.define('copy-text', CopyTextElement);
SurveySearchElement.loadLocalEngine = loadLocalIndex;
customElements.define('survey-search', SurveySearchElement);
customElements.define(
  'paper-table',
  class extends HTMLElement {
    connectedCallback() {
      void enhanceTable(this);
    }
  },
);
if (new URLSearchParams(location.search).has('highlight')) {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => highlightTerms());
  else highlightTerms();
}
