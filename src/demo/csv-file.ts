/**
 * Streaming CSV output: rows are pulled from a generator only as fast as the file (or zip entry) takes them,
 * so memory stays flat however many rows there are.
 *
 * @example
 * await writeCsvFile('/tmp/x.csv', ['Id', 'Name'], rowsOf(['Id', 'Name'], accounts), { header: true, bom: true, quoted: true });
 */
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { Cell, Row } from './columns.js';

/** How a CSV file is written. */
export interface CsvStyle {
  header: boolean;
  /** Write a UTF-8 byte-order mark (Salesforce exports in UTF-8 carry one). */
  bom: boolean;
  /** Quote every non-empty field (Salesforce exports, CDM `CsvStyle.QuoteAlways`). */
  quoted: boolean;
  /** How booleans are written: 'true'/'false' (Salesforce, CDM) or 'True'/'False' (Marketing Cloud). */
  booleans?: 'lower' | 'title';
}

function cellText(value: Cell | undefined, booleans: 'lower' | 'title'): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return booleans === 'title' ? (value ? 'True' : 'False') : String(value);
  return String(value);
}

/** Rows as value arrays in column order, counting them into `counter.rows`. */
export function* rowsOf(columns: readonly string[], rows: Iterable<Row>, style: Pick<CsvStyle, 'booleans'>, counter: { rows: number }): Generator<string[]> {
  const booleans = style.booleans ?? 'lower';
  for (const row of rows) {
    counter.rows++;
    yield columns.map((c) => cellText(row[c], booleans));
  }
}

/** A readable CSV stream (header by style) over value arrays; pull-based, so it is safe to hand to yazl. */
export function csvStream(columns: readonly string[], values: Iterable<string[]>, style: CsvStyle): NodeJS.ReadableStream {
  const stringifier = stringify({
    header: style.header,
    columns: columns.map((c, i) => ({ key: String(i), header: c })),
    bom: style.bom,
    quoted: style.quoted,
    record_delimiter: 'unix',
  });
  return Readable.from(values).pipe(stringifier);
}

/** Writes one CSV file from value arrays. */
export async function writeCsvFile(path: string, columns: readonly string[], values: Iterable<string[]>, style: CsvStyle): Promise<void> {
  await pipeline(csvStream(columns, values, style), createWriteStream(path));
}
