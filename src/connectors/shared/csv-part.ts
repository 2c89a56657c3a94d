/**
 * Reading one CSV file (or ZIP entry) into records: the header (or the column list a schema gives), the
 * tokenizer's rows and errors, and a connector's `toRecord` that turns a row into a source record or a
 * problem.
 *
 * @example
 * const readPart = csvPartReader({ syntax, header: 'first-row', toRecord: (row) => ok(record(row)) });
 */
import { isUtf8 } from 'node:buffer';
import type { ReadProblem } from '../connector.js';
import type { SourceRecord } from '../../store/store.js';
import type { Result } from '../../core/result.js';
import type { ByteSource } from './byte-source.js';
import { CsvTokenizer, type CsvEvent, type CsvSyntax, type TokenizerStart } from './csv-tokenizer.js';
import type { PartItem, PartReader } from './paged-read.js';
import { problem } from './problems.js';

/** A row with its column names. */
export interface CsvRecordRow {
  columns: readonly string[];
  values: readonly string[];
  line: number;
  /** File or ZIP entry the row came from. */
  file: string;
}

/**
 * The row's non-empty cells by column name (empty cells are omitted: a CSV cannot tell empty from null).
 *
 * @example
 * nonEmptyFields({ columns: ['a', 'b'], values: ['1', ''], line: 2, file: 'x' }) // { a: '1' }
 */
export function nonEmptyFields(row: CsvRecordRow): Record<string, string> {
  const fields: Record<string, string> = {};
  row.columns.forEach((name, i) => {
    const value = row.values[i];
    if (value !== undefined && value !== '') fields[name] = value;
  });
  return fields;
}

export interface CsvPartOptions {
  syntax: CsvSyntax;
  /** `first-row`: the file has a header row; an array: the columns in order (header-less CDM partitions). */
  header: 'first-row' | readonly string[];
  /** Accept rows with fewer fields than columns (missing ones are empty). */
  allowFewer?: boolean;
  toRecord(row: CsvRecordRow): Result<SourceRecord, ReadProblem>;
}

/**
 * Header names made unique: a repeated name keeps its value under `Name#2`, `Name#3`, … and is reported.
 *
 * @example
 * uniqueColumns(['Id', 'Name', 'Name']) // { columns: ['Id', 'Name', 'Name#2'], duplicates: ['Name'] }
 */
export function uniqueColumns(names: readonly string[]): { columns: string[]; duplicates: string[] } {
  const seen = new Map<string, number>();
  const duplicates: string[] = [];
  const columns = names.map((raw) => {
    const name = raw.trim();
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    if (count === 1) return name;
    duplicates.push(name);
    return `${name}#${count}`;
  });
  return { columns, duplicates };
}

/**
 * Reads the header row of a CSV source.
 *
 * @example
 * const header = await readCsvHeader(source, syntax); // { kind: 'row', fields: ['Id', …], … } or undefined
 */
export async function readCsvHeader(source: ByteSource, syntax: CsvSyntax): Promise<{ event: CsvEvent | undefined; bom: boolean }> {
  const tokenizer = new CsvTokenizer(source, syntax);
  for await (const event of tokenizer.events()) return { event, bom: tokenizer.bomFound };
  return { event: undefined, bom: tokenizer.bomFound };
}

/**
 * A {@link PartReader} for CSV files.
 *
 * @example
 * readPages({ parts, readPart: csvPartReader(options), cursor, pageSize });
 */
export function csvPartReader(options: CsvPartOptions): PartReader {
  return async function* readCsvPart(part: ByteSource, start: TokenizerStart | undefined): AsyncGenerator<PartItem> {
    let columns: readonly string[];
    let syntax = options.syntax;
    let bodyStart: TokenizerStart = start ?? { offset: 0, line: 1 };
    if (options.header === 'first-row') {
      const { event, bom } = await readCsvHeader(part, syntax);
      if (bom) syntax = { ...syntax, encoding: 'utf8' };
      if (event === undefined) {
        yield {
          item: { problem: problem('EMPTY_FILE', `${part.name} is empty: no header, no rows`, { line: 1 }) },
          next: { offset: part.size, line: 1 },
        };
        return;
      }
      if (event.kind === 'error') {
        yield {
          item: { problem: problem(`HEADER_${event.code}`, `the header row cannot be read: ${event.reason}; the file is skipped`, { line: event.line, payload: event.raw }) },
          next: { offset: part.size, line: 1 },
        };
        return;
      }
      const unique = uniqueColumns(event.fields);
      columns = unique.columns;
      if (start === undefined) {
        for (const name of unique.duplicates) {
          yield {
            item: { problem: problem('DUPLICATE_COLUMN', `the header names column "${name}" more than once; later copies are kept as ${name}#2, ${name}#3, …`, { line: event.line, field: name, payload: event.fields.join(syntax.delimiter) }) },
            next: { offset: event.end, line: event.line + 1 },
          };
        }
        bodyStart = { offset: event.end, line: event.line + 1 };
      }
    } else {
      columns = options.header;
    }

    const tokenizer = new CsvTokenizer(part, syntax, bodyStart);
    tokenizer.expectedColumns = { count: columns.length, allowFewer: options.allowFewer ?? false };
    for await (const event of tokenizer.events()) {
      if (event.kind === 'error') {
        const field = event.column !== undefined ? columns[event.column - 1] : undefined;
        const where = field !== undefined ? `line ${event.line}, column ${event.column} (${field})` : `line ${event.line}`;
        yield {
          item: { problem: problem(event.code, `${part.name} ${where}: ${event.reason}`, { line: event.line, field, payload: event.raw }) },
          next: { offset: event.end, line: event.nextLine },
        };
        continue;
      }
      const result = options.toRecord({ columns, values: event.fields, line: event.line, file: part.name });
      yield { item: result.ok ? { record: result.value } : { problem: result.error }, next: { offset: event.end, line: event.nextLine } };
    }
  };
}

/**
 * Rough row count for progress bars: line breaks in the first 256 KiB, scaled to the file size (the header
 * line excluded). Exact for files smaller than the sample.
 *
 * @example
 * await estimateRows(source, true) // 198734
 */
export async function estimateRows(source: ByteSource, hasHeader: boolean): Promise<number> {
  const sampleBytes = 256 * 1024;
  let seen = 0;
  let breaks = 0;
  let last = -1;
  for await (const chunk of source.open(0)) {
    const part = chunk.subarray(0, Math.min(chunk.length, sampleBytes - seen));
    for (let i = part.indexOf(0x0a); i >= 0; i = part.indexOf(0x0a, i + 1)) breaks++;
    seen += part.length;
    last = part.length > 0 ? (part[part.length - 1] ?? -1) : last;
    if (seen >= sampleBytes) break;
  }
  if (seen === 0) return 0;
  const lines = seen >= source.size ? breaks + (last === 0x0a ? 0 : 1) : Math.round((breaks * source.size) / seen);
  return Math.max(0, lines - (hasHeader ? 1 : 0));
}

/**
 * True when the first 64 KiB of a source (cut at its last line break, so no character is split) are valid
 * UTF-8 or start with a byte order mark. Used by `check()` to tell the user to set `encoding: latin1` before
 * a run turns every accented row into a problem.
 *
 * @example
 * await looksLikeUtf8(source) // false for an ISO-8859-1 export with accented names
 */
export async function looksLikeUtf8(source: ByteSource): Promise<boolean> {
  const chunks: Buffer[] = [];
  let seen = 0;
  for await (const chunk of source.open(0)) {
    chunks.push(chunk);
    seen += chunk.length;
    if (seen >= 64 * 1024) break;
  }
  const head = Buffer.concat(chunks).subarray(0, 64 * 1024);
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return true;
  const cut = head.length < 64 * 1024 ? head.length : head.lastIndexOf(0x0a) + 1;
  return isUtf8(head.subarray(0, cut));
}
