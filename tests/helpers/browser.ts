import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { projectRoot, userEnvironment } from './paths.ts';

/** Debian's Chromium, started the way this machine allows (no sandbox as root, no background network). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Ports handed out already: two servers started one after the other must not be given the same free port. */
const handedOut = new Set<number>();

async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
      });
    });
    if (!handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
}

/** Serves a built site with `astro preview` (what `npm run preview` runs) on a free loopback port. */
export function startPreview(outDir: string): Promise<{ url: string; stop: () => void }> {
  return startAstro(['preview', '--outDir', outDir]);
}

/**
 * Starts the Astro server of `args` (`preview`, or `dev` for a content folder) on a free loopback port, and waits
 * until it answers.
 */
export async function startAstro(
  args: string[],
  env: Record<string, string> = {},
  waitMs = 30_000,
): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [join(projectRoot, 'node_modules/astro/astro.js'), ...args, '--port', String(port), '--host', '127.0.0.1'],
    {
      cwd: projectRoot,
      env: userEnvironment(env),
      stdio: 'ignore',
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      if ((await fetch(`${url}/`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`astro ${args[0]} did not start on ${url}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, stop: () => child.kill() };
}

/**
 * For a test file: serves the built default survey with `astro preview` and starts Chromium before its tests, and
 * stops both after. The returned object is filled in by the time the tests run.
 */
export function useServedSite(outDir: string): { browser: Browser; url: string } {
  const site = {} as { browser: Browser; url: string };
  let stop = () => {};
  beforeAll(async () => {
    const server = await startPreview(outDir);
    stop = server.stop;
    site.url = server.url;
    site.browser = await launchChromium();
  });
  afterAll(async () => {
    await site.browser?.close();
    stop();
  });
  return site;
}
