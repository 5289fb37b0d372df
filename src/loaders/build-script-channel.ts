/**
 * Messages from the Astro that `npm run build` runs to the build script (scripts/build.ts), through Node's IPC
 * channel: the wait for the ingest, the search records, the pages taken from the last build.
 *
 * Astro ends its process with `process.exit` as soon as its build is done, and a message still being written into the
 * channel then is lost. At 100,000 papers the paper pages' digests and the list of the pages left to take from the last
 * build (some 10 MB) were still being written when Astro exited after a rebuild: the build script never read them, and
 * the site it put in place had no paper pages. So every message goes through here, and the build's end waits until
 * each is written (`astro:build:done`, src/integrations/build-output.ts).
 */

/** The messages being written into the channel. */
const writing = new Set<Promise<void>>();
/** Why a message could not be sent, kept for {@link everyMessageSent} to report. */
const failures: Error[] = [];

/** Whether a build script listens: this Astro was started with an IPC channel that is still open. */
export const buildScriptListens = (): boolean => Boolean(process.send && process.connected);

/** Sends `message` to the build script: resolves once it is written into the channel, rejects if it cannot be. */
export function sendToBuildScript(message: object): Promise<void> {
  const sent = new Promise<void>((resolve, reject) =>
    process.send!(message, undefined, {}, (error) => (error ? reject(error) : resolve())),
  );
  writing.add(sent);
  sent.then(
    () => writing.delete(sent),
    (error: Error) => {
      writing.delete(sent);
      failures.push(error);
    },
  );
  return sent;
}

/** Resolves once every message sent so far is written into the channel; rejects if any could not be. */
export async function everyMessageSent(): Promise<void> {
  while (writing.size > 0) await Promise.allSettled([...writing]);
  if (failures.length > 0) throw new Error(`a message to the build script was not sent: ${failures[0]!.message}`);
}
