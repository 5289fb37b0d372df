/**
 * A typed array with room for at least `size` values: the array itself when it has it, else a copy twice as long (or
 * `size`, if more), so that filling an array a value at a time copies each value a few times at most in all.
 */
export function withRoom<T extends Int32Array | Float64Array>(array: T, size: number): T {
  if (array.length >= size) return array;
  const grown = new (array.constructor as new (length: number) => T)(Math.max(size, array.length * 2));
  grown.set(array);
  return grown;
}
