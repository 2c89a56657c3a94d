/**
 * Reads a CSV of people or organisations into `IdentityRecord`s, streaming: each row is turned into features
 * at once and the raw row dropped, so memory holds features only. Handles a BOM, `", "` separators (FEBRL:
 * cells are trimmed), quoted newlines. Errors name the file, the line and the column.
 *
 * @example
 * const { records, mapping } = await readIdentityCsv('people.csv', { idColumn: 'rec_id', toFeatures: (attrs) => buildPersonFeatures(attrs) });
 */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { ConcordError } from '../../core/errors.js';
import type { IdentityRecord } from '../types.js';
import { recogniseColumns, type Attribute, type ColumnMapping } from './columns.js';

export type AttributeValues = Partial<Record<Attribute, string>>;

export interface ReadCsvOptions {
  readonly idColumn: string;
  readonly map?: readonly string[];
  /** Recorded on every record (link jobs: which file it came from). */
  readonly source?: string;
  /** Attributes of one row → comparison features. */
  readonly toFeatures: (attributes: AttributeValues) => Record<string, unknown>;
  /**
   * Chooses the feature builder once the header is read (e.g. person or organisation, from the recognised
   * columns); `toFeatures` applies when it returns undefined.
   */
  readonly featuresFor?: (mapping: ColumnMapping) => ((attributes: AttributeValues) => Record<string, unknown>) | undefined;
  readonly delimiter?: string;
}

export interface CsvRecords {
  readonly records: IdentityRecord[];
  readonly mapping: ColumnMapping;
}

/**
 * @example
 * (await readIdentityCsv('a.csv', { idColumn: 'id', toFeatures })).records.length;
 */
export async function readIdentityCsv(file: string, options: ReadCsvOptions): Promise<CsvRecords> {
  const parser = createReadStream(file).pipe(parse({ bom: true, trim: true, skip_empty_lines: true, info: true, relax_quotes: true, delimiter: options.delimiter ?? ',' }));
  const records: IdentityRecord[] = [];
  const seen = new Map<string, number>();
  let mapping: ColumnMapping | undefined;
  let idIndex = -1;
  let positions: { index: number; attribute: Attribute }[] = [];
  let header: string[] = [];
  let toFeatures = options.toFeatures;
  try {
    for await (const row of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const line = row.info.lines;
      if (mapping === undefined) {
        header = row.record.map((h) => h.trim());
        mapping = recogniseColumns(header, { idColumn: options.idColumn, ...(options.map && { map: options.map }), file });
        idIndex = header.indexOf(mapping.id);
        positions = mapping.columns.map((m) => ({ index: header.indexOf(m.column), attribute: m.attribute }));
        toFeatures = options.featuresFor?.(mapping) ?? options.toFeatures;
        continue;
      }
      if (row.record.length !== header.length) {
        throw new ConcordError('CSV_ROW_WIDTH', `row has ${row.record.length} cells, the header has ${header.length}`, { kind: 'data', context: { file, line }, hint: 'check quoting and separators on that line' });
      }
      const id = row.record[idIndex]!;
      if (id === '') throw new ConcordError('CSV_ID_EMPTY', `empty id in column ${mapping.id}`, { kind: 'data', context: { file, line, field: mapping.id } });
      const earlier = seen.get(id);
      if (earlier !== undefined) throw new ConcordError('CSV_ID_DUPLICATE', `id ${id} already appeared on line ${earlier}`, { kind: 'data', context: { file, line, field: mapping.id, recordId: id } });
      seen.set(id, line);
      const attributes: AttributeValues = {};
      for (const { index, attribute } of positions) {
        const value = row.record[index]!;
        if (value !== '') attributes[attribute] = value;
      }
      let features: Record<string, unknown>;
      try {
        features = toFeatures(attributes);
      } catch (cause) {
        throw new ConcordError('CSV_ROW_FEATURES', `could not prepare row ${id} for matching: ${cause instanceof Error ? cause.message : String(cause)}`, { kind: 'data', context: { file, line, recordId: id }, cause });
      }
      records.push(options.source === undefined ? { id, features } : { id, source: options.source, features });
    }
  } catch (error) {
    if (error instanceof ConcordError) throw error;
    const e = error as { code?: string; lines?: number; column?: number | string; message?: string };
    if (e.code === 'ENOENT') throw new ConcordError('CSV_NOT_FOUND', `no such file ${file}`, { kind: 'usage', context: { file } });
    throw new ConcordError('CSV_PARSE', e.message ?? String(error), {
      kind: 'data', cause: error,
      context: { file, ...(e.lines !== undefined && { line: e.lines }), ...(e.column !== undefined && { column: String(e.column) }) },
    });
  }
  if (mapping === undefined) throw new ConcordError('CSV_EMPTY', 'the file has no header row', { kind: 'data', context: { file } });
  return { records, mapping };
}
