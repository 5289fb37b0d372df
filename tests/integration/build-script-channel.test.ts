/**
 * The Astro that `npm run build` runs tells the build script things through Node's IPC channel
 * (src/loaders/build-script-channel.ts): the search records, a batch at a time while it renders
 * (src/integrations/records-to-build-script.ts), and the pages taken from the last build. The build script must have
 * the records even while Astro's thread is busy with a page and its event loop does not turn (a batch sent whole
 * through the channel waited for the loop, and in a rebuild the records took seconds to arrive), and every message
 * must be whole in the channel before Astro exits, however large (at 100,000 papers a 10 MB message was lost).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { isSearchRecordsMessage, receiveRecords } from '../../src/integrations/records-to-build-script.ts';
import type { SearchRecord } from '../../src/lib/search/search-records.ts';
import { sampleRecord } from '../helpers/sample-records.ts';
import { projectRoot, userEnvironment } from '../helpers/paths.ts';

const scratch = mkdtempSync(join(tmpdir(), 'build-script-channel-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Starts the stand-in Astro (tests/helpers/build-script-child.ts) with an IPC channel; resolves with its exit code. */
function startChild(args: string[], onMessage: (message: unknown) => void): Promise<number | null> {
  const child = spawn(process.execPath, ['scripts/run.mjs', 'tests/helpers/build-script-child.ts', ...args], {
    cwd: projectRoot,
    env: userEnvironment(),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  child.on('message', onMessage);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', resolve);
  });
}

test('every record reaches the build script while the sender is busy, in order, and no batch file is left', async () => {
  const folder = join(scratch, 'records');
  const marker = join(scratch, 'all-received');
  const batches = 20;
  const received: SearchRecord[] = [];
  let reply: unknown;
  const code = await startChild(['records', folder, marker, String(batches)], (message) => {
    if (!isSearchRecordsMessage(message)) {
      reply = message;
      return;
    }
    received.push(...receiveRecords(folder, message));
    if (message.done) writeFileSync(marker, '');
  });
  expect(code).toBe(0);
  expect(reply).toEqual({ type: 'sender-done', parentHadAll: true, records: batches * 500 });
  expect(received.length).toBe(batches * 500);
  expect(received.every((record, n) => record.url === sampleRecord(n).url && record.html === sampleRecord(n).html)).toBe(true);
  expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
}, 30_000);

test('a large message sent just before the sender exits arrives whole', async () => {
  const megabytes = 20;
  let length = 0;
  const code = await startChild(['exit-after', String(megabytes)], (message) => {
    length = (message as { text: string }).text.length;
  });
  expect(code).toBe(0);
  expect(length).toBe(megabytes * 1024 * 1024);
}, 30_000);
