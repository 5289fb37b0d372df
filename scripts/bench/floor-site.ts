/** The floor the full build is compared with: a bare Astro site of as many plain pages, built the same way. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './measure.ts';

/** Writes a bare Astro site with `count` plain pages and returns its folder. */
export function prepareFloor(count: number): string {
  const floor = join(root, 'node_modules', '.bench-floor');
  rmSync(floor, { recursive: true, force: true });
  mkdirSync(join(floor, 'src/pages/p'), { recursive: true });
  writeFileSync(join(floor, 'astro.config.mjs'), "export default { build: { format: 'directory' } };\n");
  writeFileSync(
    join(floor, 'src/pages/index.astro'),
    '<html lang="en"><head><title>Floor</title></head><body><h1>Floor</h1></body></html>\n',
  );
  writeFileSync(
    join(floor, 'src/pages/p/[id].astro'),
    `---\nexport function getStaticPaths() { return Array.from({ length: ${count} }, (_, i) => ({ params: { id: String(i) } })); }\nconst { id } = Astro.params;\n---\n<html lang="en"><head><title>Page {id}</title></head><body><h1>Page {id}</h1><p>Plain page.</p></body></html>\n`,
  );
  return floor;
}
