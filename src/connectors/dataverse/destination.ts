/**
 * Writes to a live environment: upsert by alternate key, one `PATCH /<set>(<key>)` per row (vendor notes C4).
 * Dataverse creates the row when the key matches none and updates it otherwise; with
 * `Prefer: return=representation` it answers 201 for a create and 200 for an update, so each row gets its
 * outcome. `mode: 'create'` sends `If-None-Match: *` (an existing row is rejected with 412, never changed);
 * `mode: 'update'` sends `If-Match: *` (a missing row is rejected with 404, never created). Upsert by key is
 * idempotent, so a call retried after a lost answer updates the row the first attempt created.
 *
 * Alternate keys exist only where an administrator defined them on the table (none on contact.emailaddress1 by
 * default); a key Dataverse does not know is rejected per row with its message. Not yet built: `$batch` (up to
 * 1,000 rows a call), and the reverse mappings and per-row run history, which belong to the pipeline's
 * write-back step.
 *
 * @example
 * const writer = destination.createWriter(config, { baseDir: '.', env: process.env, systemName: 'dynamics' });
 * const outcomes = await writer.upsert('contact', ['emailaddress1'], [{ emailaddress1: 'ng@example.com', lastname: 'Ng' }]);
 * outcomes[0]; // { index: 0, key: "emailaddress1='ng@example.com'", outcome: 'created', id: '6f96…', errors: [] }
 */
import { ConcordError, isConcordError } from '../../core/errors.js';
import type { ConnectorContext } from '../connector.js';
import { DataverseClient } from './client.js';
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

  constructor(config: DataverseConfig, private readonly ctx: ConnectorContext) {
    this.client = new DataverseClient(config, ctx.env, ctx.systemName);
  }

  private async table(name: string): Promise<TableMeta> {
    const meta = this.metas.get(name) ?? (await readTableMeta(this.client, name, this.ctx.systemName));
    this.metas.set(name, meta);
    return meta;
  }

  /**
   * Writes `rows` of one table by `keyColumns` (an alternate key's columns), one call a row. A row Dataverse
   * refuses (4xx) is a `rejected` outcome and the others go on; a failure that outlives the retries throws.
   */
  async upsert(table: string, keyColumns: readonly string[], rows: ReadonlyArray<Record<string, unknown>>, mode: WriteMode = 'upsert'): Promise<UpsertOutcome[]> {
    const meta = await this.table(table);
    const outcomes: UpsertOutcome[] = [];
    for (const [index, row] of rows.entries()) {
      const key = keySegment(keyColumns, row);
      const body = Object.fromEntries(Object.entries(row).filter(([column]) => !keyColumns.includes(column)));
      try {
        const response = await this.client.raw(`/${meta.entitySetName}(${key})`, {
          method: 'PATCH',
          body,
          prefer: ['return=representation'],
          headers: mode === 'create' ? { 'If-None-Match': '*' } : mode === 'update' ? { 'If-Match': '*' } : {},
          context: { stream: table, recordId: key },
        });
        const returned = response.text === '' ? {} : (JSON.parse(response.text) as Record<string, unknown>);
        const fromHeader = /\(([0-9a-fA-F-]{36})\)$/.exec(response.headers.get('odata-entityid') ?? '')?.[1];
        const id = typeof returned[meta.primaryId] === 'string' ? String(returned[meta.primaryId]) : fromHeader;
        outcomes.push({ index, key, outcome: response.status === 201 ? 'created' : 'updated', id: id?.toLowerCase(), errors: [] });
      } catch (error) {
        if (!isConcordError(error) || error.kind === 'transient' || error.kind === 'auth' || typeof error.context['status'] !== 'number') throw error;
        const status = error.context['status'];
        outcomes.push({ index, key, outcome: 'rejected', errors: [{ status, code: String(error.context['errorCode'] ?? ''), message: error.message }] });
      }
    }
    return outcomes;
  }
}

export const destination = {
  supported: true as const,
  /** A writer for the system's environment. */
  createWriter(config: DataverseConfig, ctx: ConnectorContext): DataverseWriter {
    return new DataverseWriter(config, ctx);
  },
};
