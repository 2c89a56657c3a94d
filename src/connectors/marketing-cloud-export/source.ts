/**
 * The `marketing-cloud-export` source: one stream per extract file present in the folder.
 *
 * @example
 * const source = marketingCloudExportConnector.createSource({ path: 'mc', mid: '514001234', … }, ctx);
 */
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { CheckResult, ConnectorContext, ConnectorDefinition, Page, ReadOptions, Source, StreamInfo } from '../connector.js';
import { isConcordError } from '../../core/errors.js';
import { listZipEntries, statFileSource, zipEntryByteSource, type ByteSource } from '../shared/byte-source.js';
import { csvPartReader, estimateRows, looksLikeUtf8, readCsvHeader, uniqueColumns } from '../shared/csv-part.js';
import type { CsvSyntax } from '../shared/csv-tokenizer.js';
import { readPages } from '../shared/paged-read.js';
import { isDirectory, isFile, resolveConfigPath } from '../shared/paths.js';
import { findStream } from '../shared/stream-lookup.js';
import { MARKETING_CLOUD_STREAMS, marketingCloudRecord, type MarketingCloudStream } from './record.js';
import { marketingCloudExportSpec, type MarketingCloudExportConfig } from './spec.js';

class MarketingCloudExportSource implements Source {
  readonly mappingSystem = 'marketing-cloud';
  readonly externalSourceId: string;
  readonly fullReadReconciles = true;
  private readonly path: string;
  private readonly syntax: CsvSyntax;

  constructor(
    config: MarketingCloudExportConfig,
    private readonly ctx: ConnectorContext,
  ) {
    this.path = resolveConfigPath(config.path, ctx.baseDir);
    this.externalSourceId = `marketing-cloud:${config.mid}`;
    this.syntax = { delimiter: config.delimiter, quote: '"', encoding: config.encoding, maxFieldBytes: config.maxFieldBytes };
  }

  /**
   * Stream → file, matching `<Stream>.csv` case-insensitively, in the folder or, when `path` is a `.zip` (a
   * Tracking Extract delivered as one archive), among the archive's entries.
   */
  private async files(): Promise<Map<MarketingCloudStream, ByteSource>> {
    const files = new Map<MarketingCloudStream, ByteSource>();
    const wanted = (name: string): MarketingCloudStream | undefined => MARKETING_CLOUD_STREAMS.find((s) => `${s.toLowerCase()}.csv` === name.toLowerCase());
    if (/\.zip$/i.test(this.path)) {
      for (const entry of await listZipEntries(this.path)) {
        const stream = wanted(basename(entry.fileName));
        if (stream !== undefined && !files.has(stream)) files.set(stream, zipEntryByteSource(entry));
      }
      return files;
    }
    for (const name of await readdir(this.path).catch(() => [] as string[])) {
      const stream = wanted(name);
      if (stream !== undefined) files.set(stream, await statFileSource(join(this.path, name)));
    }
    return new Map(MARKETING_CLOUD_STREAMS.filter((s) => files.has(s)).map((s) => [s, files.get(s)!]));
  }

  async check(): Promise<CheckResult> {
    if (!(await isDirectory(this.path)) && !(/\.zip$/i.test(this.path) && (await isFile(this.path)))) {
      return { ok: false, message: `${this.path} is neither a folder nor a .zip of extracts` };
    }
    let files: Map<MarketingCloudStream, ByteSource>;
    try {
      files = await this.files();
    } catch (error) {
      if (isConcordError(error)) return { ok: false, message: error.toLine() };
      throw error;
    }
    const missing = MARKETING_CLOUD_STREAMS.filter((s) => !files.has(s));
    const notUtf8: string[] = [];
    for (const file of files.values()) if (this.syntax.encoding === 'utf8' && !(await looksLikeUtf8(file))) notUtf8.push(file.name);
    if (notUtf8.length > 0) return { ok: false, message: `${notUtf8.join(', ')} not UTF-8: set encoding: latin1` };
    if (files.size === 0) return { ok: false, message: `${this.path} holds none of ${MARKETING_CLOUD_STREAMS.map((s) => `${s}.csv`).join(', ')}` };
    return { ok: true, message: `${files.size} extract(s) in ${this.path}${missing.length > 0 ? `; not present: ${missing.map((s) => `${s}.csv`).join(', ')}` : ''}` };
  }

  async discover(): Promise<StreamInfo[]> {
    const streams: StreamInfo[] = [];
    for (const [name, file] of await this.files()) {
      const { event } = await readCsvHeader(file, this.syntax);
      if (event?.kind !== 'row') continue;
      streams.push({
        name,
        idField: name === 'Subscribers' ? 'SubscriberKey' : 'JobID|ListID|BatchID|SubscriberID|EventDate' + (name === 'Clicks' ? '|URL' : ''),
        modstampField: name === 'Subscribers' ? 'CreatedDate' : 'EventDate',
        fields: uniqueColumns(event.fields).columns.map((c) => ({ name: c, type: 'string' })),
        estimatedRows: await estimateRows(file, true),
      });
    }
    return streams;
  }

  async *read(stream: string, options: ReadOptions): AsyncGenerator<Page> {
    const files = await this.files();
    const file = findStream(files as ReadonlyMap<string, ByteSource>, stream, { system: this.ctx.systemName, file: this.path });
    const name = stream as MarketingCloudStream;
    const system = this.ctx.systemName;
    yield* readPages({
      parts: [file],
      readPart: csvPartReader({ syntax: this.syntax, header: 'first-row', toRecord: (row) => marketingCloudRecord(system, name, row) }),
      cursor: options.cursor,
      pageSize: options.pageSize,
      signal: options.signal,
    });
  }
}

export const marketingCloudExportConnector: ConnectorDefinition<typeof marketingCloudExportSpec> = {
  type: 'marketing-cloud-export',
  description: 'Marketing Cloud extracts: Subscribers.csv and the Sent, Opens, Clicks, Bounces, Unsubs tracking extracts.',
  spec: marketingCloudExportSpec,
  createSource(config, ctx) {
    return new MarketingCloudExportSource(config, ctx);
  },
};
