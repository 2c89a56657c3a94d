/**
 * The `dataverse` source: a live environment through the Web API, with change tracking (vendor notes C2, C3).
 *
 * A read of one table:
 * 1. full (no delta link stored, change tracking off, or the stored token expired): every row, paged with
 *    `Prefer: odata.maxpagesize` and `@odata.nextLink`, asked with `Prefer: odata.track-changes` so the last
 *    page carries a delta link, which becomes the cursor. Pages say `fullRead`, so the pipeline tombstones ids
 *    it no longer sees; earlier pages keep no delta link, so a read cut short starts over rather than skipping;
 *    A full read is also made when the last one is older than `reconcileAfterDays`, to catch what change
 *    tracking does not report (calculated columns are computed when read, so they change without a tracked change);
 * 2. incremental (a delta link is stored): the delta link is followed; changed rows come as rows, deletions as
 *    `$deletedEntity` entries (tombstones), and the last page's new delta link becomes the cursor. A token the
 *    environment no longer accepts (expired after `ExpireChangeTrackingInDays`) turns the read into a full one.
 *
 * @example
 * const source = dataverseConnector.createSource(config, { baseDir: '.', env: process.env, systemName: 'dynamics' });
 * for await (const page of source.read('contact', { cursor: undefined, pageSize: 5000 })) …
 */
import type { CheckResult, ConnectorContext, ConnectorDefinition, Page, ReadOptions, ReadProblem, Source, StreamInfo } from '../connector.js';
import { ConcordError, isConcordError, type ErrorContext } from '../../core/errors.js';
import type { Cursor, SourceRecord } from '../../store/store.js';
import { DataverseClient } from './client.js';
import { isExpiredDeltaToken } from './errors.js';
import { readTableMeta } from './metadata.js';
import { dataverseRecord, deletedRecord, isDeletedEntry, streamInfo, type TableMeta } from './record.js';
import { DEFAULT_TABLES, dataverseSpec, type DataverseConfig } from './spec.js';

interface ODataPage {
  value: Array<Record<string, unknown>>;
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

/** The stored position of a table: the delta link of the last completed read, and when the last full read ended. */
export interface DataverseCursor {
  deltaLink?: string | undefined;
  lastFullRead?: string | undefined;
}

/** Why a read is full rather than incremental, for logs and tests. */
export type ReadMode = { full: false } | { full: true; reason: 'no-cursor' | 'no-change-tracking' | 'reconcile-due' | 'token-expired' };

const DAY_MS = 86_400_000;

/**
 * Decides full vs incremental from the stored cursor, before any call (an expired token is found out later). Pure.
 *
 * @example
 * readMode({ deltaLink: 'https://…', lastFullRead: '2024-04-01T00:00:00.000Z' }, true, 7, Date.parse('2024-05-02')) // { full: true, reason: 'reconcile-due' }
 */
export function readMode(cursor: DataverseCursor, changeTracking: boolean, reconcileAfterDays: number, nowMs: number): ReadMode {
  if (!changeTracking) return { full: true, reason: 'no-change-tracking' };
  if (cursor.deltaLink === undefined) return { full: true, reason: 'no-cursor' };
  if (cursor.lastFullRead === undefined || !(nowMs - Date.parse(cursor.lastFullRead) <= reconcileAfterDays * DAY_MS)) return { full: true, reason: 'reconcile-due' };
  return { full: false };
}

/**
 * A stored cursor as a {@link DataverseCursor}; anything else (another connector's, a half-done read) is empty.
 *
 * @example
 * parseCursor({ deltaLink: 'https://x/api/data/v9.2/contacts?$deltatoken=12!…' }).deltaLink // 'https://x/…'
 */
export function parseCursor(cursor: Cursor | undefined): DataverseCursor {
  const deltaLink = cursor?.['deltaLink'];
  const lastFullRead = cursor?.['lastFullRead'];
  return { deltaLink: typeof deltaLink === 'string' ? deltaLink : undefined, lastFullRead: typeof lastFullRead === 'string' ? lastFullRead : undefined };
}

function toCursor(cursor: DataverseCursor): Cursor {
  return Object.fromEntries(Object.entries(cursor).filter(([, v]) => v !== undefined));
}

/** Lookups need their target table's name (`…@Microsoft.Dynamics.CRM.lookuplogicalname`) for the `…type` columns. */
const ANNOTATIONS = 'odata.include-annotations="Microsoft.Dynamics.CRM.lookuplogicalname"';

class DataverseSource implements Source {
  readonly mappingSystem = 'dataverse';
  readonly externalSourceId: string;
  readonly fullReadReconciles = true;
  readonly client: DataverseClient;
  /** The mode of the last read started, per stream (for reports and tests). */
  readonly lastMode = new Map<string, ReadMode>();
  private readonly metas = new Map<string, TableMeta>();

  constructor(
    private readonly config: DataverseConfig,
    private readonly ctx: ConnectorContext,
  ) {
    this.externalSourceId = `dataverse:${config.organizationId?.toLowerCase() ?? new URL(config.environmentUrl).hostname.split('.')[0]!.toLowerCase()}`;
    this.client = new DataverseClient(config, ctx.env, ctx.systemName);
  }

  private context(stream?: string): ErrorContext {
    return stream === undefined ? { system: this.ctx.systemName } : { system: this.ctx.systemName, stream };
  }

  private get tables(): readonly string[] {
    return this.config.tables ?? DEFAULT_TABLES;
  }

  async check(): Promise<CheckResult> {
    try {
      const who = await this.client.json<{ OrganizationId?: string; UserId?: string }>('/WhoAmI', { context: this.context() });
      const org = who.OrganizationId?.toLowerCase();
      if (this.config.organizationId !== undefined && org !== undefined && org !== this.config.organizationId.toLowerCase()) {
        return { ok: false, message: `the environment is organization ${org}, not organizationId ${this.config.organizationId.toLowerCase()}: fix organizationId or environmentUrl` };
      }
      return { ok: true, message: `organization ${org ?? '?'} at ${this.client.apiBase}, application user ${who.UserId?.toLowerCase() ?? '?'}` };
    } catch (error) {
      if (isConcordError(error)) return { ok: false, message: error.toLine() };
      throw error;
    }
  }

  /** The table's definition and attributes, read once per run. */
  private async table(stream: string): Promise<TableMeta> {
    const cached = this.metas.get(stream);
    if (cached) return cached;
    const meta = await readTableMeta(this.client, stream, this.ctx.systemName);
    this.metas.set(stream, meta);
    return meta;
  }

  /** The configured tables (default: those the shipped mappings read) with their columns and types from metadata. */
  async discover(): Promise<StreamInfo[]> {
    const streams: StreamInfo[] = [];
    for (const name of this.tables) streams.push(streamInfo(await this.table(name)));
    return streams;
  }

  async *read(stream: string, options: ReadOptions): AsyncGenerator<Page> {
    const meta = await this.table(stream);
    const prior = parseCursor(options.cursor);
    const pageSize = Math.min(5000, Math.max(1, this.config.pageSize ?? options.pageSize));
    const mode = readMode(prior, meta.changeTracking, this.config.reconcileAfterDays, Date.now());
    if (!mode.full) {
      let first: ODataPage | undefined;
      try {
        first = await this.client.json<ODataPage>(prior.deltaLink!, { prefer: [`odata.maxpagesize=${pageSize}`, ANNOTATIONS], context: this.context(stream) });
      } catch (error) {
        if (!isConcordError(error) || !isExpiredDeltaToken(error)) throw error;
      }
      if (first !== undefined) {
        this.lastMode.set(stream, mode);
        yield* this.pages(meta, first, pageSize, false, prior, options);
        return;
      }
      this.lastMode.set(stream, { full: true, reason: 'token-expired' });
    } else this.lastMode.set(stream, mode);
    yield* this.pages(meta, selectPath(meta), pageSize, true, prior, options);
  }

  /**
   * Pages of one read: from a path (fetched here) or a first page already fetched, following nextLinks. Only
   * the last page moves the cursor (to its delta link); earlier pages keep `prior` for an incremental read (a
   * delta link can be followed again) and an empty cursor for a full read (so a read cut short starts over).
   */
  private async *pages(meta: TableMeta, start: string | ODataPage, pageSize: number, fullRead: boolean, prior: DataverseCursor, options: ReadOptions): AsyncGenerator<Page> {
    const context = this.context(meta.name);
    const prefer = [...(fullRead && meta.changeTracking ? ['odata.track-changes'] : []), `odata.maxpagesize=${pageSize}`, ANNOTATIONS];
    let page = typeof start === 'string' ? await this.client.json<ODataPage>(start, { prefer, context }) : start;
    let done = 0;
    for (;;) {
      if (options.signal?.aborted) return;
      const readAt = new Date().toISOString();
      const records: SourceRecord[] = [];
      const problems: ReadProblem[] = [];
      for (const entry of page.value) {
        if (isDeletedEntry(entry)) {
          const tombstone = deletedRecord(this.ctx.systemName, meta.name, entry, readAt);
          if (tombstone) records.push(tombstone);
          continue;
        }
        const result = dataverseRecord(this.ctx.systemName, meta, entry);
        if (result.ok) records.push(result.value);
        else problems.push(result.error);
      }
      done += page.value.length;
      const next = page['@odata.nextLink'];
      const last = next === undefined;
      const deltaLink = page['@odata.deltaLink'];
      if (last && meta.changeTracking && deltaLink === undefined) {
        throw new ConcordError('DATAVERSE_DELTA_LINK_MISSING', `the last page of ${meta.entitySetName} came without an @odata.deltaLink`, {
          kind: 'transient',
          context,
          hint: 'the rows read are kept; the next run reads the table in full again. If it repeats, check that "Track changes" is on for the table',
        });
      }
      const cursor: DataverseCursor = last
        ? { deltaLink, lastFullRead: fullRead ? new Date().toISOString() : prior.lastFullRead }
        : fullRead
          ? {}
          : prior;
      yield { records, problems, cursor: toCursor(cursor), fullRead, progress: { done, unit: 'rows' } };
      if (last) return;
      page = await this.client.json<ODataPage>(next, { prefer: prefer.filter((p) => p !== 'odata.track-changes'), context });
    }
  }
}

/** The first request of a full read: every column the metadata lists as readable (lookups as `_x_value`). */
function selectPath(meta: TableMeta): string {
  return `/${meta.entitySetName}?$select=${meta.columns.map((c) => c.property).join(',')}`;
}

export const dataverseConnector: ConnectorDefinition<typeof dataverseSpec> = {
  type: 'dataverse',
  description: 'A live Dataverse / Dynamics 365 environment: Web API reads with change tracking (delta links), deletions as tombstones.',
  spec: dataverseSpec,
  createSource(config, ctx) {
    return new DataverseSource(config, ctx);
  },
};
