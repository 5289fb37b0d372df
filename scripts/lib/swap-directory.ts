import { existsSync, renameSync, rmSync } from 'node:fs';

/** The folder a complete new tree is written into before it replaces `target`. */
export const stagingFor = (target: string) => `${target}.staging`;

/** Where the tree being replaced waits between the two renames of a swap. */
const previousFor = (target: string) => `${target}.previous`;

/**
 * Replaces the folder `target` with the complete tree in `stagingFor(target)`, with two renames: the old tree
 * steps aside to `<target>.previous`, the new one takes its place, then the old one is removed. A crash leaves
 * either the old tree or the new one (or the old one beside an unfinished staging tree, which
 * {@link recoverInterruptedSwap} tidies), never a mix. Ingest swaps `content/generated/`, the build `dist/` and
 * the portable copy `dist-portable/` this way.
 */
export function swapInDirectory(target: string, hooks: { betweenRenames?: () => void } = {}): void {
  const previous = previousFor(target);
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(target)) renameSync(target, previous);
  hooks.betweenRenames?.();
  renameSync(stagingFor(target), target);
  rmSync(previous, { recursive: true, force: true });
}

/**
 * Undoes what a crash left behind: puts the old tree back if a swap stopped between its renames, and drops a
 * staging tree that was not swapped in. Run it before writing a new staging tree.
 */
export function recoverInterruptedSwap(target: string): void {
  const previous = previousFor(target);
  if (existsSync(previous)) {
    if (existsSync(target)) rmSync(previous, { recursive: true, force: true });
    else renameSync(previous, target);
  }
  rmSync(stagingFor(target), { recursive: true, force: true });
}
