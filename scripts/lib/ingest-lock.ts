import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

const POLL_MS = 200;

/**
 * Holds `lockFile` while `work` runs, so two ingests never write at once. A second ingest waits up to
 * `waitMs` for the first to finish, then refuses. A lock left by a process that no longer exists is taken over.
 */
export async function withIngestLock<T>(lockFile: string, work: () => Promise<T> | T, waitMs = 60_000): Promise<T> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSafely(lockFile));
      if (!isAlive(holder)) {
        rmSync(lockFile, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new Error(`another ingest (process ${holder}) is still writing; try again when it has finished, or delete ${lockFile} if it is stale`);
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
