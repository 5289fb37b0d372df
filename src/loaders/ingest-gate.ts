/**
 * `npm run build` (scripts/build.ts) starts Astro while the ingest is still running: Astro's start (its config, the
 * integrations, Vite) needs none of the generated files, so the two share the machine's cores instead of taking
 * turns. The papers loader asks for the generated entries only when it is about to read them, and the build script
 * answers once the ingest has written them; if the ingest fails, the build script stops this Astro instead.
 *
 * Astro run any other way (`astro build`, `npm run dev`, tests) has no ingest running beside it and does not wait.
 */

import { buildScriptListens, sendToBuildScript } from './build-script-channel.ts';

/** Set by the build script in the environment of an Astro it starts beside a running ingest. */
export const INGEST_RUNNING = 'SURVEY_INGEST_RUNNING';

/** Astro to the build script: waiting for the ingest. The reply is {@link IngestDoneMessage}. */
export interface AwaitIngestMessage {
  type: 'survey-await-ingest';
}

/** The build script to Astro: the ingest has written the generated entries. */
export interface IngestDoneMessage {
  type: 'survey-ingest-done';
  /**
   * The digest the ingest recorded of the files it wrote or found as it would write them (`ingest.json`'s `files`).
   * That ingest ran with this build's code, so files that still match it hold papers it validated with this schema
   * (src/loaders/generated-papers.ts).
   */
  files?: string;
}

const hasType = (message: unknown, type: string) =>
  typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type;

export const isAwaitIngestMessage = (message: unknown): message is AwaitIngestMessage => hasType(message, 'survey-await-ingest');
export const isIngestDoneMessage = (message: unknown): message is IngestDoneMessage => hasType(message, 'survey-ingest-done');

let ingestWritten: Promise<{ files?: string }> | undefined;

/**
 * Resolves once the generated entries are written: at once, unless the build script started this Astro beside the
 * ingest. Asked rather than announced, so the answer cannot arrive before anyone listens for it. Says the digest of
 * the files as that ingest wrote them, when an ingest of this build wrote them.
 */
export function generatedEntriesReady(): Promise<{ files?: string }> {
  if (!process.env[INGEST_RUNNING] || !buildScriptListens()) return Promise.resolve({});
  ingestWritten ??= new Promise((resolve) => {
    const onMessage = (message: unknown) => {
      if (!isIngestDoneMessage(message)) return;
      process.off('message', onMessage);
      resolve({ files: message.files });
    };
    process.on('message', onMessage);
    void sendToBuildScript({ type: 'survey-await-ingest' } satisfies AwaitIngestMessage);
  });
  return ingestWritten;
}
