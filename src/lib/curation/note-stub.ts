/** The text of a new note: a small frontmatter (every field optional, shown commented out) and a heading. */
export function createNoteStub(paper: { id: string; title: string; themes: readonly string[] }): string {
  const themes = paper.themes.length > 0 ? `[${paper.themes.join(', ')}]` : '[]';
  return `---
# Note on "${paper.title.replace(/"/g, "'")}". Every field is optional: uncomment what you need.
# themes: ${themes}   # pin the themes; the first is primary
# summary: One line shown under the title in tables.
# tags: [method, benchmark]
# featured: true        # shown first in its themes and on the home page
# hidden: true          # left out of the site, kept in data/papers.json
# code: https://github.com/owner/repo
# project: https://project.page/
---

## Curator's note

`;
}
