/**
 * Writes to a live org: upsert by external id through sObject Collections (vendor notes A7) — at most 200
 * records a call, one outcome per record (created, updated, or rejected with Salesforce's status code and
 * message). Upsert by external id is idempotent, so a call retried after a lost answer updates the records the
 * first attempt created instead of creating them twice.
 *
 * Not yet wired: which CIM fields go back to which object (the reverse mappings) and the per-row outcome in the
 * run history belong to the pipeline's write-back step.
 *
 * @example
 * const writer = destination.createWriter(config, { baseDir: '.', env: process.env, systemName: 'crm' });
 * const outcomes = await writer.upsert('Contact', 'Concord_Id__c', [{ Concord_Id__c: 'u-1', LastName: 'Ng', Email: 'ng@example.com' }]);
 * outcomes[0]; // { index: 0, externalId: 'u-1', outcome: 'created', id: '003…', errors: [] }
 */
import { ConcordError } from '../../core/errors.js';
import type { ConnectorContext } from '../connector.js';
import { SalesforceClient } from './client.js';
import type { SalesforceConfig } from './spec.js';

/** sObject Collections take at most 200 records a call. */
export const COLLECTION_LIMIT = 200;

export interface UpsertOutcome {
  /** Position in the input. */
  index: number;
  externalId: string;
  outcome: 'created' | 'updated' | 'rejected';
  id?: string | undefined;
  /** Salesforce's per-record errors (`statusCode`, message, fields) when rejected. */
  errors: Array<{ statusCode: string; message: string; fields: string[] }>;
}

interface CollectionResult {
  id: string | null;
  success: boolean;
  created?: boolean;
  errors: Array<{ statusCode: string; message: string; fields?: string[] }>;
}

export class SalesforceWriter {
  readonly client: SalesforceClient;

  constructor(config: SalesforceConfig, private readonly ctx: ConnectorContext) {
    this.client = new SalesforceClient(config, ctx.env, ctx.systemName);
  }

  /**
   * Upserts `records` of one object by `externalIdField`, in calls of 200, without `allOrNone` (one bad row does
   * not hold back the others). Every record must carry its external id.
   */
  async upsert(object: string, externalIdField: string, records: ReadonlyArray<Record<string, unknown>>): Promise<UpsertOutcome[]> {
    const context = { system: this.ctx.systemName, stream: object };
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(object) || !/^[A-Za-z][A-Za-z0-9_]*$/.test(externalIdField)) {
      throw new ConcordError('SALESFORCE_WRITE_TARGET_INVALID', `${object}.${externalIdField} is not an object and field API name`, { kind: 'config', context });
    }
    const outcomes: UpsertOutcome[] = [];
    for (let start = 0; start < records.length; start += COLLECTION_LIMIT) {
      const chunk = records.slice(start, start + COLLECTION_LIMIT);
      const body = { allOrNone: false, records: chunk.map((r) => ({ attributes: { type: object }, ...(externalIdField === 'Id' ? r : withoutId(r)) })) };
      const results = await this.client.json<CollectionResult[]>('PATCH', `/composite/sobjects/${object}/${externalIdField}`, { body, context });
      if (!Array.isArray(results) || results.length !== chunk.length) {
        throw new ConcordError('SALESFORCE_WRITE_RESULT_MISMATCH', `Salesforce answered ${Array.isArray(results) ? results.length : 'no'} results for ${chunk.length} records`, {
          kind: 'transient',
          context,
          hint: 'nothing is assumed written; the rows are retried on the next run (upsert by external id makes that safe)',
        });
      }
      results.forEach((result, i) => {
        const index = start + i;
        const externalId = String(chunk[i]![externalIdField] ?? '');
        outcomes.push(
          result.success
            ? { index, externalId, outcome: result.created ? 'created' : 'updated', id: result.id ?? undefined, errors: [] }
            : { index, externalId, outcome: 'rejected', errors: result.errors.map((e) => ({ statusCode: e.statusCode, message: e.message, fields: e.fields ?? [] })) },
        );
      });
    }
    return outcomes;
  }
}

/**
 * Upsert bodies must not carry `Id` (A7): the external id picks the record. Upsert by `Id` itself (write-back to
 * existing records) keeps it: there it is the key, and an Id that matches no record is refused, never created.
 */
function withoutId(record: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const { Id: _id, ...rest } = record;
  return rest;
}

export const destination = {
  supported: true as const,
  /** A writer for the system's org. */
  createWriter(config: SalesforceConfig, ctx: ConnectorContext): SalesforceWriter {
    return new SalesforceWriter(config, ctx);
  },
};
