import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const POLL_MS = 200;

/**
 * Holds `lockFile` while `work` runs, so two ingests never write at once. A second ingest waits up to
 * `waitMs` for the first to finish, then refuses. A lock left by a process that no longer exists is taken over.
 */
export async function withIngestLock<T>(lockFile: string, work: () => Promise<T> | T, waitMs = 60_000): Promise<T> {
  const deadline = Date.now() + waitMs;
  // The lock appears with its holder's pid already in it (written beside it, then hard-linked into place, which
  // fails if the lock exists), so no other ingest ever reads an empty lock and mistakes it for a stale one.
  const candidate = `${lockFile}.${process.pid}`;
  writeFileSync(candidate, String(process.pid));
  for (;;) {
    try {
      linkSync(candidate, lockFile);
      rmSync(candidate, { force: true });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSafely(lockFile));
      // Only a lock whose holder is known to be gone is taken over; one that vanished meanwhile is simply retried.
      if (Number.isInteger(holder) && holder > 0 && !isAlive(holder)) {
        rmSync(lockFile, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        rmSync(candidate, { force: true });
        throw new Error(
          `another ingest (process ${holder}) is still writing; try again when it has finished, or delete ${lockFile} if it is stale`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lockFile, { force: true });
  }
}

function readFileSafely(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
