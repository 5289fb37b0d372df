import { gunzipSync } from 'node:zlib';
import { decode } from 'cborg';

/** What Pagefind puts before the CBOR of each of its files, once they are gunzipped. */
const SIGNATURE = 'pagefind_dcd';

/**
 * The files of a Pagefind index (relative to its folder) that its meta file names: a fragment per page, the word
 * index chunks and the filter indexes. Pagefind names each such file by a hash of its content and never rewrites a
 * file of that name, so an index written over the last one's files is the new index plus the last one's files that it
 * no longer names — these. Read from Pagefind's own format (1.x: `[version, pages, chunks, filters, sorts, meta]`);
 * anything else is an error, so that a caller can write the index afresh instead.
 */
export function filesNamedByMeta(gzippedMeta: Uint8Array): string[] {
  const bytes = gunzipSync(gzippedMeta);
  if (new TextDecoder().decode(bytes.subarray(0, SIGNATURE.length)) !== SIGNATURE) throw new Error('not a Pagefind meta file');
  const meta: unknown = decode(bytes.subarray(SIGNATURE.length));
  if (!Array.isArray(meta) || meta.length < 4) throw new Error('a Pagefind meta file of an unknown shape');
  const [, pages, chunks, filters] = meta as unknown[];
  const hashesAt = (list: unknown, position: number, folder: string, ending: string) => {
    if (!Array.isArray(list)) throw new Error('a Pagefind meta file of an unknown shape');
    return list.map((entry: unknown) => {
      const hash = Array.isArray(entry) ? entry[position] : undefined;
      if (typeof hash !== 'string' || !/^[\w-]+$/.test(hash)) throw new Error('a Pagefind meta file of an unknown shape');
      return `${folder}/${hash}.${ending}`;
    });
  };
  return [
    ...hashesAt(pages, 0, 'fragment', 'pf_fragment'),
    ...hashesAt(chunks, 2, 'index', 'pf_index'),
    ...hashesAt(filters, 1, 'filter', 'pf_filter'),
  ];
}
