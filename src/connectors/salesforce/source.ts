/**
 * The `salesforce` source: a live org through the REST and Bulk 2.0 APIs.
 *
 * A read of one object:
 * 1. incremental (a cursor is stored): hard deletes first, from the `deleted` resource since the last window
 *    (as tombstones with no fields); then rows by `queryAll` (soft deletes arrive with IsDeleted = true) from the
 *    cursor's modstamp minus the look-back, in keyset chunks ordered by (modstamp, Id);
 * 2. full (no cursor, the last full read is older than `reconcileAfterDays`, or the deleted log no longer reaches
 *    back to the cursor): every row, by Bulk 2.0 when the object holds at least `bulkThreshold` rows (falling back
 *    to REST when the job fails or passes its deadline), else by REST; pages say `fullRead` so the pipeline
 *    tombstones ids it no longer sees (hard deletes the `deleted` resource missed).
 * A field list that would make the GET longer than 16,384 characters goes by Bulk (its query travels in a POST
 * body), for incremental reads too; rows and fields are never dropped to make a query fit.
 *
 * @example
 * const source = salesforceConnector.createSource(config, { baseDir: '.', env: process.env, systemName: 'crm' });
 * for await (const page of source.read('Contact', { cursor: undefined, pageSize: 2000 })) …
 */
import type { CheckResult, ConnectorContext, ConnectorDefinition, Page, ReadOptions, Source, StreamInfo } from '../connector.js';
import { ConcordError, isConcordError, type ErrorContext } from '../../core/errors.js';
import { salesforceId18 } from '../../core/ids.js';
import type { SourceRecord } from '../../store/store.js';
import { bulkQuery } from './bulk.js';
import { MAX_GET_URL_LENGTH, SalesforceClient } from './client.js';
import { fromWhere, keysetWhere, laterPosition, parseCursor, selectSoql, toCursor, type SalesforceCursor } from './cursor.js';
import { isSyncable, objectMeta, selectedFields, streamInfo, type DescribeLike, type ObjectMeta } from './describe.js';
import { deletedRecord, salesforceApiRecord, type FieldTypes } from './record.js';
import { salesforceSpec, type SalesforceConfig } from './spec.js';

interface QueryPage {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: Array<Record<string, unknown>>;
}

interface DeletedResult {
  deletedRecords: Array<{ id: string; deletedDate: string }>;
  earliestDateAvailable: string;
  latestDateCovered: string;
}

const DAY_MS = 86_400_000;

/** Why a read is full rather than incremental, for logs and tests. */
export type ReadMode = { full: false } | { full: true; reason: 'no-cursor' | 'reconcile-due' | 'deletes-purged' | 'no-modstamp' };

/**
 * Decides full vs incremental from the stored cursor. Pure.
 *
 * @example
 * readMode({ modstamp: '2024-05-01T00:00:00.000Z', id: '003…', lastFullRead: '2024-04-01T00:00:00.000Z' }, 'SystemModstamp', 7, Date.parse('2024-05-02')) // { full: true, reason: 'reconcile-due' }
 */
export function readMode(cursor: SalesforceCursor, modstampField: string | undefined, reconcileAfterDays: number, nowMs: number): ReadMode {
  if (modstampField === undefined) return { full: true, reason: 'no-modstamp' };
  if (cursor.modstamp === undefined || cursor.id === undefined) return { full: true, reason: 'no-cursor' };
  if (cursor.lastFullRead === undefined || nowMs - Date.parse(cursor.lastFullRead) > reconcileAfterDays * DAY_MS) return { full: true, reason: 'reconcile-due' };
  return { full: false };
}

class SalesforceSource implements Source {
  readonly mappingSystem = 'salesforce';
  readonly externalSourceId: string;
  readonly fullReadReconciles = true;
  readonly client: SalesforceClient;
  /** The mode of the last read started, per stream (for reports and tests). */
  readonly lastMode = new Map<string, ReadMode & { bulk: boolean }>();
  private readonly metas = new Map<string, ObjectMeta>();

  constructor(
    private readonly config: SalesforceConfig,
    private readonly ctx: ConnectorContext,
  ) {
    this.externalSourceId = `salesforce:${salesforceId18(config.orgId)}`;
    this.client = new SalesforceClient(config, ctx.env, ctx.systemName);
  }

  private context(stream?: string): ErrorContext {
    return stream === undefined ? { system: this.ctx.systemName } : { system: this.ctx.systemName, stream };
  }

  async check(): Promise<CheckResult> {
    try {
      const grant = await this.client.session();
      const expected = salesforceId18(this.config.orgId);
      if (grant.orgId !== expected) return { ok: false, message: `the credentials belong to org ${grant.orgId}, not orgId ${expected}: fix orgId or the credentials` };
      const versions = await this.client.json<Array<{ version: string }>>('GET', '/services/data/');
      if (!versions.some((v) => v.version === this.config.apiVersion)) {
        return { ok: false, message: `the org does not offer API ${this.config.apiVersion} (it offers ${versions.map((v) => v.version).slice(-3).join(', ')}): set apiVersion` };
      }
      const limits = await this.client.json<{ DailyApiRequests?: { Max: number; Remaining: number } }>('GET', '/limits', { context: this.context() });
      const daily = limits.DailyApiRequests;
      const used = daily ? `${(daily.Max - daily.Remaining).toLocaleString('en-US')}/${daily.Max.toLocaleString('en-US')} API requests used today` : 'daily limit unknown';
      return { ok: true, message: `org ${grant.orgId} at ${grant.instanceUrl}, API ${this.config.apiVersion}, ${used} (stops at ${this.config.quotaStopPercent}%)` };
    } catch (error) {
      if (isConcordError(error)) return { ok: false, message: error.toLine() };
      throw error;
    }
  }

  private async describe(stream: string): Promise<ObjectMeta> {
    const cached = this.metas.get(stream);
    if (cached) return cached;
    let describe: DescribeLike;
    try {
      describe = await this.client.withConnection((conn) => conn.sobject(stream).describe() as Promise<unknown> as Promise<DescribeLike>, this.context(stream));
    } catch (error) {
      if (isConcordError(error) && (error.code === 'SALESFORCE_NOT_FOUND' || error.code === 'SALESFORCE_INVALID_TYPE')) throw unknownObject(stream, this.ctx.systemName);
      throw error;
    }
    const meta = objectMeta(describe);
    this.metas.set(stream, meta);
    return meta;
  }

  /** Every queryable object with its fields and types from describe (one describe per object, cached for the run). */
  async discover(): Promise<StreamInfo[]> {
    const global = await this.client.withConnection((conn) => conn.describeGlobal() as Promise<unknown> as Promise<{ sobjects: Array<{ name: string; queryable?: boolean }> }>, this.context());
    const names = global.sobjects.filter(isSyncable).map((o) => o.name);
    const counts = await this.recordCounts(names);
    const streams: StreamInfo[] = [];
    for (const name of names) streams.push(streamInfo(await this.describe(name), counts.get(name)));
    return streams;
  }

  private async recordCounts(names: readonly string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    // Approximate counts from the storage statistics; one call covers many objects (kept under the URL limit).
    for (let i = 0; i < names.length; i += 100) {
      const result = await this.client.json<{ sObjects: Array<{ name: string; count: number }> }>('GET', `/limits/recordCount?sObjects=${names.slice(i, i + 100).join(',')}`, { context: this.context() });
      for (const o of result.sObjects) counts.set(o.name, o.count);
    }
    return counts;
  }

  async *read(stream: string, options: ReadOptions): AsyncGenerator<Page> {
    const meta = await this.describe(stream);
    const prior = parseCursor(options.cursor);
    const startedAt = new Date().toISOString();
    let mode = readMode(prior, meta.modstampField, this.config.reconcileAfterDays, Date.now());
    let deletedSince = prior.deletedSince;
    if (!mode.full && meta.replicateable && deletedSince !== undefined) {
      const deletions = await this.deletedSince(stream, deletedSince);
      if (deletions === 'purged') mode = { full: true, reason: 'deletes-purged' };
      else {
        deletedSince = deletions.latestDateCovered;
        const cursor = toCursor({ ...prior, deletedSince });
        yield { records: deletions.records, problems: [], cursor, fullRead: false };
      }
    } else if (!mode.full && deletedSince === undefined) deletedSince = startedAt;

    const fields = selectedFields(meta);
    const types: FieldTypes = new Map(fields.map((f) => [f, meta.fields.find((m) => m.name === f)!.type]));
    const tooLong = this.getUrlLength(selectSoql(stream, fields, meta.modstampField, mode.full ? undefined : keysetWhere(meta.modstampField, { modstamp: startedAt, id: '000000000000000AAA' }), this.config.queryChunkRows)) > MAX_GET_URL_LENGTH;

    if (mode.full) {
      // The deleted log from now on covers what this read cannot see; rows gone before it are reconciled.
      const base: SalesforceCursor = { deletedSince: startedAt, lastFullRead: startedAt };
      const useBulk = tooLong || ((await this.recordCounts([stream])).get(stream) ?? 0) >= this.config.bulkThreshold;
      this.lastMode.set(stream, { ...mode, bulk: useBulk });
      if (useBulk) {
        try {
          yield* this.bulkRead(meta, fields, types, undefined, prior.modstamp === undefined ? {} : prior, base, true, options);
          return;
        } catch (error) {
          if (tooLong || !isConcordError(error) || error.kind === 'quota' || error.kind === 'auth') throw error;
          this.lastMode.set(stream, { ...mode, bulk: false });
          // Falls back to REST: a read from the start again, so every page is still part of one full read.
        }
      }
      yield* this.restRead(meta, fields, types, undefined, base, true, options);
      return;
    }
    this.lastMode.set(stream, { ...mode, bulk: tooLong });
    const from = new Date(Date.parse(prior.modstamp!) - this.config.lookbackSeconds * 1000).toISOString();
    const base: SalesforceCursor = { ...prior, deletedSince };
    if (tooLong) yield* this.bulkRead(meta, fields, types, fromWhere(meta.modstampField!, from), base, base, false, options);
    else yield* this.restRead(meta, fields, types, from, base, false, options);
  }

  private getUrlLength(soql: string): number {
    // The instance host is not known before auth; 100 characters covers https://<MyDomain>.my.salesforce.com.
    return 100 + `/services/data/v${this.config.apiVersion}/queryAll?q=`.length + encodeURIComponent(soql).length;
  }

  private async deletedSince(stream: string, since: string): Promise<{ records: SourceRecord[]; latestDateCovered: string } | 'purged'> {
    const end = new Date().toISOString();
    let result: DeletedResult;
    try {
      result = await this.client.json<DeletedResult>('GET', `/sobjects/${stream}/deleted/?start=${encodeURIComponent(since)}&end=${encodeURIComponent(end)}`, { context: this.context(stream) });
    } catch (error) {
      // Older than the 30-day window or too many ids: only a full read can tell what is gone.
      if (isConcordError(error) && (error.code === 'SALESFORCE_INVALID_REPLICATION_DATE' || error.code === 'SALESFORCE_EXCEEDED_ID_LIMIT')) return 'purged';
      throw error;
    }
    if (Date.parse(result.earliestDateAvailable.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) > Date.parse(since)) return 'purged';
    const records = result.deletedRecords.map((d) => deletedRecord(this.ctx.systemName, stream, d.id, d.deletedDate));
    const covered = new Date(Date.parse(result.latestDateCovered.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'))).toISOString();
    return { records, latestDateCovered: covered };
  }

  /**
   * REST keyset chunks through queryAll: `from` starts the first chunk with `>=` (the look-back), later chunks
   * start strictly after the last (modstamp, Id) read. Each queryMore page is one Page.
   */
  private async *restRead(meta: ObjectMeta, fields: string[], types: FieldTypes, from: string | undefined, base: SalesforceCursor, fullRead: boolean, options: ReadOptions): AsyncGenerator<Page> {
    const stream = meta.name;
    const context = this.context(stream);
    const batchSize = Math.min(2000, Math.max(200, options.pageSize));
    let position: SalesforceCursor = base;
    let after: { modstamp?: string | undefined; id: string } | undefined;
    let done = 0;
    let total: number | undefined;
    for (;;) {
      const where = after !== undefined ? keysetWhere(meta.modstampField, after) : from !== undefined && meta.modstampField !== undefined ? fromWhere(meta.modstampField, from) : undefined;
      const soql = selectSoql(stream, fields, meta.modstampField, where, this.config.queryChunkRows);
      let page = await this.client.json<QueryPage>('GET', `/queryAll?q=${encodeURIComponent(soql)}`, { headers: { 'Sforce-Query-Options': `batchSize=${batchSize}` }, context });
      total ??= page.totalSize;
      let inChunk = 0;
      for (;;) {
        if (options.signal?.aborted) return;
        const records = page.records.map((r) => salesforceApiRecord(this.ctx.systemName, stream, r, types, meta.modstampField));
        const last = records.at(-1);
        if (last) {
          after = { modstamp: last.modstamp, id: last.recordId };
          position = { ...position, ...laterPosition(position, after) };
        }
        inChunk += records.length;
        done += records.length;
        yield { records, problems: [], cursor: toCursor(position), fullRead, progress: { done, total: Math.max(total, done), unit: 'rows' } };
        if (page.done || !page.nextRecordsUrl) break;
        // The locator URL is followed as given (A3): it continues the queryAll result even though it says /query/.
        page = await this.client.json<QueryPage>('GET', page.nextRecordsUrl, { headers: { 'Sforce-Query-Options': `batchSize=${batchSize}` }, context });
      }
      if (inChunk < this.config.queryChunkRows) return;
    }
  }

  /**
   * A Bulk 2.0 read. Results are not ordered, so pages keep `interim` as their cursor and only the last page
   * moves it to the greatest (modstamp, Id) read: a crash mid-job repeats the read, it never skips rows.
   */
  private async *bulkRead(meta: ObjectMeta, fields: string[], types: FieldTypes, where: string | undefined, interim: SalesforceCursor, base: SalesforceCursor, fullRead: boolean, options: ReadOptions): AsyncGenerator<Page> {
    const stream = meta.name;
    const soql = `SELECT ${fields.join(', ')} FROM ${stream}${where ? ` WHERE ${where}` : ''}`;
    let position: SalesforceCursor = base;
    let done = 0;
    for await (const page of bulkQuery(this.client, soql, {
      deadlineMs: this.config.bulkDeadlineSeconds * 1000,
      pollMs: this.config.bulkPollSeconds * 1000,
      pageRows: this.config.bulkPageRows,
      context: this.context(stream),
      signal: options.signal,
    })) {
      const records = page.rows.map((r) => salesforceApiRecord(this.ctx.systemName, stream, r, types, meta.modstampField));
      for (const r of records) position = { ...position, ...laterPosition(position, { modstamp: r.modstamp, id: r.recordId }) };
      done += records.length;
      yield { records, problems: [], cursor: toCursor(page.last ? position : interim), fullRead, progress: { done, unit: 'rows' } };
    }
  }
}

export const salesforceConnector: ConnectorDefinition<typeof salesforceSpec> = {
  type: 'salesforce',
  description: 'A live Salesforce org: REST and Bulk API 2.0 reads by (SystemModstamp, Id), with soft and hard deletes.',
  spec: salesforceSpec,
  createSource(config, ctx) {
    return new SalesforceSource(config, ctx);
  },
};

function unknownObject(stream: string, system: string): ConcordError {
  return new ConcordError('SALESFORCE_OBJECT_UNKNOWN', `the org has no queryable object ${stream}`, { kind: 'config', context: { system, stream }, hint: 'run `concord discover` to list the objects' });
}
