import type { SourceRecord } from '../../schemas/source-record.ts';
import type { InputWarning } from '../input/input-error.ts';

/** What a reader makes of one file: its papers as records, in file order, and what it skipped or doubted. */
export interface SourceReading {
  records: SourceRecord[];
  warnings: InputWarning[];
}
