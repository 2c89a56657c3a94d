/**
 * A Salesforce row (REST JSON or Bulk CSV) → a source record, the same whichever API read it, and the same as
 * the `salesforce-export` connector gives, so the shipped mappings apply unchanged and a full read by Bulk and
 * an incremental read by REST agree on every content hash. Pure.
 *
 * - values become strings (`true`, `1250000`); nulls and empty strings are left out;
 * - datetimes become ISO-8601 UTC (`…Z`), whether written `+0000` (REST) or `Z` (Bulk);
 * - `deleted` is `IsDeleted`; `modstamp` is the stream's modstamp field.
 *
 * @example
 * salesforceApiRecord('crm', 'Contact', { Id: '003…', IsDeleted: false, SystemModstamp: '2024-05-01T12:00:00.000+0000' }, types, 'SystemModstamp')
 * // { system: 'crm', stream: 'Contact', recordId: '003…', modstamp: '2024-05-01T12:00:00.000Z', deleted: false, fields: { … } }
 */
import { salesforceId18 } from '../../core/ids.js';
import type { SourceRecord } from '../../store/store.js';
import { isoInstant } from '../salesforce-export/record.js';

/** Field name → describe type, for the fields a read selected. */
export type FieldTypes = ReadonlyMap<string, string>;

export function salesforceApiRecord(system: string, stream: string, raw: Readonly<Record<string, unknown>>, types: FieldTypes, modstampField: string | undefined): SourceRecord {
  const fields: Record<string, unknown> = {};
  for (const [name, type] of types) {
    const value = raw[name];
    if (value === null || value === undefined || value === '') continue;
    if (type === 'datetime') fields[name] = isoInstant(String(value)) ?? String(value);
    else if (typeof value === 'object') fields[name] = JSON.stringify(value);
    else fields[name] = String(value);
  }
  const id = salesforceId18(String(raw['Id'] ?? ''));
  fields['Id'] = id;
  const modstamp = modstampField === undefined ? undefined : (fields[modstampField] as string | undefined);
  const deleted = fields['IsDeleted'] === 'true';
  return { system, stream, recordId: id, ...(modstamp === undefined ? {} : { modstamp }), deleted, fields };
}

/** A record the `deleted` resource reports as gone: no fields, its deletion time as modstamp. */
export function deletedRecord(system: string, stream: string, id: string, deletedDate: string): SourceRecord {
  return { system, stream, recordId: salesforceId18(id), modstamp: isoInstant(deletedDate) ?? deletedDate, deleted: true, fields: {} };
}
