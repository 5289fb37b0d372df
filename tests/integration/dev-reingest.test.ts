/**
 * `npm run dev` follows a reference manager's automatic export (Better BibTeX's "keep updated", Zotero's
 * auto-export): when a `.bib` in the listings changes, the running site is re-ingested and shows the new paper.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { astroCacheDir } from '../../src/loaders/content-paths.ts';
import { startAstro } from '../helpers/browser.ts';
import { projectRoot, userEnvironment } from '../helpers/paths.ts';

const content = mkdtempSync(join(tmpdir(), 'dev-bib-'));
const library = join(content, 'listings', 'library.bib');
let server: { url: string; stop: () => void };

beforeAll(async () => {
  mkdirSync(join(content, 'listings'));
  for (const name of ['survey.yaml', 'facets']) cpSync(join(projectRoot, 'content', name), join(content, name), { recursive: true });
  writeFileSync(
    library,
    '@article{iyer2024, title = {Reflective Agents That Replan}, author = {Iyer, Chloé and Núñez, Ngozi}, year = {2024},\n  abstract = {Agents that reflect on their failures and replan do better on long tasks.}}\n',
  );
  const env = { SURVEY_CONTENT_DIR: content };
  // What `npm run dev` runs: ingest, then the dev server.
  const ingest = spawnSync(process.execPath, ['scripts/run.mjs', 'scripts/ingest.ts'], {
    cwd: projectRoot,
    env: userEnvironment(env),
    encoding: 'utf8',
  });
  if (ingest.status !== 0) throw new Error(ingest.stderr);
  server = await startAstro(['dev'], env, 60_000);
}, 90_000);
afterAll(() => {
  server?.stop();
  for (const dir of [content, resolve(projectRoot, astroCacheDir(content))]) rmSync(dir, { recursive: true, force: true });
});

async function poll(url: string, until: (status: number, body: string) => boolean, timeoutMs = 60_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(url);
    const body = await response.text();
    if (until(response.status, body)) return body;
    if (Date.now() > deadline) throw new Error(`${url} still answers ${response.status}`);
    await new Promise((done) => setTimeout(done, 500));
  }
}

describe('npm run dev and a library export kept up to date', () => {
  test('an entry added to the .bib shows on the running site, its authors named', async () => {
    await poll(`${server.url}/papers/reflective-agents-that-replan/`, (status) => status === 200);
    expect((await fetch(`${server.url}/papers/tool-use-for-small-models/`)).status).toBe(404);
    appendFileSync(
      library,
      "\n@inproceedings{saez2025, title = {Tool Use for Small Models}, author = {S{\\'a}ez, {\\'I}{\\~n}igo}, year = {2025},\n  booktitle = {Proceedings of a Workshop}}\n",
    );
    const page = await poll(`${server.url}/papers/tool-use-for-small-models/`, (status) => status === 200);
    expect(page).toContain('Íñigo Sáez');
    expect(page).toContain('Proceedings of a Workshop');
  }, 120_000);
});
