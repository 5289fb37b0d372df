/**
 * How many parts of a search index are written at once. A build writes its parts one at a time while Astro still
 * renders — one Pagefind write beside Astro fits the memory, two do not (src/lib/search/index-parts.ts) — and as many
 * at once as it has lanes once Astro has exited: it then widens the slots.
 */
export interface WriteSlots {
  /** Waits for a free slot, and resolves with the function that frees it again (once, however often it is called). */
  take(): Promise<() => void>;
  /** From now on `count` writes at once, never fewer than before: parts waiting for a slot start at once. */
  widen(count: number): void;
}

/** Slots for `count` writes at once, handed out in the order they were asked for. */
export function writeSlots(count: number): WriteSlots {
  let open = count;
  let busy = 0;
  const waiting: (() => void)[] = [];
  const handOut = () => {
    while (busy < open && waiting.length > 0) {
      busy += 1;
      waiting.shift()!();
    }
  };
  return {
    take: () =>
      new Promise((resolve) => {
        waiting.push(() => {
          let freed = false;
          resolve(() => {
            if (freed) return;
            freed = true;
            busy -= 1;
            handOut();
          });
        });
        handOut();
      }),
    widen(count) {
      open = Math.max(open, count);
      handOut();
    },
  };
}

/** Runs `write` in a slot of `slots` (at once without slots), and frees the slot however it ends. */
export async function inSlot<T>(slots: WriteSlots | undefined, write: () => Promise<T>): Promise<T> {
  if (!slots) return write();
  const free = await slots.take();
  try {
    return await write();
  } finally {
    free();
  }
}
