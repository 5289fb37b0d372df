/**
 * A stand-in for the Astro that `npm run build` runs, for records-to-build-script.test.ts: it hands `batches` batches
 * of 500 search records to its parent through `folder`, then keeps its thread busy, as Astro does while it renders a
 * page, until the parent has left `marker` to say it has every record (or 10 s have gone). It then tells the parent
 * whether the marker came while it was busy.
 *
 * Run as `node scripts/run.mjs tests/helpers/records-sender.ts <folder> <marker> <batches>`, with an IPC channel.
 */
import { existsSync } from 'node:fs';
import { sendRecordsToParent } from '../../src/integrations/records-to-build-script.ts';
import type { SearchRecord } from '../../src/lib/search/search-records.ts';
import { sampleRecord } from './sample-records.ts';

const [folder, marker, batchCount] = process.argv.slice(2);

async function* batches(): AsyncGenerator<SearchRecord[]> {
  for (let batch = 0; batch < Number(batchCount); batch++) yield Array.from({ length: 500 }, (_, i) => sampleRecord(batch * 500 + i));
}

const sending = sendRecordsToParent(batches(), folder!);
// After the batches are made and sent (they take no turn of the event loop), the thread is kept busy: the event loop
// does not turn until the parent has them all.
setImmediate(async () => {
  const wait = new Int32Array(new SharedArrayBuffer(4));
  const deadline = Date.now() + 10_000;
  while (!existsSync(marker!) && Date.now() < deadline) Atomics.wait(wait, 0, 0, 20);
  const parentHadAll = existsSync(marker!);
  const records = await sending;
  process.send!({ type: 'sender-done', parentHadAll, records }, () => process.disconnect());
});
