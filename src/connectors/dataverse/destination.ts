/**
 * Writes to a live environment: upsert by alternate key, a `PATCH /<set>(<key>)` per row, sent in `$batch`
 * calls of `writeBatchSize` rows (vendor notes C4, C5).
 * Dataverse creates the row when the key matches none and updates it otherwise; with
 * `Prefer: return=representation` it answers 201 for a create and 200 for an update, so each row gets its
 * outcome. `mode: 'create'` sends `If-None-Match: *` (an existing row is rejected with 412, never changed);
 * `mode: 'update'` sends `If-Match: *` (a missing row is rejected with 404, never created). Upsert by key is
 * idempotent, so a call retried after a lost answer updates the row the first attempt created.
 *
 * Alternate keys exist only where an administrator defined them on the table (none on contact.emailaddress1 by
 * default); a key Dataverse does not know is rejected per row with its message. A part throttled or failed
 * inside a batch (429/5xx) is reported as rejected with its status, to be written again on the next run. Not yet
 * built: change sets, and the reverse mappings and per-row run history, which belong to the pipeline's write-back
 * step.
 *
 * @example
 * const writer = destination.createWriter(config, { baseDir: '.', env: process.env, systemName: 'dynamics' });
 * const outcomes = await writer.upsert('contact', ['emailaddress1'], [{ emailaddress1: 'ng@example.com', lastname: 'Ng' }]);
 * outcomes[0]; // { index: 0, key: "emailaddress1='ng@example.com'", outcome: 'created', id: '6f96…', errors: [] }
 */
import { randomUUID } from 'node:crypto';
import { ConcordError } from '../../core/errors.js';
import type { ConnectorContext } from '../connector.js';
import { batchRequest, parseBatchResponse, type BatchAnswer, type BatchPart } from './batch.js';
import { DataverseClient } from './client.js';
import { parseErrorBody } from './errors.js';
import { readTableMeta } from './metadata.js';
import type { TableMeta } from './record.js';
import type { DataverseConfig } from './spec.js';

export interface UpsertOutcome {
  /** Position in the input. */
  index: number;
  /** The key segment the row was written by (`emailaddress1='ng@example.com'`). */
  key: string;
  outcome: 'created' | 'updated' | 'rejected';
  id?: string | undefined;
  /** Dataverse's error when rejected (`code` often empty: the status and message tell). */
  errors: Array<{ status: number; code: string; message: string }>;
}

export type WriteMode = 'upsert' | 'create' | 'update';

/**
 * The key segment of a row: `col='value'` pairs (quotes doubled, URL-encoded), numbers and GUIDs bare.
 *
 * @example
 * keySegment(['emailaddress1'], { emailaddress1: "o'neil@example.com" }) // "emailaddress1='o''neil%40example.com'"
 */
export function keySegment(keyColumns: readonly string[], row: Readonly<Record<string, unknown>>): string {
  return keyColumns
    .map((column) => {
      const value = row[column];
      if (value === undefined || value === null || value === '') throw new ConcordError('DATAVERSE_KEY_MISSING', `the row has no value for key column ${column}`, { kind: 'data', context: { field: column }, hint: 'every row written must carry its alternate key values' });
      return typeof value === 'number' || typeof value === 'boolean' ? `${column}=${String(value)}` : `${column}='${encodeURIComponent(String(value).replace(/'/g, "''"))}'`;
    })
    .join(',');
}

export class DataverseWriter {
  readonly client: DataverseClient;
  private readonly metas = new Map<string, TableMeta>();
  private readonly batchSize: number;

  constructor(config: DataverseConfig, private readonly ctx: ConnectorContext) {
    this.client = new DataverseClient(config, ctx.env, ctx.systemName);
    this.batchSize = config.writeBatchSize;
  }

  private async table(name: string): Promise<TableMeta> {
    const meta = this.metas.get(name) ?? (await readTableMeta(this.client, name, this.ctx.systemName));
    this.metas.set(name, meta);
    return meta;
  }

  /**
   * Writes `rows` of one table by `keyColumns` (an alternate key's columns), `writeBatchSize` rows a `$batch`
   * with `Prefer: odata.continue-on-error`. A row Dataverse refuses is a `rejected` outcome and the others go on;
   * a failure of the batch itself that outlives the retries throws (nothing is assumed written).
   */
  async upsert(table: string, keyColumns: readonly string[], rows: ReadonlyArray<Record<string, unknown>>, mode: WriteMode = 'upsert'): Promise<UpsertOutcome[]> {
    const meta = await this.table(table);
    // The primary key is written bare (`contacts(<guid>)`); alternate keys as `col='value'` pairs.
    const byPrimary = keyColumns.length === 1 && keyColumns[0] === meta.primaryId;
    const keys = rows.map((row) => (byPrimary ? primaryKey(meta.primaryId, row) : keySegment(keyColumns, row)));
    const basePath = new URL(this.client.apiBase).pathname;
    const condition: Record<string, string> = mode === 'create' ? { 'If-None-Match': '*' } : mode === 'update' ? { 'If-Match': '*' } : {};
    const outcomes: UpsertOutcome[] = [];
    for (let start = 0; start < rows.length; start += this.batchSize) {
      const chunk = rows.slice(start, start + this.batchSize);
      const parts: BatchPart[] = chunk.map((row, i) => ({
        method: 'PATCH',
        url: `${basePath}/${meta.entitySetName}(${keys[start + i]!})`,
        headers: { Prefer: 'return=representation', ...condition },
        body: Object.fromEntries(Object.entries(row).filter(([column]) => !keyColumns.includes(column))),
      }));
      const context = { stream: table };
      const response = await this.client.raw('/$batch', { method: 'POST', rawBody: batchRequest(`batch_${randomUUID()}`, parts), prefer: ['odata.continue-on-error'], context });
      const answers = parseBatchResponse(response.headers.get('content-type') ?? '', response.text);
      if (answers.length !== chunk.length) {
        throw new ConcordError('DATAVERSE_BATCH_RESULT_MISMATCH', `Dataverse answered ${answers.length} parts for ${chunk.length} requests`, {
          kind: 'transient',
          context: { system: this.ctx.systemName, ...context },
          hint: 'nothing is assumed written; the rows are written again on the next run (upsert by key makes that safe)',
        });
      }
      answers.forEach((answer, i) => outcomes.push(outcomeOf(start + i, keys[start + i]!, answer, meta.primaryId)));
    }
    return outcomes;
  }
}

/** A row's primary key value as a key segment: a bare lower-case GUID. */
function primaryKey(column: string, row: Readonly<Record<string, unknown>>): string {
  const value = String(row[column] ?? '');
  if (!/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(value)) {
    throw new ConcordError('DATAVERSE_KEY_MISSING', `the row's ${column} is not a GUID: ${JSON.stringify(value)}`, { kind: 'data', context: { field: column }, hint: 'rows written by primary key carry the record id' });
  }
  return value.toLowerCase();
}

/** One part's answer as an outcome: 201 created, 200/204 updated, anything else rejected with Dataverse's error. */
function outcomeOf(index: number, key: string, answer: BatchAnswer, primaryId: string): UpsertOutcome {
  if (answer.status === 201 || answer.status === 200 || answer.status === 204) {
    let returned: Record<string, unknown> = {};
    try {
      returned = answer.body === '' ? {} : (JSON.parse(answer.body) as Record<string, unknown>);
    } catch {
      // No representation: the id comes from OData-EntityId.
    }
    const fromHeader = /\(([0-9a-fA-F-]{36})\)$/.exec(answer.headers['odata-entityid'] ?? '')?.[1];
    const id = typeof returned[primaryId] === 'string' ? String(returned[primaryId]) : fromHeader;
    return { index, key, outcome: answer.status === 201 ? 'created' : 'updated', id: id?.toLowerCase(), errors: [] };
  }
  const parsed = parseErrorBody(answer.body);
  return { index, key, outcome: 'rejected', errors: [{ status: answer.status, code: parsed.code ?? '', message: parsed.message ?? `HTTP ${answer.status}` }] };
}

export const destination = {
  supported: true as const,
  /** A writer for the system's environment. */
  createWriter(config: DataverseConfig, ctx: ConnectorContext): DataverseWriter {
    return new DataverseWriter(config, ctx);
  },
};
