/** A count with its noun, in the plural unless the count is one: `1 paper`, `2 papers`, `0 papers`. */
export const plural = (count: number, noun: string, nouns = `${noun}s`): string => `${count} ${count === 1 ? noun : nouns}`;
