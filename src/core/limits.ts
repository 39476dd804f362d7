/** Limits on data files, shared by the loader and uploads (and read by config.ts). */
import type { DataProblem } from './problems.ts';

/**
 * The largest data file, read from the folder or uploaded with /reload: room for a large story
 * (10,000 Q&A entries are about 6 MB), not for a pasted binary or a runaway export.
 */
export const MAX_DATA_FILE_BYTES = 16 * 1024 * 1024;

/** The one message for a data file over the limit, wherever it came from. `bytes`: null when unknown. */
export function fileTooLarge(file: string, bytes: number | null): DataProblem {
  const size = bytes === null ? 'is larger than' : `is ${bytes.toLocaleString('en')} bytes, over`;
  return {
    file,
    message: `${size} the ${MAX_DATA_FILE_BYTES / 1024 / 1024} MB limit for a data file (${MAX_DATA_FILE_BYTES.toLocaleString('en')} bytes): is it the right file?`,
  };
}
