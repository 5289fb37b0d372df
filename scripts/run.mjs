/**
 * `node scripts/run.mjs <script.ts> [arguments…]`: how every `npm run` command runs one of the project's TypeScript
 * scripts. The script is bundled with the project code it imports (scripts/lib/bundle-script.mjs) and run with the
 * arguments, which it reads from `process.argv` as it would if Node ran it itself.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { BundleError, bundleScript } from './lib/bundle-script.mjs';

const [script, ...args] = process.argv.slice(2);
if (!script || !/\.[cm]?ts$/.test(script) || !existsSync(script)) {
  const got = !script ? 'nothing' : existsSync(script) ? `${script}, not a .ts file` : `${script}, which is not there`;
  console.error(`run: expected the TypeScript script to run, as in \`node scripts/run.mjs scripts/ingest.ts\`; got ${got}`);
  process.exit(2);
}
const entry = resolve(script);
let bundle;
try {
  bundle = await bundleScript(entry);
} catch (error) {
  if (!(error instanceof BundleError)) throw error;
  for (const line of error.message.split('\n')) console.error(`run: ${line}`);
  process.exit(1);
}
process.argv = [process.argv[0], entry, ...args];
process.setSourceMapsEnabled(true);
await import(bundle.href);
