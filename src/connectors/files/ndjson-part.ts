/**
 * Reading an NDJSON file (one JSON object per line) into records, with byte offsets for resume and progress.
 * A line that is not a JSON object, is not UTF-8, is longer than the limit or lacks the id becomes a problem;
 * the lines after it are read.
 *
 * @example
 * readPages({ parts: [source], readPart: ndjsonPartReader({ maxLineBytes: 1 << 22, toRecord }), cursor, pageSize });
 */
import { isUtf8 } from 'node:buffer';
import type { ReadProblem } from '../connector.js';
import type { SourceRecord } from '../../store/store.js';
import type { Result } from '../../core/result.js';
import type { ByteSource } from '../shared/byte-source.js';
import type { TokenizerStart } from '../shared/csv-tokenizer.js';
import type { PartItem, PartReader } from '../shared/paged-read.js';
import { problem } from '../shared/problems.js';

export interface NdjsonPartOptions {
  maxLineBytes: number;
  encoding: 'utf8' | 'latin1';
  toRecord(object: Record<string, unknown>, line: number, raw: string): Result<SourceRecord, ReadProblem>;
}

/**
 * A {@link PartReader} for NDJSON.
 *
 * @example
 * const readPart = ndjsonPartReader({ maxLineBytes: 4194304, encoding: 'utf8', toRecord });
 */
export function ndjsonPartReader(options: NdjsonPartOptions): PartReader {
  return async function* readNdjsonPart(part: ByteSource, start: TokenizerStart | undefined): AsyncGenerator<PartItem> {
    let offset = start?.offset ?? 0;
    let line = start?.line ?? 1;
    let pending: Buffer = Buffer.alloc(0);
    // A line over the limit is reported when it ends, so the problem's resume point is the next line.
    let skipping: ReadProblem | undefined;
    let first = offset === 0;
    const item = (text: Buffer, lineNo: number, next: TokenizerStart): PartItem | undefined => {
      let bytes = text;
      if (bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, -1);
      if (first) {
        first = false;
        if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
      }
      if (bytes.length > options.maxLineBytes) {
        return { item: { problem: problem('FIELD_TOO_LARGE', `${part.name} line ${lineNo} is longer than ${options.maxLineBytes} bytes (maxFieldBytes); the line is skipped, not truncated`, { line: lineNo, payload: bytes.subarray(0, 1024).toString('latin1') }) }, next };
      }
      if (bytes.length === 0 || /^\s*$/.test(bytes.toString('latin1'))) return undefined;
      if (options.encoding === 'utf8' && !isUtf8(bytes)) {
        return { item: { problem: problem('INVALID_UTF8', `${part.name} line ${lineNo} holds bytes that are not UTF-8 (set encoding: latin1 if the file is ISO-8859-1)`, { line: lineNo, payload: bytes.toString('latin1') }) }, next };
      }
      const raw = bytes.toString(options.encoding);
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch (error) {
        return { item: { problem: problem('INVALID_JSON', `${part.name} line ${lineNo} is not JSON: ${(error as Error).message}`, { line: lineNo, payload: raw }) }, next };
      }
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        return { item: { problem: problem('NOT_AN_OBJECT', `${part.name} line ${lineNo} is JSON but not an object`, { line: lineNo, payload: raw }) }, next };
      }
      const result = options.toRecord(value as Record<string, unknown>, lineNo, raw);
      return { item: result.ok ? { record: result.value } : { problem: result.error }, next };
    };

    for await (const chunk of part.open(offset)) {
      let from = 0;
      for (let nl = chunk.indexOf(0x0a); nl >= 0; nl = chunk.indexOf(0x0a, from)) {
        const piece = chunk.subarray(from, nl);
        const lineBytes = pending.length > 0 ? Buffer.concat([pending, piece]) : piece;
        const end = offset + (nl - from) + 1;
        const lineNo = line;
        pending = Buffer.alloc(0);
        offset = end;
        line++;
        from = nl + 1;
        if (skipping) {
          yield { item: { problem: skipping }, next: { offset: end, line } };
          skipping = undefined;
          continue;
        }
        const out = item(lineBytes, lineNo, { offset: end, line });
        if (out) yield out;
      }
      const rest = chunk.subarray(from);
      offset += rest.length;
      if (skipping) continue;
      pending = pending.length > 0 ? Buffer.concat([pending, rest]) : Buffer.from(rest);
      if (pending.length > options.maxLineBytes) {
        skipping = problem('FIELD_TOO_LARGE', `${part.name} line ${line} is longer than ${options.maxLineBytes} bytes (maxFieldBytes); the line is skipped, not truncated`, { line, payload: pending.subarray(0, 1024).toString('latin1') });
        pending = Buffer.alloc(0);
      }
    }
    if (skipping) yield { item: { problem: skipping }, next: { offset, line: line + 1 } };
    else if (pending.length > 0) {
      const out = item(pending, line, { offset, line: line + 1 });
      if (out) yield out;
    }
  };
}
