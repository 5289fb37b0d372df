/**
 * How the bench measures a command: wall time, the CPU time of its whole process tree, and its peak resident memory
 * sampled from /proc every 50 ms (Linux). The disk is flushed before each command.
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
  /**
   * CPU time of the command and every process it started and waited for (Astro, the ingest, Pagefind), in user and in
   * system (kernel) mode. Absent from figures kept from runs before the bench measured it.
   */
  userMs?: number;
  systemMs?: number;
  output: string;
}

/** A run's CPU time, user and system, or undefined when it was not measured. */
export const cpuMs = (run: Run): number | undefined =>
  run.userMs === undefined || run.systemMs === undefined ? undefined : run.userMs + run.systemMs;

/**
 * The CPU time of a process's children that have ended and been waited for, from its `/proc/<pid>/stat` line: the
 * `cutime` and `cstime` fields (16 and 17), in clock ticks. They include the children's own waited-for children, so
 * the difference across one command is its whole tree's. The process name (field 2) is in parentheses and may hold
 * spaces, so fields are counted from its closing one.
 */
export function endedChildrenCpuMs(stat: string, ticksPerSecond: number): { userMs: number; systemMs: number } {
  const fields = stat
    .slice(stat.lastIndexOf(')') + 2)
    .trim()
    .split(/\s+/);
  // fields[0] is field 3 (the state).
  const ticks = (field: number) => Number(fields[field - 3]);
  if (!Number.isFinite(ticks(16)) || !Number.isFinite(ticks(17))) throw new Error(`not a /proc/<pid>/stat line: ${stat.slice(0, 80)}`);
  return { userMs: (ticks(16) * 1000) / ticksPerSecond, systemMs: (ticks(17) * 1000) / ticksPerSecond };
}

/** Clock ticks per second of /proc's CPU times (`getconf CLK_TCK`; 100 on Linux when it cannot be asked), asked once. */
let ticksPerSecond: number | undefined;
const ownChildrenCpuMs = () => {
  ticksPerSecond ??= Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;
  return endedChildrenCpuMs(readFileSync('/proc/self/stat', 'utf8'), ticksPerSecond);
};

/**
 * Runs a command, sampling the resident memory of its whole process tree every 50 ms. The disk is flushed first
 * (`sync`, not timed): the bench deletes hundreds of megabytes of earlier output, and the kernel writing that back
 * while a command runs would be timed as the command's. Its CPU time is what this process's ended children used
 * from its start to its end: the bench runs one command at a time.
 */
export function measure(args: string[], env: Record<string, string> = {}, cwd = root): Promise<Run> {
  spawnSync('sync');
  return new Promise((done, fail) => {
    const started = performance.now();
    const cpuBefore = ownChildrenCpuMs();
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env, CI: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, treeRssKb(child.pid!))), 50);
    child.on('exit', (code) => {
      clearInterval(timer);
      const ms = performance.now() - started;
      const cpuAfter = ownChildrenCpuMs();
      if (code !== 0) fail(new Error(`${args.join(' ')} failed:\n${output.slice(-2000)}`));
      else
        done({
          ms,
          peakMb: peak / 1024,
          userMs: cpuAfter.userMs - cpuBefore.userMs,
          systemMs: cpuAfter.systemMs - cpuBefore.systemMs,
          output,
        });
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
