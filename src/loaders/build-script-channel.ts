/**
 * Messages from the Astro that `npm run build` runs to the build script (scripts/build.ts), through Node's IPC
 * channel: the wait for the ingest, the search records, the pages taken from the last build.
 *
 * Astro ends its process with `process.exit` as soon as its build is done, and a message still being written into the
 * channel then is lost. At 100,000 papers the paper pages' digests and the list of the pages left to take from the last
 * build (some 16 MB) were still being written when Astro exited after a rebuild: the build script never read them, and
 * the site it put in place had no paper pages. So every message goes through here, and the build's end waits until
 * each is written (`astro:build:done`, src/integrations/build-output.ts).
 *
 * The pages send from Astro's bundle of the site and the integrations wait from the config's own copy of this module:
 * the messages being written are kept on `globalThis`, where both copies find them.
 */

interface Channel {
  /** The messages being written into the channel. */
  writing: Set<Promise<void>>;
  /** Why a message could not be sent, kept for {@link everyMessageSent} to report. */
  failures: Error[];
}

const CHANNEL = Symbol.for('survey.build-script-channel');
const channel = ((globalThis as Record<symbol, Channel | undefined>)[CHANNEL] ??= { writing: new Set(), failures: [] });

/** Whether a build script listens: this Astro was started with an IPC channel that is still open. */
export const buildScriptListens = (): boolean => Boolean(process.send && process.connected);

/** Sends `message` to the build script: resolves once it is written into the channel, rejects if it cannot be. */
export function sendToBuildScript(message: object): Promise<void> {
  const sent = new Promise<void>((resolve, reject) =>
    process.send!(message, undefined, {}, (error) => (error ? reject(error) : resolve())),
  );
  channel.writing.add(sent);
  sent.then(
    () => channel.writing.delete(sent),
    (error: Error) => {
      channel.writing.delete(sent);
      channel.failures.push(error);
    },
  );
  return sent;
}

/** Resolves once every message sent so far, from any copy of this module, is written into the channel; rejects if any could not be. */
export async function everyMessageSent(): Promise<void> {
  while (channel.writing.size > 0) await Promise.allSettled([...channel.writing]);
  if (channel.failures.length > 0) throw new Error(`a message to the build script was not sent: ${channel.failures[0]!.message}`);
}
