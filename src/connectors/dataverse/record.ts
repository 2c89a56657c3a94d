/**
 * Web API rows → Dataverse source records, typed exactly as the cdm-folder connector types the same table's
 * CSV cells, so the shipped Dataverse mappings apply to either. Pure.
 *
 * - columns come from the table's attribute metadata (`AttributeType`): whole numbers, option sets, state and
 *   status → numbers; Money/Decimal/Double → numbers; Boolean → booleans; DateTime (date-only too) → ISO-8601
 *   UTC instants; Uniqueidentifier and lookups → lower-case GUIDs; the rest text; nulls are left out, as empty
 *   CSV cells are;
 * - a lookup reads as `_parentcustomerid_value` with the `@Microsoft.Dynamics.CRM.lookuplogicalname` annotation:
 *   it becomes `parentcustomerid` (the GUID) and, when the table has the companion `parentcustomeridtype`
 *   column, that column (the table the GUID points into: `account` or `contact`);
 * - a `$deletedEntity` entry of a delta response is a tombstone with no fields.
 *
 * @example
 * const meta = tableMeta(definition, attributes);
 * dataverseRecord('dv', meta, { contactid: '6F96…', _parentcustomerid_value: 'A1…', '_parentcustomerid_value@Microsoft.Dynamics.CRM.lookuplogicalname': 'account' })
 * // { ok: true, value: { recordId: '6f96…', fields: { contactid: '6f96…', parentcustomerid: 'a1…', parentcustomeridtype: 'account' } } }
 */
import type { ReadProblem, StreamInfo } from '../connector.js';
import type { SourceRecord } from '../../store/store.js';
import { err, ok, type Result } from '../../core/result.js';
import { problem } from '../shared/problems.js';
import { convertCdmValue, type CdmType } from '../cdm-folder/cdm-types.js';

/** One attribute from `EntityDefinitions(LogicalName='…')/Attributes`. */
export interface AttributeDefinition {
  LogicalName: string;
  AttributeType: string;
  /** Set on companion columns (`parentcustomeridtype`, `owneridname` …) that belong to another attribute. */
  AttributeOf?: string | null;
  IsValidForRead?: boolean;
}

/** The table-level facts from `EntityDefinitions(LogicalName='…')`. */
export interface EntityDefinition {
  LogicalName: string;
  EntitySetName: string;
  PrimaryIdAttribute: string;
  ChangeTrackingEnabled?: boolean;
}

export interface Column {
  name: string;
  /** Dataverse attribute type (`String`, `Lookup`, `Picklist` …). */
  attributeType: string;
  /** The type the value is converted by (the cdm-folder connector's types). */
  cdmType: CdmType;
  /** For lookups: the property the Web API returns (`_parentcustomerid_value`). */
  property: string;
  /** For polymorphic lookups: the companion column that names the target table (`parentcustomeridtype`). */
  typeColumn?: string | undefined;
}

export interface TableMeta {
  name: string;
  entitySetName: string;
  primaryId: string;
  changeTracking: boolean;
  columns: Column[];
}

const LOOKUP_TYPES = new Set(['Lookup', 'Customer', 'Owner']);
/** Attribute types that are not columns of a row the Web API can select. */
const NOT_SELECTABLE = new Set(['Virtual', 'EntityName', 'PartyList', 'ManagedProperty', 'CalendarRules']);
const LOOKUP_ANNOTATION = '@Microsoft.Dynamics.CRM.lookuplogicalname';

/**
 * The cdm-folder type a Dataverse attribute type converts by.
 *
 * @example
 * cdmTypeOf('Picklist') // 'int64'
 */
export function cdmTypeOf(attributeType: string): CdmType {
  switch (attributeType) {
    case 'Integer':
    case 'BigInt':
    case 'Picklist':
    case 'State':
    case 'Status':
      return 'int64';
    case 'Money':
    case 'Decimal':
      return 'decimal';
    case 'Double':
      return 'double';
    case 'Boolean':
      return 'boolean';
    case 'DateTime':
      return 'dateTime';
    case 'Uniqueidentifier':
    case 'Lookup':
    case 'Customer':
    case 'Owner':
      return 'guid';
    default:
      return 'string';
  }
}

/**
 * A table's read plan from its metadata: the selectable columns (companions and virtual columns left out,
 * except that a lookup's `…type` companion is filled from the lookup's annotation).
 *
 * @example
 * tableMeta({ LogicalName: 'contact', EntitySetName: 'contacts', PrimaryIdAttribute: 'contactid' }, attributes).columns.map((c) => c.property)
 * // ['contactid', 'firstname', …, '_parentcustomerid_value', …]
 */
export function tableMeta(entity: EntityDefinition, attributes: readonly AttributeDefinition[]): TableMeta {
  const companions = new Map(attributes.filter((a) => a.AttributeType === 'EntityName' && a.AttributeOf).map((a) => [a.AttributeOf!, a.LogicalName]));
  const columns: Column[] = attributes
    .filter((a) => a.IsValidForRead !== false && !NOT_SELECTABLE.has(a.AttributeType) && !a.AttributeOf)
    .map((a) => {
      const lookup = LOOKUP_TYPES.has(a.AttributeType);
      return {
        name: a.LogicalName,
        attributeType: a.AttributeType,
        cdmType: cdmTypeOf(a.AttributeType),
        property: lookup ? `_${a.LogicalName}_value` : a.LogicalName,
        typeColumn: lookup ? companions.get(a.LogicalName) : undefined,
      };
    });
  return { name: entity.LogicalName, entitySetName: entity.EntitySetName, primaryId: entity.PrimaryIdAttribute, changeTracking: entity.ChangeTrackingEnabled !== false, columns };
}

/**
 * The stream a table is discovered as: its columns with their cdm types (companion type columns as strings).
 *
 * @example
 * streamInfo(meta).idField // 'contactid'
 */
export function streamInfo(meta: TableMeta): StreamInfo {
  const fields = meta.columns.flatMap((c) => [{ name: c.name, type: c.cdmType }, ...(c.typeColumn ? [{ name: c.typeColumn, type: 'string' }] : [])]);
  return { name: meta.name, idField: meta.primaryId, modstampField: meta.columns.some((c) => c.name === 'modifiedon') ? 'modifiedon' : undefined, fields };
}

/**
 * One Web API row as a source record, or the problem that keeps it from being one (a missing key, or a value
 * its type cannot hold — never a record with a silently altered value).
 *
 * @example
 * dataverseRecord('dv', meta, { '@odata.etag': 'W/"1"', contactid: 'ABC…', birthdate: '1985-04-03' }) // birthdate → '1985-04-03T00:00:00.000Z'
 */
export function dataverseRecord(system: string, meta: TableMeta, row: Readonly<Record<string, unknown>>): Result<SourceRecord, ReadProblem> {
  const fields: Record<string, unknown> = {};
  const rawId = row[meta.primaryId];
  const recordId = typeof rawId === 'string' ? rawId.trim().replace(/^\{|\}$/g, '').toLowerCase() : undefined;
  for (const column of meta.columns) {
    const value = row[column.property];
    if (value === null || value === undefined || value === '') continue;
    const typed = typedValue(column.cdmType, value);
    if (!typed.ok) {
      return err(problem(typed.error.code, `${meta.name} ${recordId ?? '(no id)'}, column ${column.name}: ${typed.error.reason}`, { field: column.name, recordId, payload: JSON.stringify(row) }));
    }
    fields[column.name] = typed.value;
    const target = row[`${column.property}${LOOKUP_ANNOTATION}`];
    if (column.typeColumn && typeof target === 'string') fields[column.typeColumn] = target;
  }
  if (recordId === undefined || recordId === '') {
    return err(problem('MISSING_ID', `${meta.name} row has no ${meta.primaryId}`, { field: meta.primaryId, payload: JSON.stringify(row) }));
  }
  const record: SourceRecord = { system, stream: meta.name, recordId, fields };
  const stamp = fields['modifiedon'];
  if (typeof stamp === 'string') record.modstamp = stamp;
  return ok(record);
}

/** A JSON value by cdm type: JSON numbers and booleans stay as they are (checked), text goes through the CDM conversion. */
function typedValue(type: CdmType, value: unknown): Result<unknown, { code: string; reason: string }> {
  if (typeof value === 'number') {
    if (type === 'int64' && !Number.isSafeInteger(value)) return err({ code: 'NUMBER_TOO_LARGE', reason: `number too large: ${value} cannot be kept exactly` });
    if (type === 'int64' || type === 'decimal' || type === 'double') return ok(value);
    return convertCdmValue(type, String(value));
  }
  if (typeof value === 'boolean') return type === 'boolean' ? ok(value) : ok(String(value));
  if (typeof value === 'string') return convertCdmValue(type, value);
  return ok(JSON.stringify(value));
}

/**
 * A `$deletedEntity` entry of a delta response as a tombstone; `at` (the time the delta was read) is its
 * modstamp, because Dataverse gives no delete time and a tombstone without one breaks ordering (anchors §1.10 #16).
 *
 * @example
 * deletedRecord('dv', 'contact', { id: '6F96…', reason: 'deleted' }, '2024-05-01T00:00:00.000Z') // { recordId: '6f96…', deleted: true, fields: {} }
 */
export function deletedRecord(system: string, stream: string, entry: Readonly<Record<string, unknown>>, at: string): SourceRecord | undefined {
  const id = entry['id'];
  if (typeof id !== 'string') return undefined;
  return { system, stream, recordId: id.replace(/^\{|\}$/g, '').toLowerCase(), deleted: true, fields: {}, modstamp: at };
}

/**
 * True for a delta response entry that reports a deletion (`@odata.context` ends with `$deletedEntity`).
 *
 * @example
 * isDeletedEntry({ '@odata.context': 'https://x/api/data/v9.2/$metadata#contacts/$deletedEntity', id: '…', reason: 'deleted' }) // true
 */
export function isDeletedEntry(entry: Readonly<Record<string, unknown>>): boolean {
  const context = entry['@odata.context'];
  return (typeof context === 'string' && context.endsWith('$deletedEntity')) || entry['reason'] === 'deleted';
}
