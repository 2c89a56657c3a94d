/**
 * The generic `csv` and `ndjson` sources: one file, one stream (`stream` in config), rows keyed by the `id`
 * column. Values are kept as read (CSV: strings, empty cells omitted; NDJSON: JSON values, nulls omitted);
 * the mapping is `fields` from config, which the pipeline reads with {@link fileMappingOf}.
 *
 * @example
 * const source = csvConnector.createSource(csvFileSpec.parse({ path: 'leads.csv', stream: 'leads', id: 'id', fields: {} }), ctx);
 */
import { basename } from 'node:path';
import type { CheckResult, ConnectorContext, ConnectorDefinition, Page, ReadOptions, ReadProblem, Source, StreamInfo } from '../connector.js';
import type { SourceRecord } from '../../store/store.js';
import { err, ok, type Result } from '../../core/result.js';
import { statFileSource } from '../shared/byte-source.js';
import { csvPartReader, estimateRows, looksLikeUtf8, nonEmptyFields, readCsvHeader, uniqueColumns } from '../shared/csv-part.js';
import type { CsvSyntax } from '../shared/csv-tokenizer.js';
import { readPages, type PartReader } from '../shared/paged-read.js';
import { isFile, resolveConfigPath } from '../shared/paths.js';
import { problem } from '../shared/problems.js';
import { findStream } from '../shared/stream-lookup.js';
import { isoInstant } from '../salesforce-export/record.js';
import { ndjsonPartReader } from './ndjson-part.js';
import { csvFileSpec, ndjsonFileSpec, type CsvFileConfig, type NdjsonFileConfig } from './spec.js';

/** What the pipeline needs to build a file system's mapping. */
export interface FileMapping {
  stream: string;
  idField: string;
  /** Column → CIM target (Entity.property). */
  fields: Readonly<Record<string, string>>;
}

/**
 * The mapping config of a `csv` / `ndjson` source, or undefined for other sources.
 *
 * @example
 * fileMappingOf(source)?.fields // { email: 'Individual.email' }
 */
export function fileMappingOf(source: Source): FileMapping | undefined {
  return source instanceof FileSource ? source.mapping : undefined;
}

/**
 * One row (CSV strings or NDJSON values) → record, keyed by the `id` column. Pure.
 *
 * @example
 * fileRecord('f', 'leads', { id: 'id' }, { id: 7, email: 'a@x' }, 2) // ok({ recordId: '7', … })
 */
export function fileRecord(system: string, config: Pick<CsvFileConfig, 'stream' | 'id' | 'modstamp'>, fields: Record<string, unknown>, line: number): Result<SourceRecord, ReadProblem> {
  const id = fields[config.id];
  const payload = JSON.stringify(fields);
  if (id === undefined || id === null || id === '') {
    return err(problem('MISSING_ID', `${config.stream} row at line ${line} has no ${config.id}`, { line, field: config.id, payload }));
  }
  if (typeof id !== 'string' && typeof id !== 'number') {
    return err(problem('INVALID_ID', `${config.stream} row at line ${line}: ${config.id} is ${typeof id}, not a string or number`, { line, field: config.id, payload }));
  }
  const record: SourceRecord = { system, stream: config.stream, recordId: String(id), fields, line };
  if (config.modstamp !== undefined) {
    const raw = fields[config.modstamp];
    if (raw !== undefined) {
      const stamp = typeof raw === 'string' ? isoInstant(raw) : undefined;
      if (stamp === undefined) return err(problem('INVALID_DATE', `${config.stream} row at line ${line}: ${config.modstamp} ${JSON.stringify(raw)} is not an ISO-8601 date-time`, { line, field: config.modstamp, recordId: String(id), payload }));
      record.modstamp = stamp;
    }
  }
  return ok(record);
}

abstract class FileSource implements Source {
  readonly mappingSystem = 'files';
  readonly externalSourceId: string;
  readonly fullReadReconciles = true;
  readonly mapping: FileMapping;
  protected readonly path: string;

  constructor(
    protected readonly config: CsvFileConfig | NdjsonFileConfig,
    protected readonly ctx: ConnectorContext,
  ) {
    this.path = resolveConfigPath(config.path, ctx.baseDir);
    // A file has no system id of its own: the system name from concord.yaml identifies it.
    this.externalSourceId = `files:${ctx.systemName}`;
    this.mapping = { stream: config.stream, idField: config.id, fields: config.fields };
  }

  protected abstract readonly kind: 'csv' | 'ndjson';
  protected abstract partReader(): PartReader;
  protected abstract columns(): Promise<string[] | undefined>;

  async check(): Promise<CheckResult> {
    if (!(await isFile(this.path))) return { ok: false, message: `${this.path} is not a readable file` };
    if (this.config.encoding === 'utf8' && !(await looksLikeUtf8(await statFileSource(this.path)))) {
      return { ok: false, message: `${this.path} is not UTF-8: set encoding: latin1` };
    }
    const columns = await this.columns();
    if (columns === undefined) return { ok: true, message: `${this.path} is empty` };
    const missing = [this.config.id, ...Object.keys(this.config.fields)].filter((c) => !columns.includes(c));
    if (missing.length > 0 && this.kind === 'csv') return { ok: false, message: `${basename(this.path)} has no column ${missing.join(', ')} (columns: ${columns.join(', ')})` };
    return { ok: true, message: `${basename(this.path)}: stream ${this.config.stream}, ${columns.length} columns` };
  }

  async discover(): Promise<StreamInfo[]> {
    const columns = await this.columns();
    if (columns === undefined) return [];
    const source = await statFileSource(this.path);
    return [
      {
        name: this.config.stream,
        idField: this.config.id,
        modstampField: this.config.modstamp,
        fields: columns.map((name) => ({ name, type: this.kind === 'csv' ? 'string' : 'json' })),
        estimatedRows: await estimateRows(source, this.kind === 'csv'),
      },
    ];
  }

  async *read(stream: string, options: ReadOptions): AsyncGenerator<Page> {
    findStream(new Map([[this.config.stream, true]]), stream, { system: this.ctx.systemName, file: this.path });
    yield* readPages({ parts: [await statFileSource(this.path)], readPart: this.partReader(), cursor: options.cursor, pageSize: options.pageSize, signal: options.signal });
  }
}

class CsvFileSource extends FileSource {
  protected readonly kind = 'csv';
  constructor(
    private readonly csv: CsvFileConfig,
    ctx: ConnectorContext,
  ) {
    super(csv, ctx);
  }
  private syntax(): CsvSyntax {
    const c = this.csv;
    return { delimiter: c.delimiter, quote: '"', encoding: c.encoding, maxFieldBytes: c.maxFieldBytes };
  }
  protected partReader(): PartReader {
    const system = this.ctx.systemName;
    return csvPartReader({ syntax: this.syntax(), header: 'first-row', toRecord: (row) => fileRecord(system, this.config, nonEmptyFields(row), row.line) });
  }
  protected async columns(): Promise<string[] | undefined> {
    const { event } = await readCsvHeader(await statFileSource(this.path), this.syntax());
    return event?.kind === 'row' ? uniqueColumns(event.fields).columns : undefined;
  }
}

class NdjsonFileSource extends FileSource {
  protected readonly kind = 'ndjson';
  protected partReader(): PartReader {
    const system = this.ctx.systemName;
    const config = this.config;
    return ndjsonPartReader({
      maxLineBytes: config.maxFieldBytes,
      encoding: config.encoding,
      toRecord: (object, line) => {
        const fields: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(object)) if (value !== null && value !== undefined) fields[key] = value;
        return fileRecord(system, config, fields, line);
      },
    });
  }
  /** NDJSON has no header: the keys of the first 100 objects stand in for columns. */
  protected async columns(): Promise<string[] | undefined> {
    const keys = new Set<string>();
    let rows = 0;
    const readPart = this.partReader();
    for await (const { item } of readPart(await statFileSource(this.path), undefined)) {
      if ('record' in item) for (const key of Object.keys(item.record.fields)) keys.add(key);
      if (++rows >= 100) break;
    }
    return rows === 0 ? undefined : [...keys];
  }
}

export const csvConnector: ConnectorDefinition<typeof csvFileSpec> = {
  type: 'csv',
  description: 'One CSV file with a header row: one stream, rows keyed by the id column, mapped by fields.',
  spec: csvFileSpec,
  createSource(config, ctx) {
    return new CsvFileSource(config, ctx);
  },
};

export const ndjsonConnector: ConnectorDefinition<typeof ndjsonFileSpec> = {
  type: 'ndjson',
  description: 'One NDJSON file (a JSON object per line): one stream, rows keyed by the id key, mapped by fields.',
  spec: ndjsonFileSpec,
  createSource(config, ctx) {
    return new NdjsonFileSource(config, ctx);
  },
};
