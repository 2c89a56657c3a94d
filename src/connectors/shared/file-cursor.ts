/**
 * Cursors of file connectors. Files have no change feed: every run reads the whole stream again (unchanged
 * rows are recognised downstream by content hash). The cursor only lets a run that was interrupted mid-file
 * resume where its last committed page ended — and only while the input is byte-for-byte the same file.
 *
 * @example
 * const at = resumePoint(storedCursor, await streamFingerprint(parts)); // undefined → read from the start
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Cursor } from '../../store/store.js';
import type { ByteSource } from './byte-source.js';

export const fileCursorSchema = z.object({
  /** {@link streamFingerprint} of the stream's files when the cursor was written. */
  fingerprint: z.string(),
  /** Index of the file (part) the next record is in. */
  part: z.number().int().min(0),
  /** Absolute byte offset of the next record in that part. */
  byteOffset: z.number().int().min(0),
  /** Line number of the next record in that part. */
  line: z.number().int().min(1),
  /** Rows (records and problems) handed out so far in this read. */
  rowsDone: z.number().int().min(0),
  /** True once the stream was read to the end. */
  complete: z.boolean(),
});

export type FileCursor = z.infer<typeof fileCursorSchema>;

/**
 * One fingerprint for all files of a stream, in order.
 *
 * @example
 * await streamFingerprint([source]) // 'sha1 hex'
 */
export async function streamFingerprint(parts: readonly ByteSource[]): Promise<string> {
  const hash = createHash('sha1');
  for (const part of parts) hash.update(`${part.name}\u0000${await part.fingerprint()}\u0000`);
  return hash.digest('hex');
}

/**
 * Where to resume: the stored cursor when it is a file cursor for the same fingerprint and the read it
 * belongs to did not finish; otherwise undefined (start from the beginning).
 *
 * @example
 * resumePoint({ fingerprint: 'x', part: 0, byteOffset: 10, line: 2, rowsDone: 1, complete: false }, 'x') // the cursor
 */
export function resumePoint(cursor: Cursor | undefined, fingerprint: string): FileCursor | undefined {
  const parsed = fileCursorSchema.safeParse(cursor);
  if (!parsed.success) return undefined;
  if (parsed.data.fingerprint !== fingerprint || parsed.data.complete) return undefined;
  return parsed.data;
}
