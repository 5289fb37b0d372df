/**
 * How the bench measures a command: wall time, and the peak resident memory of its whole process tree sampled from
 * /proc every 50 ms (Linux). The disk is flushed before each command.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root folder. */
export const root = fileURLToPath(new URL('../..', import.meta.url));

export interface Run {
  ms: number;
  peakMb: number;
  output: string;
}

/**
 * Runs a command, sampling the resident memory of its whole process tree every 50 ms. The disk is flushed first
 * (`sync`, not timed): the bench deletes hundreds of megabytes of earlier output, and the kernel writing that back
 * while a command runs would be timed as the command's.
 */
export function measure(args: string[], env: Record<string, string> = {}, cwd = root): Promise<Run> {
  spawnSync('sync');
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env, CI: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, treeRssKb(child.pid!))), 50);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0) fail(new Error(`${args.join(' ')} failed:\n${output.slice(-2000)}`));
      else done({ ms: performance.now() - started, peakMb: peak / 1024, output });
    });
  });
}

/** The resident memory of a process and all its descendants, in KB. */
function treeRssKb(rootPid: number): number {
  const parents = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      parents.set(Number(name), Number(/PPid:\s+(\d+)/.exec(status)?.[1] ?? 0));
      rss.set(Number(name), Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0));
    } catch {
      // the process ended meanwhile
    }
  }
  const inTree = (pid: number): boolean => pid === rootPid || (pid > 1 && parents.has(pid) && inTree(parents.get(pid)!));
  let total = 0;
  for (const [pid, kb] of rss) if (inTree(pid)) total += kb;
  return total;
}

/** The bytes of every file under a folder (0 when it does not exist). */
export function folderBytes(path: string): number {
  if (!existsSync(path)) return 0;
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
}
