/**
 * An error in a file a curator wrote or pasted. It names the file and line, says what was expected and how to
 * fix it, and prints as one line: `content/listings/x.txt:14: expected … — fix …`.
 */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly problem: string,
    readonly fix?: string,
  ) {
    super(`${file}:${line}: ${problem}${fix ? ` — ${fix}` : ''}`);
    this.name = 'InputError';
  }
}

/** A problem worth telling the curator about that does not stop the ingest. */
export interface InputWarning {
  file: string;
  line: number;
  message: string;
}

/** Formats a warning the way errors are formatted, so editors can jump to it. */
export function formatWarning(warning: InputWarning): string {
  return `${warning.file}:${warning.line}: ${warning.message}`;
}

/** A piece of the input quoted in a message, cut to `length` characters with an ellipsis, so the message stays short. */
export function clip(text: string, length = 60): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
