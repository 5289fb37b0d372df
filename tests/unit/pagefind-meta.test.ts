import { gzipSync } from 'node:zlib';
import { encode } from 'cborg';
import { describe, expect, test } from 'vitest';
import { filesNamedByMeta } from '../../src/lib/search/pagefind-meta.ts';

/** A meta file as Pagefind writes it: gzipped, its signature, then CBOR. */
const metaFile = (meta: unknown) => gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from(encode(meta))]));

describe("the files a Pagefind index's meta names", () => {
  test('a fragment per page, the word-index chunks and the filters', () => {
    const meta = [
      '1.6.0',
      [
        ['en_a9325af', 175, ''],
        ['en_626047a', 193, ''],
      ],
      [['000', '06', 'en_b151129']],
      [['theme', 'en_68bd141']],
      [['date', [1, 0]]],
      ['title'],
    ];
    expect(filesNamedByMeta(metaFile(meta))).toEqual([
      'fragment/en_a9325af.pf_fragment',
      'fragment/en_626047a.pf_fragment',
      'index/en_b151129.pf_index',
      'filter/en_68bd141.pf_filter',
    ]);
  });

  test('anything else is an error, never a shorter list', () => {
    expect(() => filesNamedByMeta(gzipSync(Buffer.from('not pagefind')))).toThrow(/not a Pagefind meta file/);
    expect(() => filesNamedByMeta(metaFile({ pages: [] }))).toThrow(/unknown shape/);
    expect(() => filesNamedByMeta(metaFile(['1.6.0', [['en_a', 1, '']], 'chunks', []]))).toThrow(/unknown shape/);
    expect(() => filesNamedByMeta(metaFile(['1.6.0', [[17, 1, '']], [], []]))).toThrow(/unknown shape/);
    expect(() => filesNamedByMeta(metaFile(['1.6.0', [['../../etc', 1, '']], [], []]))).toThrow(/unknown shape/);
  });
});
