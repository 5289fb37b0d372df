/** The header's search box: `/` focuses it from anywhere outside a text field. */
export class SearchBoxElement extends HTMLElement {
  connectedCallback() {
    const input = this.querySelector('input');
    document.addEventListener('keydown', (event) => {
      const target = event.target as HTMLElement | null;
      const typing = target?.closest('input, textarea, select, [contenteditable="true"]');
      if (event.key === '/' && !typing && !event.metaKey && !event.ctrlKey && !event.altKey) {
        event.preventDefault();
        input?.focus();
      }
    });
  }
}
