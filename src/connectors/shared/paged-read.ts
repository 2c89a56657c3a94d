/**
 * Turns the rows of a stream's files into `Page`s: pages of `pageSize` items (records and problems), a file
 * cursor on every page, byte progress against the total size, and resume from a cursor of an interrupted
 * read. Every file connector reads through here, so they all behave the same way.
 *
 * @example
 * for await (const page of readPages({ parts, readPart, cursor: undefined, pageSize: 2000 })) store(page);
 */
import type { Page, ReadProblem } from '../connector.js';
import type { SourceRecord } from '../../store/store.js';
import type { ByteSource } from './byte-source.js';
import type { TokenizerStart } from './csv-tokenizer.js';
import { resumePoint, streamFingerprint, type FileCursor } from './file-cursor.js';
import type { Cursor } from '../../store/store.js';

/** One item read from a file, with the position just after it. */
export interface PartItem {
  item: { record: SourceRecord } | { problem: ReadProblem };
  /** Absolute byte offset after the item, and the line the next item starts on. */
  next: TokenizerStart;
}

/** Reads one file from `start` (undefined = from the beginning, header included). */
export type PartReader = (part: ByteSource, start: TokenizerStart | undefined) => AsyncIterable<PartItem>;

export interface ReadPagesOptions {
  parts: readonly ByteSource[];
  readPart: PartReader;
  cursor: Cursor | undefined;
  pageSize: number;
  signal?: AbortSignal | undefined;
}

/**
 * Reads all parts in order and yields pages. The last page always has `complete: true`, even when empty, so
 * the pipeline commits a finished read (and may reconcile deletions when the read started at the beginning).
 *
 * @example
 * const pages = readPages({ parts: [await statFileSource('a.csv')], readPart, cursor, pageSize: 500 });
 */
export async function* readPages(options: ReadPagesOptions): AsyncGenerator<Page> {
  const { parts, readPart, pageSize } = options;
  const fingerprint = await streamFingerprint(parts);
  const resume = resumePoint(options.cursor, fingerprint);
  const fullRead = resume === undefined;
  const total = parts.reduce((sum, p) => sum + p.size, 0);
  const before = (index: number): number => parts.slice(0, index).reduce((sum, p) => sum + p.size, 0);

  let rowsDone = resume?.rowsDone ?? 0;
  let records: SourceRecord[] = [];
  let problems: ReadProblem[] = [];
  let position: Omit<FileCursor, 'fingerprint' | 'rowsDone' | 'complete'> = { part: resume?.part ?? 0, byteOffset: resume?.byteOffset ?? 0, line: resume?.line ?? 1 };

  const page = (complete: boolean): Page => {
    const cursor: FileCursor = complete
      ? { fingerprint, part: parts.length, byteOffset: 0, line: 1, rowsDone, complete }
      : { fingerprint, ...position, rowsDone, complete };
    const out: Page = {
      records,
      problems,
      cursor,
      fullRead,
      progress: { done: complete ? total : before(position.part) + position.byteOffset, total, unit: 'bytes' },
    };
    records = [];
    problems = [];
    return out;
  };

  for (let index = position.part; index < parts.length; index++) {
    const part = parts[index]!;
    const start = resume && index === resume.part ? { offset: resume.byteOffset, line: resume.line } : undefined;
    for await (const { item, next } of readPart(part, start)) {
      if ('record' in item) records.push(item.record);
      else problems.push(item.problem);
      rowsDone++;
      position = { part: index, byteOffset: next.offset, line: next.line };
      if (records.length + problems.length >= pageSize) {
        yield page(false);
        if (options.signal?.aborted) return;
      }
    }
    position = { part: index + 1, byteOffset: 0, line: 1 };
  }
  yield page(true);
}
