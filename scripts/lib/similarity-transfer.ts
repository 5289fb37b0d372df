import type { TextSimilarity } from '../../src/lib/text/similarity.ts';

/**
 * The text similarity as the worker thread posts it: the papers' vectors packed into flat typed arrays (paper `i`'s
 * terms and weights from `start[i]` to `start[i + 1]`), the vocabulary's weights in one too, and the related papers
 * as they are (typed arrays already). Typed arrays are handed over rather than copied: copying ten thousand vectors
 * and half a million related papers as objects, and making them again on the other side, costs about a third of a
 * second at 10,000 papers, in the thread that waits for them.
 */
export interface PackedSimilarity {
  terms: string[];
  idf: Float64Array;
  vectors: { start: Int32Array; terms: Int32Array; weights: Float64Array };
  related: TextSimilarity['related'];
}

/** Packs a similarity for posting; the second value lists the buffers to transfer. */
export function packSimilarity({ space, vectors, related }: TextSimilarity): [PackedSimilarity, ArrayBuffer[]] {
  const start = new Int32Array(vectors.length + 1);
  vectors.forEach((vector, index) => (start[index + 1] = start[index]! + vector.terms.length));
  const packed = { start, terms: new Int32Array(start.at(-1)!), weights: new Float64Array(start.at(-1)!) };
  vectors.forEach((vector, index) => {
    packed.terms.set(vector.terms, start[index]!);
    packed.weights.set(vector.weights, start[index]!);
  });
  const idf = Float64Array.from(space.idf);
  const buffers = [idf, start, packed.terms, packed.weights, related.start, related.index, related.similarity].map(
    (array) => array.buffer as ArrayBuffer,
  );
  return [{ terms: space.terms, idf, vectors: packed, related }, buffers];
}

/** The similarity a worker posted, unpacked. */
export function unpackSimilarity(packed: PackedSimilarity): TextSimilarity {
  const { start, terms, weights } = packed.vectors;
  return {
    space: {
      termIds: new Map(packed.terms.map((term, id) => [term, id])),
      terms: packed.terms,
      idf: plainArray(packed.idf, 0, packed.idf.length),
    },
    vectors: Array.from({ length: start.length - 1 }, (_, index) => ({
      terms: plainArray(terms, start[index]!, start[index + 1]!),
      weights: plainArray(weights, start[index]!, start[index + 1]!),
    })),
    related: packed.related,
  };
}

/**
 * A typed array's values from `from` to `to` as a plain array. By index, not by `Array.from`, which iterates and
 * makes an object for every value: for 10,000 papers' vectors, 100 MB of garbage.
 */
function plainArray(values: Int32Array | Float64Array, from: number, to: number): number[] {
  const plain: number[] = [];
  for (let k = from; k < to; k += 1) plain.push(values[k]!);
  return plain;
}
