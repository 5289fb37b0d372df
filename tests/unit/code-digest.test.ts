import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { digestFiles } from '../../scripts/lib/code-digest.ts';

const root = mkdtempSync(join(tmpdir(), 'code-digest-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const write = (path: string, text: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};

describe('the digest of the code a build depends on', () => {
  test('changes with any file of the code or the pages, and not with a folder’s README', () => {
    write('src/lib/a.ts', 'export const a = 1;\n');
    write('src/lib/README.md', 'What a.ts does.\n');
    write('src/pages/README.md', '# A page\n');
    const before = digestFiles(root, ['src']);
    write('src/lib/README.md', 'What a.ts does, said better.\n');
    expect(digestFiles(root, ['src'])).toBe(before);
    // A Markdown file under src/pages/ is a page, a README.md too.
    write('src/pages/README.md', '# A page, edited\n');
    const afterPage = digestFiles(root, ['src']);
    expect(afterPage).not.toBe(before);
    write('src/lib/a.ts', 'export const a = 2;\n');
    const afterCode = digestFiles(root, ['src']);
    expect(afterCode).not.toBe(afterPage);
    write('src/lib/b.ts', '');
    expect(digestFiles(root, ['src'])).not.toBe(afterCode);
  });
});
