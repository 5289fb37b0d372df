import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { recoverInterruptedSwap, stagingFor, swapInDirectory } from '../../scripts/lib/swap-directory.ts';

/** A folder `name` holding one file that says `text`, and 200 more folders, as a built site has. */
function tree(path: string, text: string) {
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, 'index.html'), text);
  for (let i = 0; i < 200; i++) mkdirSync(join(path, 'papers', String(i)), { recursive: true });
}

async function eventually(condition: () => boolean, ms = 15_000) {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('swapping a built site into place', () => {
  test('the new site is in place at once, and the old one is removed in the background', async () => {
    const root = mkdtempSync(join(tmpdir(), 'swap-'));
    const site = join(root, 'dist');
    tree(site, 'old');
    tree(stagingFor(site), 'new');
    swapInDirectory(site, { removeOldInBackground: true });
    expect(readFileSync(join(site, 'index.html'), 'utf8')).toBe('new');
    expect(existsSync(stagingFor(site))).toBe(false);
    await eventually(() => readdirSync(root).length === 1);
    expect(readdirSync(root)).toEqual(['dist']);
  });

  test('an old site whose removal was cut short goes at the next build, and the site stays', async () => {
    const root = mkdtempSync(join(tmpdir(), 'swap-'));
    const site = join(root, 'dist');
    tree(site, 'current');
    tree(join(root, 'dist.discarded-123-456'), 'old');
    tree(join(root, 'other.discarded-1-2'), 'not ours');
    recoverInterruptedSwap(site);
    await eventually(() => !existsSync(join(root, 'dist.discarded-123-456')));
    expect(readdirSync(root).sort()).toEqual(['dist', 'other.discarded-1-2']);
    expect(readFileSync(join(site, 'index.html'), 'utf8')).toBe('current');
  });

  test('without the option the old site is gone when the swap returns', () => {
    const root = mkdtempSync(join(tmpdir(), 'swap-'));
    const site = join(root, 'dist');
    tree(site, 'old');
    tree(stagingFor(site), 'new');
    swapInDirectory(site);
    expect(readdirSync(root)).toEqual(['dist']);
  });
});
