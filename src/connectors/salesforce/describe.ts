/**
 * Object metadata from describe (vendor notes A4): which fields a read selects and how their values are
 * normalised. Nothing here is typed by hand: compound aggregates (`address`, `location`) are left out because
 * their component fields carry the same data (and Bulk rejects them); `base64` fields are left out because the
 * query returns a link to the blob, not the data; formula fields are read like any other.
 *
 * @example
 * const meta = objectMeta(await conn.sobject('Contact').describe());
 * selectedFields(meta); // ['Id', 'IsDeleted', …, 'SystemModstamp'] without MailingAddress
 */
import type { StreamInfo } from '../connector.js';

export interface FieldMeta {
  name: string;
  type: string;
  calculated: boolean;
  /** Aggregate of other fields (`address`, `location`): not selected. */
  compound: boolean;
}

export interface ObjectMeta {
  name: string;
  replicateable: boolean;
  fields: FieldMeta[];
  /** SystemModstamp, else LastModifiedDate, else none (every read is full). */
  modstampField: string | undefined;
  hasIsDeleted: boolean;
}

/** The parts of a describe result this connector reads (jsforce's DescribeSObjectResult has them all). */
export interface DescribeLike {
  name: string;
  replicateable?: boolean;
  fields: ReadonlyArray<{ name: string; type: string; calculated?: boolean }>;
}

/**
 * @example
 * objectMeta({ name: 'Lead', fields: [{ name: 'Id', type: 'id' }, { name: 'SystemModstamp', type: 'datetime' }] }).modstampField // 'SystemModstamp'
 */
export function objectMeta(describe: DescribeLike): ObjectMeta {
  const fields = describe.fields.map((f) => ({ name: f.name, type: f.type, calculated: f.calculated === true, compound: f.type === 'address' || f.type === 'location' }));
  const names = new Set(fields.map((f) => f.name));
  return {
    name: describe.name,
    replicateable: describe.replicateable !== false,
    fields,
    modstampField: names.has('SystemModstamp') ? 'SystemModstamp' : names.has('LastModifiedDate') ? 'LastModifiedDate' : undefined,
    hasIsDeleted: names.has('IsDeleted'),
  };
}

/** Fields a read selects, in describe order. */
export function selectedFields(meta: ObjectMeta): string[] {
  return meta.fields.filter((f) => !f.compound && f.type !== 'base64').map((f) => f.name);
}

/** The stream as `concord discover` shows it: every field with its describe type. */
export function streamInfo(meta: ObjectMeta, estimatedRows: number | undefined): StreamInfo {
  return { name: meta.name, idField: 'Id', modstampField: meta.modstampField, fields: meta.fields.map((f) => ({ name: f.name, type: f.type })), estimatedRows };
}

/** Objects never offered as streams: change events are a stream transport, not data (anchors §1.2). */
export function isSyncable(object: { name: string; queryable?: boolean }): boolean {
  return object.queryable === true && !object.name.endsWith('ChangeEvent');
}
