import { describe, expect, test } from 'vitest';
import { parseHistory, serialiseHistory, updateHistory, type HistoryPaper } from '../../src/lib/ingest/paper-history.ts';
import { InputError } from '../../src/lib/input/input-error.ts';
import { isoDaySchema } from '../../src/schemas/survey.ts';

const paper = (id: string, captured: string, upvotes: number | null = null): HistoryPaper => ({
  id,
  title: id.toUpperCase(),
  upvotes,
  source: { captured },
});

describe('the survey history', () => {
  test('a first ingest dates every paper by its listing capture day and says it is the first', () => {
    const { history, changes } = updateHistory(undefined, [paper('b', '2025-10-31', 3), paper('a', '2025-06-30')]);
    expect(changes.firstIngest).toBe(true);
    expect(changes.added.map((added) => added.id)).toEqual(['b', 'a']);
    expect(Object.keys(history.papers)).toEqual(['a', 'b']);
    expect(history.papers.b).toEqual({ added: '2025-10-31', upvotes: 3, removed: null, title: 'B' });
  });

  test('known papers keep their day; new ones take their capture day; leavers are kept and marked', () => {
    const first = updateHistory(undefined, [paper('a', '2025-10-31', 3), paper('b', '2025-10-31', 1)]).history;
    const { history, changes } = updateHistory(first, [paper('a', '2025-11-21', 8), paper('c', '2025-11-21')]);
    expect(changes.firstIngest).toBe(false);
    expect(changes.added).toEqual([{ id: 'c', title: 'C', added: '2025-11-21', returned: false }]);
    expect(changes.removed).toEqual([{ id: 'b' }]);
    expect(changes.upvotes).toEqual([{ id: 'a', title: 'A', before: 3, after: 8 }]);
    expect(history.papers).toEqual({
      a: { added: '2025-10-31', upvotes: 8, removed: null, title: 'A' },
      // A paper that left keeps its last title: what a link to it shows.
      b: { added: '2025-10-31', upvotes: 1, removed: '2025-11-21', title: 'B' },
      c: { added: '2025-11-21', upvotes: null, removed: null, title: 'C' },
    });
    const back = updateHistory(history, [paper('a', '2025-12-01', 8), paper('b', '2025-12-01', 1), paper('c', '2025-12-01')]);
    expect(back.changes.added).toEqual([{ id: 'b', title: 'B', added: '2025-10-31', returned: true }]);
    expect(back.changes.removed).toEqual([]);
    expect(back.history.papers.b).toEqual({ added: '2025-10-31', upvotes: 1, removed: null, title: 'B' });
  });

  test('the same papers twice change nothing, and the file reads back as written', () => {
    const { history } = updateHistory(undefined, [paper('a', '2025-10-31', 3)]);
    const again = updateHistory(history, [paper('a', '2025-10-31', 3)]);
    expect(again.changes).toEqual({ firstIngest: false, added: [], removed: [], upvotes: [] });
    const text = serialiseHistory(again.history);
    expect(text).toBe(serialiseHistory(history));
    expect(parseHistory(text, 'content/history.json')).toEqual(history);
    expect(serialiseHistory(updateHistory(undefined, []).history)).toMatch(/"papers": \{\n  \}\n\}\n$/);
  });

  test('a damaged file is an InputError at the damaged line, with the way to recover', () => {
    const text = serialiseHistory(updateHistory(undefined, [paper('a', '2025-10-31'), paper('b', '2025-10-31')]).history).replace(
      '"upvotes":null,"removed":null,"title":"B"}\n',
      '"upvotes":-1,"removed":null,"title":"B"}\n',
    );
    const error = (() => {
      try {
        parseHistory(text, 'content/history.json');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).line).toBe(5);
    expect((error as InputError).message).toMatch(/papers\.b\.upvotes: .* — ingest writes this file: restore it from git/);
    expect(() => parseHistory('{ "papers": ', 'h.json')).toThrow(/h\.json:1: the survey's history is damaged: this is not valid JSON/);
    // It names the survey's own file, wherever the survey is.
    expect(() => parseHistory('{ "papers": ', 'my-survey/history.json')).toThrow(/git checkout -- my-survey\/history\.json/);
  });

  test('a day the calendar does not have is damage, as it is in survey.yaml', () => {
    const text = serialiseHistory(updateHistory(undefined, [paper('a', '2025-10-31')]).history).replace('2025-10-31', '2025-02-30');
    expect(() => parseHistory(text, 'history.json')).toThrow(
      /history\.json:4: .*papers\.a\.added: 2025-02-30 is not a day of the calendar/,
    );
    expect(isoDaySchema.safeParse('2025-13-45').success).toBe(false);
    expect(isoDaySchema.safeParse('2024-02-29').success).toBe(true);
    expect(isoDaySchema.safeParse('2025-02-29').success).toBe(false);
  });
});
