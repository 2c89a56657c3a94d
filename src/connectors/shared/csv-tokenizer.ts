/**
 * A streaming CSV tokenizer that never lets one bad row take the rest of the file with it.
 *
 * Why not csv-parse: after an unclosed quote csv-parse swallows every following line into one field and, with
 * `skip_records_with_error`, drops them all; it also cannot re-open the input at the line after the broken
 * record. This tokenizer works on bytes (quotes, delimiters and line breaks are ASCII in UTF-8 and Latin-1
 * alike), knows the absolute byte offset and line of every record (for resume cursors, progress and error
 * messages), and on a syntax error re-synchronises at the first line break after the broken record's start,
 * so the rows a stray quote swallowed are read again.
 *
 * Rules (RFC 4180 with the leniency real exports need):
 * - a field that starts with the quote character is quoted; `""` inside it is one quote; line breaks inside it are data;
 * - a quote inside an unquoted field is kept as a literal character;
 * - records end at LF, CRLF or a lone CR; blank lines are skipped; a UTF-8 BOM at offset 0 is dropped;
 * - a closing quote followed by anything but a delimiter or line break is a `BAD_QUOTE` error;
 * - a quote still open at end of input is an `UNCLOSED_QUOTE` error;
 * - a field longer than `maxFieldBytes` is a `FIELD_TOO_LARGE` error (the record is skipped, not truncated);
 * - a record whose field count differs from `expectedColumns` is a `TOO_MANY_COLUMNS` / `TOO_FEW_COLUMNS` error;
 * - with `encoding: 'utf8'`, a record holding bytes that are not UTF-8 is an `INVALID_UTF8` error.
 *
 * @example
 * const tokenizer = new CsvTokenizer(source, { delimiter: ',', quote: '"', encoding: 'utf8', maxFieldBytes: 1 << 22 });
 * for await (const event of tokenizer.events()) if (event.kind === 'row') console.log(event.line, event.fields);
 */
import { isAscii, isUtf8 } from 'node:buffer';
import type { ByteSource } from './byte-source.js';

const LF = 0x0a;
const CR = 0x0d;

export type CsvEncoding = 'utf8' | 'latin1';

export interface CsvSyntax {
  /** One ASCII character. */
  delimiter: string;
  /** One ASCII character, or null when quotes have no meaning (CDM `QuoteStyle.None`). */
  quote: string | null;
  encoding: CsvEncoding;
  /** Longest field accepted, in bytes. */
  maxFieldBytes: number;
}

/** Default field limit: Dataverse multi-line text holds up to 1,048,576 characters, 4 bytes each at most in UTF-8. */
export const DEFAULT_MAX_FIELD_BYTES = 4 * 1024 * 1024;

/** Bytes of the raw record kept in an error's payload. */
export const RAW_PAYLOAD_BYTES = 1024;

export type CsvErrorCode =
  | 'BAD_QUOTE'
  | 'UNCLOSED_QUOTE'
  | 'FIELD_TOO_LARGE'
  | 'TOO_MANY_COLUMNS'
  | 'TOO_FEW_COLUMNS'
  | 'INVALID_UTF8';

export interface CsvRow {
  kind: 'row';
  fields: string[];
  /** Physical line the record starts on (1-based). */
  line: number;
  /** Absolute byte offsets of the record: [start, end), end includes the line break. */
  start: number;
  end: number;
  /** Line the next record starts on. */
  nextLine: number;
}

export interface CsvError {
  kind: 'error';
  code: CsvErrorCode;
  reason: string;
  line: number;
  /** 1-based field position, when the error is about one field. */
  column?: number | undefined;
  start: number;
  /** Where reading resumes (absolute byte offset) and the line it resumes on. */
  end: number;
  nextLine: number;
  /** The start of the raw record, at most {@link RAW_PAYLOAD_BYTES} bytes, decoded leniently. */
  raw: string;
}

export type CsvEvent = CsvRow | CsvError;

export interface TokenizerStart {
  /** Absolute byte offset to start at (0, or a resume point at a record boundary). */
  offset: number;
  /** Line number of the record at `offset`. */
  line: number;
}

/**
 * Field spans of a record, flat: `[start0, end0, quoted0, start1, end1, quoted1, …]` (quoted is 1 or 0).
 * One array per record instead of one per field keeps the garbage collector out of the hot loop.
 */
export type Spans = number[];

/** Result of trying to parse one record at `pos` in the buffered bytes. */
export type ParseStep =
  | { kind: 'more' }
  | { kind: 'row'; spans: Spans; next: number; breaks: number; firstBreak: number }
  | { kind: 'bad-quote'; column: number; at: number; breaks: number; firstBreak: number }
  | { kind: 'unclosed'; column: number; breaks: number; firstBreak: number }
  | { kind: 'too-large'; column: number; quoted: boolean; scanFrom: number; breaks: number; firstBreak: number };

/**
 * Parses one record starting at `pos`. Pure: it reads `buf` only. `firstBreak` is the index just after the
 * first line break inside the record (or -1), where reading re-synchronises when the record is broken.
 *
 * @example
 * parseRecord(Buffer.from('a,"b"\n'), 0, true, 44, 34, 100) // { kind: 'row', spans: [0, 1, 0, 3, 4, 1], next: 6, … }
 */
export function parseRecord(buf: Buffer, pos: number, eof: boolean, delim: number, quote: number, max: number): ParseStep {
  const spans: Spans = [];
  const n = buf.length;
  let i = pos;
  let breaks = 0;
  let firstBreak = -1;
  for (;;) {
    const column = spans.length / 3 + 1;
    if (i >= n) {
      if (!eof) return { kind: 'more' };
      spans.push(i, i, 0);
      return { kind: 'row', spans, next: i, breaks, firstBreak };
    }
    if (buf[i] === quote) {
      const contentStart = i + 1;
      let j = contentStart;
      for (;;) {
        if (j >= n) {
          if (!eof) return { kind: 'more' };
          return { kind: 'unclosed', column, breaks, firstBreak };
        }
        const b = buf[j];
        if (b === quote) {
          if (j + 1 >= n && !eof) return { kind: 'more' };
          if (buf[j + 1] === quote) {
            j += 2;
            continue;
          }
          break;
        }
        if (b === LF) {
          breaks++;
          if (firstBreak < 0) firstBreak = j + 1;
        }
        j++;
        if (j - contentStart > max) return { kind: 'too-large', column, quoted: true, scanFrom: j, breaks, firstBreak };
      }
      spans.push(contentStart, j, 1);
      i = j + 1;
      if (i >= n) {
        if (!eof) return { kind: 'more' };
        return { kind: 'row', spans, next: i, breaks, firstBreak };
      }
      const c = buf[i];
      if (c === delim) {
        i++;
        continue;
      }
      if (c === LF) return { kind: 'row', spans, next: i + 1, breaks, firstBreak };
      if (c === CR) {
        if (i + 1 >= n && !eof) return { kind: 'more' };
        return { kind: 'row', spans, next: buf[i + 1] === LF ? i + 2 : i + 1, breaks, firstBreak };
      }
      return { kind: 'bad-quote', column, at: i, breaks, firstBreak };
    }
    let j = i;
    while (j < n) {
      const b = buf[j];
      if (b === delim || b === LF || b === CR) break;
      j++;
      if (j - i > max) return { kind: 'too-large', column, quoted: false, scanFrom: j, breaks, firstBreak };
    }
    if (j >= n) {
      if (!eof) return { kind: 'more' };
      spans.push(i, j, 0);
      return { kind: 'row', spans, next: j, breaks, firstBreak };
    }
    spans.push(i, j, 0);
    const c = buf[j];
    if (c === delim) {
      i = j + 1;
      continue;
    }
    if (c === LF) return { kind: 'row', spans, next: j + 1, breaks, firstBreak };
    if (j + 1 >= n && !eof) return { kind: 'more' };
    return { kind: 'row', spans, next: buf[j + 1] === LF ? j + 2 : j + 1, breaks, firstBreak };
  }
}

/** Column-count expectation, set by the reader once it knows the header. */
export interface ColumnExpectation {
  count: number;
  /** Rows with fewer fields are accepted (Synapse Link appends new columns; older rows lack them). */
  allowFewer: boolean;
}

export class CsvTokenizer {
  /** Set after the header is known; undefined accepts any field count. */
  expectedColumns: ColumnExpectation | undefined;
  /** True when the input started with a UTF-8 byte order mark (which forces UTF-8 decoding). */
  bomFound = false;

  private readonly delim: number;
  private readonly quote: number;
  private encoding: CsvEncoding;
  private buf: Buffer = Buffer.alloc(0);
  private bufStart: number;
  private pos = 0;
  private line: number;
  private eof = false;
  private iterator: AsyncIterator<Buffer> | undefined;

  constructor(
    private readonly source: ByteSource,
    private readonly syntax: CsvSyntax,
    private readonly start: TokenizerStart = { offset: 0, line: 1 },
  ) {
    this.delim = syntax.delimiter.charCodeAt(0);
    // -1 never equals a byte, so "no quote character" needs no special case in the parser.
    this.quote = syntax.quote === null ? -1 : syntax.quote.charCodeAt(0);
    this.encoding = syntax.encoding;
    this.bufStart = start.offset;
    this.line = start.line;
  }

  /** Absolute offset of the next unread record. */
  get offset(): number {
    return this.bufStart + this.pos;
  }

  /** Rows and errors in input order. Closing the loop early closes the underlying stream. */
  async *events(): AsyncGenerator<CsvEvent> {
    this.reopen(this.start.offset);
    try {
      if (this.start.offset === 0) await this.dropBom();
      for (;;) {
        const step = parseRecord(this.buf, this.pos, this.eof, this.delim, this.quote, this.syntax.maxFieldBytes);
        if (step.kind === 'more') {
          await this.fill();
          continue;
        }
        const recordStart = this.offset;
        const line = this.line;
        if (step.kind === 'row') {
          if (this.pos >= this.buf.length && this.eof) return;
          const event = this.toRow(step, line, recordStart);
          const endsWithBreak = step.next > 0 && (this.buf[step.next - 1] === LF || this.buf[step.next - 1] === CR);
          if (event.kind === 'error' && step.breaks > 0 && event.code !== 'INVALID_UTF8') {
            // A multi-line record with the wrong field count is most likely an unbalanced quote that swallowed
            // the next lines: report it and read those lines again.
            this.pos = step.firstBreak;
            this.line = line + 1;
            yield { ...event, reason: `${event.reason}; the record spans several lines (unbalanced quote?), so the lines after ${line} are read again`, end: this.offset, nextLine: this.line };
            continue;
          }
          this.pos = step.next;
          this.line = line + step.breaks + (endsWithBreak ? 1 : 0);
          if (event.kind === 'row' && isBlank(event)) continue;
          event.end = this.offset;
          event.nextLine = this.line;
          yield event;
          continue;
        }
        if (step.kind === 'bad-quote') {
          const raw = this.rawFrom(this.pos);
          const after = String.fromCharCode(this.peekByte(step.at));
          await this.resyncAfter(step.firstBreak, line);
          yield this.error('BAD_QUOTE', `a closing quote is followed by "${after}" instead of a delimiter or line break (a quote inside a quoted field not doubled?)`, line, step.column, recordStart, raw);
          continue;
        }
        if (step.kind === 'unclosed') {
          const raw = this.rawFrom(this.pos);
          const resumed = step.firstBreak >= 0;
          await this.resyncAfter(step.firstBreak, line);
          yield this.error('UNCLOSED_QUOTE', `a quote opened in field ${step.column} is never closed${resumed ? `; the lines after ${line} are read again` : ''}`, line, step.column, recordStart, raw);
          continue;
        }
        const raw = this.rawFrom(this.pos);
        const reopened = await this.skipTooLarge(step, line);
        yield this.error('FIELD_TOO_LARGE', `field ${step.column} is longer than ${this.syntax.maxFieldBytes} bytes (maxFieldBytes); the row is skipped, not truncated`, line, step.column, recordStart, raw);
        if (reopened) yield this.error('UNCLOSED_QUOTE', `the quote opened in field ${step.column} is never closed; the lines after ${line} are read again`, line, step.column, recordStart, raw);
      }
    } finally {
      await this.close();
    }
  }

  private toRow(step: Extract<ParseStep, { kind: 'row' }>, line: number, recordStart: number): CsvEvent {
    const end = this.bufStart + step.next;
    const expected = this.expectedColumns;
    const spans = step.spans;
    const count = spans.length / 3;
    if (expected && count !== expected.count && !(count < expected.count && expected.allowFewer) && !(count === 1 && spans[0] === spans[1])) {
      const code = count > expected.count ? 'TOO_MANY_COLUMNS' : 'TOO_FEW_COLUMNS';
      return this.error(code, `${count} fields where the header has ${expected.count}`, line, undefined, recordStart, this.rawFrom(this.pos));
    }
    const record = this.buf.subarray(this.pos, step.next);
    const ascii = isAscii(record);
    if (!ascii && this.encoding === 'utf8' && !isUtf8(record)) {
      let bad = 0;
      while (bad < count && isUtf8(this.buf.subarray(spans[bad * 3]!, spans[bad * 3 + 1]!))) bad++;
      return this.error('INVALID_UTF8', `field ${bad + 1} holds bytes that are not UTF-8 (set encoding: latin1 if the file is ISO-8859-1)`, line, bad + 1, recordStart, this.rawFrom(this.pos));
    }
    const quote = this.syntax.quote;
    const fields: string[] = new Array<string>(count);
    // Most exports are ASCII: one decode per record, fields as substrings.
    const text = ascii ? this.buf.toString('latin1', this.pos, step.next) : '';
    for (let f = 0; f < count; f++) {
      const s = spans[f * 3]!;
      const e = spans[f * 3 + 1]!;
      const value = ascii ? text.substring(s - this.pos, e - this.pos) : this.buf.toString(this.encoding, s, e);
      fields[f] = spans[f * 3 + 2] === 1 && quote !== null ? unquote(value, quote) : value;
    }
    return { kind: 'row', fields, line, start: recordStart, end, nextLine: line };
  }

  private error(code: CsvErrorCode, reason: string, line: number, column: number | undefined, start: number, raw: string): CsvError {
    return { kind: 'error', code, reason, line, column, start, end: this.offset, nextLine: this.line, raw };
  }

  private rawFrom(index: number): string {
    return this.buf.toString(this.encoding, index, Math.min(this.buf.length, index + RAW_PAYLOAD_BYTES));
  }

  private peekByte(index: number): number {
    return this.buf[index] ?? 0;
  }

  /**
   * A field over the limit: skip the rest of the record without buffering it. A quoted field is skipped
   * quote-aware (each quote byte toggles; `""` toggles twice); if the input ends inside the quote it was never
   * closed, and reading re-starts at the line after the record's first line (returns true then).
   */
  private async skipTooLarge(step: Extract<ParseStep, { kind: 'too-large' }>, line: number): Promise<boolean> {
    let firstBreakAbs = step.firstBreak >= 0 ? this.bufStart + step.firstBreak : -1;
    let breaks = step.breaks;
    let inQuote = step.quoted;
    let i = step.scanFrom;
    for (;;) {
      if (i >= this.buf.length) {
        if (this.eof) break;
        // Drop what was scanned: a field past the limit is never kept in memory.
        this.bufStart += this.buf.length;
        this.buf = Buffer.alloc(0);
        this.pos = 0;
        i = 0;
        await this.fill();
        continue;
      }
      const b = this.buf[i];
      // An unquoted field over the limit ends at the next line break; quotes in it are literal.
      if (b === this.quote && step.quoted) inQuote = !inQuote;
      else if (b === LF || b === CR) {
        if (!inQuote) {
          if (b === CR && i + 1 >= this.buf.length && !this.eof) {
            this.pos = i;
            await this.fill();
            i = this.pos;
            continue;
          }
          this.pos = b === CR && this.buf[i + 1] === LF ? i + 2 : i + 1;
          this.line = line + breaks + 1;
          return false;
        }
        if (b === LF) {
          breaks++;
          if (firstBreakAbs < 0) firstBreakAbs = this.bufStart + i + 1;
        }
      }
      i++;
    }
    if (inQuote && firstBreakAbs >= 0) {
      await this.seek(firstBreakAbs, line + 1);
      return true;
    }
    this.pos = this.buf.length;
    return false;
  }

  /** Continues at the first line break after the broken record's start (`firstBreak` if known, else the next one). */
  private async resyncAfter(firstBreak: number, line: number): Promise<void> {
    if (firstBreak >= 0) {
      this.pos = firstBreak;
      this.line = line + 1;
      return;
    }
    for (;;) {
      const nl = this.buf.indexOf(LF, this.pos);
      if (nl >= 0) {
        this.pos = nl + 1;
        this.line = line + 1;
        return;
      }
      if (this.eof) {
        this.pos = this.buf.length;
        return;
      }
      this.bufStart += this.buf.length;
      this.buf = Buffer.alloc(0);
      this.pos = 0;
      await this.fill();
    }
  }

  private async seek(offset: number, line: number): Promise<void> {
    if (offset >= this.bufStart && offset <= this.bufStart + this.buf.length) {
      this.pos = offset - this.bufStart;
    } else {
      await this.close();
      this.reopen(offset);
    }
    this.line = line;
  }

  private reopen(offset: number): void {
    this.iterator = this.source.open(offset)[Symbol.asyncIterator]();
    this.buf = Buffer.alloc(0);
    this.bufStart = offset;
    this.pos = 0;
    this.eof = false;
  }

  /** Reads at least one more chunk; when a record is still incomplete, reads until the buffer doubles, so that re-parsing a long record stays linear. */
  private async fill(): Promise<void> {
    if (this.eof) return;
    const pending = this.buf.subarray(this.pos);
    const chunks: Buffer[] = [pending];
    let added = 0;
    const want = Math.max(1, pending.length);
    while (added < want) {
      const next = await this.iterator!.next();
      if (next.done) {
        this.eof = true;
        break;
      }
      chunks.push(next.value);
      added += next.value.length;
    }
    this.bufStart += this.pos;
    this.buf = chunks.length === 1 ? pending : Buffer.concat(chunks);
    this.pos = 0;
  }

  private async dropBom(): Promise<void> {
    while (this.buf.length < 3 && !this.eof) await this.fill();
    if (this.buf[0] === 0xef && this.buf[1] === 0xbb && this.buf[2] === 0xbf) {
      this.bomFound = true;
      this.encoding = 'utf8';
      this.pos = 3;
    }
  }

  private async close(): Promise<void> {
    const iterator = this.iterator;
    this.iterator = undefined;
    if (iterator?.return) await iterator.return(undefined);
  }
}

/** A quoted field's text with doubled quotes made single. */
function unquote(value: string, quote: string): string {
  return value.includes(quote) ? value.replaceAll(quote + quote, quote) : value;
}

function isBlank(row: CsvRow): boolean {
  return row.fields.length === 1 && row.fields[0] === '';
}
