/**
 * Under `npm run build`, the pages send to the build script from Astro's bundle of the site, and the integration that
 * waits for every message before Astro exits runs from the config's own copy of the module: the wait must see the
 * messages either copy sent (src/loaders/build-script-channel.ts). The channel's own behaviour, with real processes,
 * is in tests/integration/build-script-channel.test.ts.
 */
import { afterEach, expect, test } from 'vitest';

type Channel = typeof import('../../src/loaders/build-script-channel.ts');
/** A copy of the module of its own (a query makes another module of the same file). */
const copyOfChannel = (name: string) =>
  import(/* @vite-ignore */ `../../src/loaders/build-script-channel.ts?copy=${name}`) as Promise<Channel>;

const originalSend = process.send;
afterEach(() => {
  process.send = originalSend;
});

test('the wait in one copy of the module covers a message sent from another, still being written', async () => {
  // Two copies of the module, as Astro's bundle and its config each have one.
  const pages = await copyOfChannel('pages');
  const config = await copyOfChannel('config');
  expect(pages).not.toBe(config);
  let written = false;
  // A channel that takes a while to write a large message.
  process.send = ((_message: unknown, _handle: unknown, _options: unknown, callback: (error: Error | null) => void) => {
    setTimeout(() => {
      written = true;
      callback(null);
    }, 50);
    return true;
  }) as typeof process.send;
  void pages.sendToBuildScript({ type: 'large' });
  await config.everyMessageSent();
  expect(written).toBe(true);
});
