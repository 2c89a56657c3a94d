/**
 * A CDM partition row → a Dataverse source record. Pure.
 *
 * - `recordId`: the primary key, lower-case — the attribute the entity document marks as key, else
 *   `<entity>id` (Dataverse's convention: `contactid`), else Synapse Link's `Id` column, else the first GUID
 *   attribute ({@link primaryKeyOf});
 * - `modstamp`: `modifiedon`, else `SinkModifiedOn`, as an ISO-8601 instant;
 * - `deleted`: Synapse Link's `IsDelete` column is true;
 * - `fields`: non-empty cells converted by the attribute's CDM type.
 *
 * @example
 * cdmRecord('dv', entity, 'contact', { columns: ['contactid', 'fullname'], values: ['6F96…', 'Ana Ng'], line: 1, file: 'contact/2024.csv' })
 */
import type { ReadProblem } from '../connector.js';
import type { SourceRecord } from '../../store/store.js';
import { err, ok, type Result } from '../../core/result.js';
import type { CsvRecordRow } from '../shared/csv-part.js';
import { problem } from '../shared/problems.js';
import type { CdmAttribute, CdmEntity } from './cdm-layout.js';
import { cdmDateTime, convertCdmValue, type CdmType } from './cdm-types.js';

/**
 * The primary key attribute of an entity (see the module comment for the order), or undefined.
 *
 * @example
 * primaryKeyOf({ name: 'contact', attributes: [{ name: 'Id', type: 'guid' }, { name: 'contactid', type: 'guid' }], partitions: [] }) // 'contactid'
 */
export function primaryKeyOf(entity: Pick<CdmEntity, 'name' | 'attributes'>): string | undefined {
  const byName = (name: string): CdmAttribute | undefined => entity.attributes.find((a) => a.name.toLowerCase() === name.toLowerCase());
  return (
    entity.attributes.find((a) => a.isPrimaryKey)?.name ??
    byName(`${entity.name}id`)?.name ??
    byName('Id')?.name ??
    entity.attributes.find((a) => a.type === 'guid')?.name
  );
}

/** Attribute name lookup that tolerates case differences (`SinkModifiedOn` vs `sinkmodifiedon`). */
function pick(fields: Record<string, unknown>, name: string): unknown {
  if (name in fields) return fields[name];
  const key = Object.keys(fields).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : fields[key];
}

/**
 * Builds the record of one row, or the problem that keeps it from being one (a missing key, or a value its
 * type cannot hold — the whole row is then a problem, never a record with a silently altered value).
 *
 * @example
 * cdmRecord('dv', entity, 'contactid', row) // Result<SourceRecord, ReadProblem>
 */
export function cdmRecord(system: string, types: ReadonlyMap<string, CdmType>, entity: string, primaryKey: string | undefined, row: CsvRecordRow): Result<SourceRecord, ReadProblem> {
  const fields: Record<string, unknown> = {};
  const raw: Record<string, string> = {};
  row.columns.forEach((name, i) => {
    const value = row.values[i];
    if (value !== undefined && value !== '') raw[name] = value;
  });
  const key = primaryKey === undefined ? undefined : raw[primaryKey];
  const recordId = key?.trim().replace(/^\{|\}$/g, '').toLowerCase();
  for (const [name, value] of Object.entries(raw)) {
    const converted = convertCdmValue(types.get(name) ?? 'string', value);
    if (!converted.ok) {
      return err(problem(converted.error.code, `${entity} row at ${row.file} line ${row.line}, column ${name}: ${converted.error.reason}`, { line: row.line, field: name, recordId, payload: JSON.stringify(raw) }));
    }
    fields[name] = converted.value;
  }
  if (recordId === undefined || recordId === '') {
    return err(problem('MISSING_ID', `${entity} row at ${row.file} line ${row.line} has no ${primaryKey ?? 'primary key (no <entity>id, Id or GUID attribute)'}`, { line: row.line, field: primaryKey, payload: JSON.stringify(raw) }));
  }
  const record: SourceRecord = { system, stream: entity, recordId, fields, line: row.line };
  const stamp = pick(fields, 'modifiedon') ?? pick(fields, 'SinkModifiedOn');
  if (typeof stamp === 'string') {
    const iso = cdmDateTime(stamp);
    if (iso !== undefined) record.modstamp = iso;
  }
  const isDelete = pick(fields, 'IsDelete');
  if (isDelete !== undefined) record.deleted = isDelete === true || (typeof isDelete === 'string' && /^(true|1)$/i.test(isDelete));
  return ok(record);
}
