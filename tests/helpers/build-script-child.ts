/**
 * A stand-in for the Astro that `npm run build` runs, for build-script-channel.test.ts. Run with an IPC channel as
 * `node scripts/run.mjs tests/helpers/build-script-child.ts <what> …`:
 * - `records <folder> <marker> <batches>`: hands `batches` batches of 500 search records to its parent through
 *   `folder`, then keeps its thread busy, as Astro does while it renders a page, until the parent has left `marker` to
 *   say it has every record (or 10 s have gone); then tells the parent whether the marker came while it was busy.
 * - `exit-after <megabytes>`: sends a message that large and exits as Astro does when its build is done
 *   (`process.exit`), once every message is sent.
 */
import { existsSync } from 'node:fs';
import { sendRecordsToParent } from '../../src/integrations/records-to-build-script.ts';
import { everyMessageSent, sendToBuildScript } from '../../src/loaders/build-script-channel.ts';
import type { SearchRecord } from '../../src/lib/search/search-records.ts';
import { sampleRecord } from './sample-records.ts';

const [what, ...args] = process.argv.slice(2);

if (what === 'records') {
  const [folder, marker, batchCount] = args;
  async function* batches(): AsyncGenerator<SearchRecord[]> {
    for (let batch = 0; batch < Number(batchCount); batch++) yield Array.from({ length: 500 }, (_, i) => sampleRecord(batch * 500 + i));
  }
  const sending = sendRecordsToParent(batches(), folder!);
  // After the batches are made and sent (they take no turn of the event loop), the thread is kept busy: the event
  // loop does not turn until the parent has them all.
  setImmediate(async () => {
    const wait = new Int32Array(new SharedArrayBuffer(4));
    const deadline = Date.now() + 10_000;
    while (!existsSync(marker!) && Date.now() < deadline) Atomics.wait(wait, 0, 0, 20);
    const parentHadAll = existsSync(marker!);
    const records = await sending;
    await sendToBuildScript({ type: 'sender-done', parentHadAll, records });
    process.disconnect();
  });
} else if (what === 'exit-after') {
  void sendToBuildScript({ type: 'large', text: 'x'.repeat(Number(args[0]) * 1024 * 1024) });
  await everyMessageSent();
  process.exit(0);
}
