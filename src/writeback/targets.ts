/**
 * The systems write-back can write to, behind one shape: the key a member record is written by, and a call that
 * writes rows and answers one outcome per row. Salesforce upserts through sObject Collections by `Id` (an Id
 * that matches no record is refused, never created) or by an external id field; Dataverse writes by primary key
 * or alternate key in `$batch` calls with `If-Match: *`, so a record deleted meanwhile is refused (404), never
 * re-created.
 *
 * @example
 * const target = await openTarget('crm', config.systems.crm, rule, { baseDir: '.', env: process.env });
 * const outcomes = await target.write([{ key: '003…', values: { Email: 'ada@example.com' } }]);
 */
import { ConcordError } from '../core/errors.js';
import { dataverseSpec, destination as dataverseDestination, readTableMeta } from '../connectors/dataverse/index.js';
import { salesforceSpec, destination as salesforceDestination } from '../connectors/salesforce/index.js';
import type { ConnectorContext } from '../connectors/connector.js';
import type { WriteBackRule } from './config.js';
import type { WriteBackOutcomeKind } from './types.js';

/** One row to write: its key value and the fields. */
export interface TargetRow {
  key: string;
  values: Readonly<Record<string, string>>;
}

export interface TargetOutcome {
  outcome: Exclude<WriteBackOutcomeKind, 'failed'>;
  /** The key as sent (an alternate key segment for Dataverse). */
  key: string;
  code?: string | undefined;
  message?: string | undefined;
}

export interface WriteTarget {
  /** The mapping system of the connector (`salesforce`, `dataverse`). */
  readonly mappingSystem: string;
  /** The stored field (or the record id when undefined) that holds a member record's key value. */
  readonly keyField: string | undefined;
  /** Writes rows (in the vendor's call sizes); one outcome per row, in order. A failed call throws. */
  write(rows: readonly TargetRow[]): Promise<TargetOutcome[]>;
}

const SYSTEM_KEYS = new Set(['type', 'streams', 'enabled']);

function connectorConfig(systemConfig: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(systemConfig).filter(([key]) => !SYSTEM_KEYS.has(key)));
}

function parsed<T>(spec: { safeParse(input: unknown): { success: true; data: T } | { success: false; error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> } } }, system: string, config: Record<string, unknown>): T {
  const result = spec.safeParse(connectorConfig(config));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ConcordError('CONFIG_INVALID', `systems.${system}${issue ? `.${issue.path.map(String).join('.')}: ${issue.message}` : ''}`, { kind: 'config', context: { system } });
  }
  return result.data;
}

/**
 * The write target of a rule: the system's connector writer, keyed as the rule says.
 *
 * @example
 * (await openTarget('dynamics', systems.dynamics, rule, ctx)).keyField // undefined: written by contactid
 */
export async function openTarget(system: string, systemConfig: Record<string, unknown> | undefined, rule: WriteBackRule, ctx: Omit<ConnectorContext, 'systemName'>): Promise<WriteTarget> {
  const context = { system, stream: rule.stream };
  if (systemConfig === undefined) {
    throw new ConcordError('WRITEBACK_SYSTEM_UNKNOWN', `writeBack names system ${system}, which is not configured`, { kind: 'config', context, hint: 'add it under systems: or fix the name' });
  }
  const type = systemConfig['type'];
  if (type === 'salesforce') {
    if (Array.isArray(rule.externalId)) throw new ConcordError('CONFIG_INVALID', `writeBack ${system}/${rule.stream}: externalId of a Salesforce system is one field name`, { kind: 'config', context });
    const field = rule.externalId ?? 'Id';
    const writer = salesforceDestination.createWriter(parsed(salesforceSpec, system, systemConfig), { ...ctx, systemName: system });
    // One cheap call first: its Sforce-Limit-Info arms the quota guard, so a write never spends an exhausted quota.
    await writer.client.json('GET', '/limits', { context });
    return {
      mappingSystem: 'salesforce',
      keyField: field === 'Id' ? undefined : field,
      async write(rows) {
        const outcomes = await writer.upsert(rule.stream, field, rows.map((r) => ({ ...r.values, [field]: r.key })));
        return outcomes.map((o) => {
          const first = o.errors[0];
          return o.outcome === 'rejected'
            ? { outcome: 'rejected', key: o.externalId, code: first?.statusCode, message: o.errors.map((e) => e.message).join('; ') }
            : { outcome: o.outcome, key: o.externalId };
        });
      },
    };
  }
  if (type === 'dataverse') {
    if (typeof rule.externalId === 'string') throw new ConcordError('CONFIG_INVALID', `writeBack ${system}/${rule.stream}: externalId of a Dataverse system is a list of alternate key columns`, { kind: 'config', context, hint: 'e.g. externalId: [emailaddress1]' });
    const writer = dataverseDestination.createWriter(parsed(dataverseSpec, system, systemConfig), { ...ctx, systemName: system });
    const meta = await readTableMeta(writer.client, rule.stream, system);
    const columns = rule.externalId ?? [meta.primaryId];
    if (columns.length > 1) throw new ConcordError('CONFIG_INVALID', `writeBack ${system}/${rule.stream}: composite alternate keys are not supported yet`, { kind: 'config', context });
    const column = columns[0]!;
    return {
      mappingSystem: 'dataverse',
      keyField: column === meta.primaryId ? undefined : column,
      async write(rows) {
        const outcomes = await writer.upsert(rule.stream, [column], rows.map((r) => ({ ...r.values, [column]: r.key })), 'update');
        return outcomes.map((o) => {
          const first = o.errors[0];
          return o.outcome === 'rejected'
            ? { outcome: 'rejected', key: o.key, code: first === undefined ? undefined : first.code !== '' ? first.code : `HTTP_${first.status}`, message: o.errors.map((e) => e.message).join('; ') }
            : { outcome: o.outcome, key: o.key };
        });
      },
    };
  }
  throw new ConcordError('WRITEBACK_UNSUPPORTED', `writeBack: system ${system} is of type ${String(type)}, which cannot be written to`, {
    kind: 'config',
    context,
    hint: 'write-back goes to systems of type salesforce or dataverse',
  });
}
