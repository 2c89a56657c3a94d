/**
 * The `salesforce-export` source: one stream per object CSV, read with a streaming inflater and tokenizer
 * (a 512 MB part is never held in memory).
 *
 * @example
 * const source = salesforceExportConnector.createSource({ path: 'exports', encoding: 'utf8', maxFieldBytes: 4194304 }, ctx);
 * for await (const page of source.read('Contact', { cursor: undefined, pageSize: 2000 })) …
 */
import type { CheckResult, ConnectorContext, ConnectorDefinition, Page, ReadOptions, Source, StreamInfo } from '../connector.js';
import { ConcordError, isConcordError } from '../../core/errors.js';
import { salesforceId18 } from '../../core/ids.js';
import type { ByteSource } from '../shared/byte-source.js';
import { csvPartReader, estimateRows, looksLikeUtf8, readCsvHeader, uniqueColumns } from '../shared/csv-part.js';
import type { CsvSyntax } from '../shared/csv-tokenizer.js';
import { readPages } from '../shared/paged-read.js';
import { expandPath, resolveConfigPath } from '../shared/paths.js';
import { findStream } from '../shared/stream-lookup.js';
import { exportFiles, exportLayout, orgIdFromPartName, partNamesSync } from './layout.js';
import { salesforceRecord } from './record.js';
import { salesforceExportSpec, type SalesforceExportConfig } from './spec.js';

/**
 * The org id: from config, else from the ZIP part names; otherwise a config error asking for it.
 *
 * @example
 * resolveOrgId({ orgId: '00D5g000004abcd' }, '/x', 'sf') // '00D5g000004abcdEAA'
 */
export function resolveOrgId(config: Pick<SalesforceExportConfig, 'orgId'>, path: string, systemName: string): string {
  if (config.orgId !== undefined) return salesforceId18(config.orgId);
  const found = new Set(partNamesSync(path).map(orgIdFromPartName).filter((id): id is string => id !== undefined).map(salesforceId18));
  if (found.size === 1) return [...found][0]!;
  if (found.size > 1) {
    throw new ConcordError('ORG_ID_AMBIGUOUS', `the export parts name several orgs: ${[...found].join(', ')}`, {
      kind: 'config',
      context: { system: systemName, key: 'orgId' },
      hint: 'point path at the parts of one export, or set orgId',
    });
  }
  throw new ConcordError('ORG_ID_REQUIRED', `cannot tell which Salesforce org ${path} was exported from`, {
    kind: 'config',
    context: { system: systemName, key: 'orgId' },
    hint: 'set orgId: <18-character id from Setup → Company Information> (ZIP parts named WE_<OrgId>_<n>.ZIP carry it)',
  });
}

class SalesforceExportSource implements Source {
  readonly mappingSystem = 'salesforce';
  readonly externalSourceId: string;
  readonly fullReadReconciles = true;
  private readonly path: string;
  private readonly syntax: CsvSyntax;

  constructor(
    private readonly config: SalesforceExportConfig,
    private readonly ctx: ConnectorContext,
  ) {
    this.path = resolveConfigPath(config.path, ctx.baseDir);
    this.externalSourceId = `salesforce:${resolveOrgId(config, this.path, ctx.systemName)}`;
    this.syntax = { delimiter: ',', quote: '"', encoding: config.encoding, maxFieldBytes: config.maxFieldBytes };
  }

  private async layout(): Promise<Map<string, ByteSource[]>> {
    const files = await exportFiles(await expandPath(this.config.path, this.ctx.baseDir));
    return exportLayout(files);
  }

  async check(): Promise<CheckResult> {
    try {
      const files = await exportFiles(await expandPath(this.config.path, this.ctx.baseDir));
      if (files.length === 0) return { ok: false, message: `no .csv or .zip files at ${this.path}` };
      const layout = await exportLayout(files);
      if (layout.size === 0) return { ok: false, message: `${files.length} file(s) at ${this.path} hold no <Object>.csv` };
      const notUtf8: string[] = [];
      for (const parts of layout.values()) {
        for (const part of parts) if (this.config.encoding === 'utf8' && !(await looksLikeUtf8(part))) notUtf8.push(part.name);
      }
      if (notUtf8.length > 0) {
        return { ok: false, message: `${notUtf8.join(', ')} ${notUtf8.length === 1 ? 'is' : 'are'} not UTF-8: set encoding: latin1 (the export was probably made as ISO-8859-1)` };
      }
      return { ok: true, message: `${layout.size} object(s) in ${files.length} file(s) at ${this.path} (org ${this.externalSourceId.slice('salesforce:'.length)})` };
    } catch (error) {
      if (isConcordError(error)) return { ok: false, message: error.toLine() };
      throw error;
    }
  }

  async discover(): Promise<StreamInfo[]> {
    const streams: StreamInfo[] = [];
    for (const [name, parts] of await this.layout()) {
      const { event } = await readCsvHeader(parts[0]!, this.syntax);
      // An empty file has no header: it is no stream (reading it by name still yields an EMPTY_FILE notice).
      if (event?.kind !== 'row') continue;
      const { columns } = uniqueColumns(event.fields);
      let estimatedRows = 0;
      for (const part of parts) estimatedRows += await estimateRows(part, true);
      streams.push({
        name,
        idField: 'Id',
        modstampField: columns.includes('SystemModstamp') ? 'SystemModstamp' : columns.includes('LastModifiedDate') ? 'LastModifiedDate' : undefined,
        fields: columns.map((c) => ({ name: c, type: 'string' })),
        estimatedRows,
      });
    }
    return streams;
  }

  async *read(stream: string, options: ReadOptions): AsyncGenerator<Page> {
    const parts = findStream(await this.layout(), stream, { system: this.ctx.systemName, file: this.path });
    const system = this.ctx.systemName;
    yield* readPages({
      parts,
      readPart: csvPartReader({ syntax: this.syntax, header: 'first-row', toRecord: (row) => salesforceRecord(system, stream, row) }),
      cursor: options.cursor,
      pageSize: options.pageSize,
      signal: options.signal,
    });
  }
}

export const salesforceExportConnector: ConnectorDefinition<typeof salesforceExportSpec> = {
  type: 'salesforce-export',
  description: 'Salesforce Data Export: a folder of <Object>.csv files, one ZIP, or WE_<OrgId>_<n>.ZIP parts.',
  spec: salesforceExportSpec,
  createSource(config, ctx) {
    return new SalesforceExportSource(config, ctx);
  },
};
