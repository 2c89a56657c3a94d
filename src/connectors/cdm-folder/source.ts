/**
 * The `cdm-folder` source: one stream per local entity (the Dataverse logical name, e.g. `contact`), read
 * from its partitions in the order the metadata lists them (pattern matches sorted by path).
 *
 * A partition that the metadata names but the folder lacks fails that stream before any row is read: a
 * "complete" read missing a file would make every row of that file look deleted. Other streams read on.
 *
 * @example
 * const source = cdmFolderConnector.createSource(cdmFolderSpec.parse({ path: 'lake/crm' }), ctx);
 */
import { readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { CheckResult, ConnectorContext, ConnectorDefinition, Page, ReadOptions, Source, StreamInfo } from '../connector.js';
import { ConcordError, isConcordError } from '../../core/errors.js';
import { statFileSource, type ByteSource } from '../shared/byte-source.js';
import { csvPartReader, estimateRows } from '../shared/csv-part.js';
import { readPages, type PartReader } from '../shared/paged-read.js';
import { isDirectory, isFile, resolveConfigPath } from '../shared/paths.js';
import { findStream } from '../shared/stream-lookup.js';
import type { CdmEntity, CdmFolder } from './cdm-layout.js';
import type { CdmType } from './cdm-types.js';
import { readManifest } from './manifest.js';
import { readModelJson } from './model-json.js';
import { cdmRecord, primaryKeyOf } from './record.js';
import { cdmFolderSpec, type CdmFolderConfig } from './spec.js';

/**
 * The metadata file of a CDM folder: the path itself when it names a file, else `model.json`, else
 * `default.manifest.cdm.json`, else the first `*.manifest.cdm.json`.
 *
 * @example
 * await findMetadataFile('/lake/crm') // '/lake/crm/model.json'
 */
export async function findMetadataFile(path: string): Promise<string> {
  if (await isFile(path)) return path;
  if (!(await isDirectory(path))) {
    throw new ConcordError('FILE_NOT_FOUND', `${path} does not exist`, { kind: 'config', context: { file: path }, hint: 'path is the CDM folder (with model.json or *.manifest.cdm.json)' });
  }
  const names = await readdir(path);
  const found = names.find((n) => n === 'model.json') ?? names.find((n) => n === 'default.manifest.cdm.json') ?? names.filter((n) => n.endsWith('.manifest.cdm.json')).sort()[0];
  if (found === undefined) {
    throw new ConcordError('CDM_METADATA_MISSING', `${path} holds neither model.json nor a *.manifest.cdm.json`, {
      kind: 'config',
      context: { file: path },
      hint: 'point path at the folder Synapse Link writes (the container folder with model.json)',
    });
  }
  return join(path, found);
}

/**
 * Reads a CDM folder's metadata in whichever form it has.
 *
 * @example
 * (await readCdmFolder('/lake/crm')).format // 'model.json'
 */
export async function readCdmFolder(path: string): Promise<CdmFolder> {
  const file = await findMetadataFile(path);
  return file.endsWith('.manifest.cdm.json') ? readManifest(file) : readModelJson(file);
}

class CdmFolderSource implements Source {
  readonly mappingSystem = 'dataverse';
  readonly externalSourceId: string;
  readonly fullReadReconciles = true;
  private readonly path: string;

  constructor(
    private readonly config: CdmFolderConfig,
    private readonly ctx: ConnectorContext,
  ) {
    this.path = resolveConfigPath(config.path, ctx.baseDir);
    const folder = basename(this.path.endsWith('.json') ? dirname(this.path) : this.path);
    this.externalSourceId = `dataverse:${config.organizationId?.toLowerCase() ?? folder}`;
  }

  private async entities(): Promise<Map<string, CdmEntity>> {
    const folder = await readCdmFolder(this.path);
    return new Map(folder.entities.map((e) => [e.name, e]));
  }

  async check(): Promise<CheckResult> {
    try {
      const folder = await readCdmFolder(this.path);
      const missing = folder.entities.flatMap((e) => e.partitions.filter((p) => p.path === undefined).map((p) => `${e.name}: ${p.location}`));
      if (missing.length > 0) return { ok: false, message: `${folder.file} names partitions that do not exist: ${missing.join('; ')}` };
      const partitions = folder.entities.reduce((n, e) => n + e.partitions.length, 0);
      return { ok: true, message: `${folder.entities.length} entities, ${partitions} partition file(s) (${folder.format}: ${folder.file})` };
    } catch (error) {
      if (isConcordError(error)) return { ok: false, message: error.toLine() };
      throw error;
    }
  }

  async discover(): Promise<StreamInfo[]> {
    const streams: StreamInfo[] = [];
    for (const entity of (await this.entities()).values()) {
      let estimatedRows = 0;
      for (const partition of entity.partitions) {
        if (partition.path !== undefined) estimatedRows += await estimateRows(await statFileSource(partition.path), partition.format.columnHeaders);
      }
      const names = entity.attributes.map((a) => a.name.toLowerCase());
      streams.push({
        name: entity.name,
        idField: primaryKeyOf(entity) ?? '',
        modstampField: names.includes('modifiedon') ? 'modifiedon' : names.includes('sinkmodifiedon') ? 'SinkModifiedOn' : undefined,
        fields: entity.attributes.map((a) => ({ name: a.name, type: a.type })),
        estimatedRows,
      });
    }
    return streams;
  }

  async *read(stream: string, options: ReadOptions): AsyncGenerator<Page> {
    const entity = findStream(await this.entities(), stream, { system: this.ctx.systemName, file: this.path });
    const missing = entity.partitions.find((p) => p.path === undefined);
    if (missing) {
      throw new ConcordError('CDM_PARTITION_MISSING', `entity ${entity.name} names partition ${missing.location}, which is not in ${this.path}`, {
        kind: 'data',
        context: { system: this.ctx.systemName, stream, entity: entity.name, file: missing.location },
        hint: 'copy the whole folder again (partitions are matched by their trailing path under the metadata folder); the stream was not read, so no rows were taken for deleted',
      });
    }
    const types = new Map<string, CdmType>(entity.attributes.map((a) => [a.name, a.type]));
    const primaryKey = primaryKeyOf(entity);
    const system = this.ctx.systemName;
    const readers = new Map<ByteSource, PartReader>();
    for (const partition of entity.partitions) {
      const source = await statFileSource(partition.path!);
      const f = partition.format;
      readers.set(
        source,
        csvPartReader({
          syntax: { delimiter: f.delimiter, quote: f.quote, encoding: f.encoding, maxFieldBytes: this.config.maxFieldBytes },
          header: f.columnHeaders ? 'first-row' : entity.attributes.map((a) => a.name),
          // Synapse Link appends new columns at the end; rows written before lack them.
          allowFewer: !f.columnHeaders,
          toRecord: (row) => cdmRecord(system, types, entity.name, primaryKey, row),
        }),
      );
    }
    yield* readPages({
      parts: [...readers.keys()],
      readPart: (part, start) => readers.get(part)!(part, start),
      cursor: options.cursor,
      pageSize: options.pageSize,
      signal: options.signal,
    });
  }
}

export const cdmFolderConnector: ConnectorDefinition<typeof cdmFolderSpec> = {
  type: 'cdm-folder',
  description: 'CDM folder (model.json or *.manifest.cdm.json), e.g. Dataverse Azure Synapse Link / Export to Data Lake.',
  spec: cdmFolderSpec,
  createSource(config, ctx) {
    return new CdmFolderSource(config, ctx);
  },
};
