import { afterEach, describe, expect, test, vi } from 'vitest';
import { holdStdout } from '../../src/integrations/build-output.ts';

/** A stand-in for process.stdout that records each write it is really given. */
function recordingStream() {
  const written: string[] = [];
  const stream = {
    write(chunk: string | Uint8Array) {
      written.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
      return true;
    },
  } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Astro’s output under npm run build, held and written in batches', () => {
  test('lines written within the wait go out as one write, in order, once the wait is over', () => {
    vi.useFakeTimers();
    const { stream, written } = recordingStream();
    holdStdout(stream, { flushAfterMs: 100, flushAtBytes: 1_000_000 });
    stream.write('  ├─ /papers/a/index.html (+2ms)\n');
    stream.write(Buffer.from('  ├─ /papers/b/index.html (+1ms)\n'));
    stream.write('  └─ /papers/c/index.html (+3ms)\n');
    expect(written).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(written).toEqual(['  ├─ /papers/a/index.html (+2ms)\n  ├─ /papers/b/index.html (+1ms)\n  └─ /papers/c/index.html (+3ms)\n']);
    stream.write('Complete!\n');
    vi.advanceTimersByTime(100);
    expect(written).toEqual([expect.any(String), 'Complete!\n']);
  });

  test('past the byte limit, what is held goes at once', () => {
    vi.useFakeTimers();
    const { stream, written } = recordingStream();
    holdStdout(stream, { flushAfterMs: 100, flushAtBytes: 10 });
    stream.write('12345');
    expect(written).toEqual([]);
    stream.write('67890');
    expect(written).toEqual(['1234567890']);
  });

  test('a write’s callback is called once its text is written', () => {
    vi.useFakeTimers();
    const { stream, written } = recordingStream();
    holdStdout(stream, { flushAfterMs: 100, flushAtBytes: 1_000_000 });
    const called: string[] = [];
    stream.write('a\n', () => called.push('a'));
    stream.write('b\n', 'utf8', () => called.push('b'));
    expect(called).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(written).toEqual(['a\nb\n']);
    expect(called).toEqual(['a', 'b']);
  });

  test('what is held when the process exits is written then', () => {
    const { stream, written } = recordingStream();
    const exitListeners = process.listeners('exit');
    holdStdout(stream, { flushAfterMs: 60_000, flushAtBytes: 1_000_000 });
    const added = process.listeners('exit').filter((listener) => !exitListeners.includes(listener));
    expect(added).toHaveLength(1);
    stream.write('last line\n');
    added[0]!.call(process, 0);
    expect(written).toEqual(['last line\n']);
    process.off('exit', added[0]!);
  });

  test('held once: a second call leaves the stream as it is', () => {
    const { stream } = recordingStream();
    holdStdout(stream);
    const held = stream.write;
    holdStdout(stream);
    expect(stream.write).toBe(held);
    for (const listener of process.listeners('exit').slice(-1)) process.off('exit', listener);
  });
});
