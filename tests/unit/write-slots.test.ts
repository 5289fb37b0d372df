import { describe, expect, test } from 'vitest';
import { inSlot, writeSlots } from '../../src/lib/search/write-slots.ts';

/** A write that ends when the test says so, and records when it started and ended. */
function heldWrite(name: string, log: string[]) {
  let finish!: () => void;
  const ended = new Promise<void>((resolve) => (finish = resolve));
  return {
    run: async () => {
      log.push(`start ${name}`);
      await ended;
      log.push(`end ${name}`);
      return name;
    },
    finish,
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('write slots: how many parts of the index are written at once', () => {
  test('one slot: the writes run one after the other, in the order they asked', async () => {
    const log: string[] = [];
    const slots = writeSlots(1);
    const [a, b, c] = ['a', 'b', 'c'].map((name) => heldWrite(name, log));
    const results = [a, b, c].map((write) => inSlot(slots, write!.run));
    await settle();
    expect(log).toEqual(['start a']);
    b!.finish();
    c!.finish();
    await settle();
    expect(log).toEqual(['start a']);
    a!.finish();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  test('widened, the writes waiting start at once, up to the new number', async () => {
    const log: string[] = [];
    const slots = writeSlots(1);
    const writes = ['a', 'b', 'c', 'd'].map((name) => heldWrite(name, log));
    const results = writes.map((write) => inSlot(slots, write.run));
    await settle();
    expect(log).toEqual(['start a']);
    slots.widen(3);
    await settle();
    expect(log).toEqual(['start a', 'start b', 'start c']);
    // Never narrowed: a smaller number later changes nothing.
    slots.widen(1);
    writes[1]!.finish();
    await settle();
    expect(log).toContain('start d');
    for (const write of writes) write.finish();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd']);
  });

  test('a failed write frees its slot, and its error reaches its caller', async () => {
    const slots = writeSlots(1);
    const failed = inSlot(slots, async () => {
      throw new Error('Pagefind stopped');
    });
    const next = inSlot(slots, async () => 'next');
    await expect(failed).rejects.toThrow('Pagefind stopped');
    expect(await next).toBe('next');
  });

  test('a slot freed twice is freed once', async () => {
    const slots = writeSlots(1);
    const free = await slots.take();
    free();
    free();
    const log: string[] = [];
    const [a, b] = ['a', 'b'].map((name) => heldWrite(name, log));
    const results = [inSlot(slots, a!.run), inSlot(slots, b!.run)];
    await settle();
    expect(log).toEqual(['start a']);
    a!.finish();
    b!.finish();
    await Promise.all(results);
  });

  test('without slots a write runs at once', async () => {
    expect(await inSlot(undefined, async () => 'now')).toBe('now');
  });
});
