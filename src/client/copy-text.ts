/**
 * `<copy-text>`: adds a button that copies the text of the element's `<pre>` to the clipboard, and says so. Without
 * JavaScript (or without a clipboard, as on a page opened from disk in some browsers) the text stays readable and
 * selectable, and no button is shown that would do nothing.
 */
export class CopyTextElement extends HTMLElement {
  connectedCallback() {
    const text = this.querySelector('pre')?.textContent ?? '';
    if (!navigator.clipboard || this.querySelector('button')) return;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-button';
    const label = this.dataset.label ?? 'Copy';
    button.textContent = label;
    const status = document.createElement('span');
    status.setAttribute('role', 'status');
    status.className = 'visually-hidden';
    button.addEventListener('click', () => {
      navigator.clipboard.writeText(text).then(
        () => {
          button.textContent = 'Copied';
          status.textContent = 'BibTeX copied to the clipboard';
          setTimeout(() => (button.textContent = label), 2000);
        },
        () => (status.textContent = 'Could not copy: select the text and copy it instead'),
      );
    });
    this.append(button, status);
  }
}
