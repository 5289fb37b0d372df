/**
 * The Astro that `npm run build` runs hands the search records to the build script a batch at a time, while it
 * renders (src/integrations/records-to-build-script.ts). The build script must have them all even while Astro's
 * thread is busy with a page and its event loop does not turn: a batch sent whole through Node's IPC pipe waited for
 * the loop, and in a rebuild the records took seconds to arrive.
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

const scratch = mkdtempSync(join(tmpdir(), 'records-to-build-script-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

test('every record reaches the build script while the sender is busy, in order, and no batch file is left', async () => {
  const folder = join(scratch, 'records');
  const marker = join(scratch, 'all-received');
  const batches = 20;
  const received: SearchRecord[] = [];
  const child = spawn(process.execPath, ['scripts/run.mjs', 'tests/helpers/records-sender.ts', folder, marker, String(batches)], {
    cwd: projectRoot,
    env: userEnvironment(),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const reply = await new Promise<{ parentHadAll: boolean; records: number }>((resolve, reject) => {
    child.on('message', (message) => {
      if (isSearchRecordsMessage(message)) {
        received.push(...receiveRecords(folder, message));
        if (message.done) writeFileSync(marker, '');
      } else resolve(message as { parentHadAll: boolean; records: number });
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`the sender exited (${code}) without its answer`)));
  });
  expect(reply).toEqual({ type: 'sender-done', parentHadAll: true, records: batches * 500 });
  expect(received.length).toBe(batches * 500);
  expect(received.every((record, n) => record.url === sampleRecord(n).url && record.html === sampleRecord(n).html)).toBe(true);
  expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
}, 30_000);
