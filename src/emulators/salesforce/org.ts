/**
 * The emulated org's data: records per object in memory, seeded from the demo generator, with the mutations
 * tests need. Every write moves `SystemModstamp` to the org clock (whole seconds, as Salesforce stamps them, so
 * rows written in the same second share a stamp); soft deletes set `IsDeleted` (seen by queryAll and `deleted`),
 * hard deletes remove the row (seen only by `deleted`, for as long as the log keeps it).
 *
 * @example
 * const org = new EmulatedOrg({ seed: 7, people: 200 });
 * const id = org.create('Contact', { LastName: 'Ng' });
 * org.update('Contact', id, { Email: 'ng@example.com' });
 * org.hardDelete('Contact', id);
 */
import { salesforceId18 } from '../../core/ids.js';
import { generateDemo } from '../../demo/generate.js';
import { orgSchema, type ObjectSchema } from './schema.js';

export type StoredRecord = Record<string, unknown>;

/** `2024-05-01T12:00:00.000+0000`: how the REST API writes datetimes (vendor notes A3). */
export function apiDateTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

/** Parses an API datetime (`+0000`, `+00:00` or `Z`) to epoch ms. */
export function parseApiDateTime(value: string): number {
  return Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export interface DeletedEntry {
  id: string;
  deletedDate: number;
}

export interface OrgOptions {
  seed: number;
  /** People the demo generator creates (Contacts, Leads … follow from them). */
  people: number;
  /** Extra custom text fields per object (`Extra_Field_0001__c` …, null in seeded rows), for orgs with wide objects. */
  customFields?: Readonly<Record<string, number>>;
}

export class EmulatedOrg {
  readonly orgId: string;
  readonly userId: string;
  readonly schema: Map<string, ObjectSchema>;
  readonly records = new Map<string, Map<string, StoredRecord>>();
  /** Soft and hard deletions, per object, in the order they happened. */
  readonly deletedLog = new Map<string, DeletedEntry[]>();
  /** Deletions older than this are purged from the log (`earliestDateAvailable`). */
  earliestDeletedAvailable: number;
  private lastStamp = 0;
  private serial = 0;

  constructor(options: OrgOptions) {
    const world = generateDemo({ people: options.people, seed: options.seed });
    this.orgId = world.salesforce.orgId;
    this.schema = orgSchema();
    for (const [object, count] of Object.entries(options.customFields ?? {})) {
      const schema = this.schema.get(object);
      if (!schema) throw new Error(`no object ${object}`);
      const template = schema.fields.find((f) => f.name === 'Title' || f.name === 'Name')!;
      for (let i = 1; i <= count; i++) schema.fields.push({ ...template, name: `Extra_Field_${String(i).padStart(4, '0')}__c`, label: `Extra Field ${i}`, type: 'string', compoundFieldName: null });
    }
    for (const [object, rows] of Object.entries(world.salesforce.objects)) {
      const schema = this.schema.get(object)!;
      const datetimes = new Set(schema.fields.filter((f) => f.type === 'datetime').map((f) => f.name));
      const table = new Map<string, StoredRecord>();
      for (const row of rows) {
        const record: StoredRecord = {};
        for (const f of schema.fields) {
          if (f.type === 'address' || f.calculated || f.type === 'base64') continue;
          const v = row[f.name];
          record[f.name] = v === undefined || v === '' ? null : datetimes.has(f.name) && typeof v === 'string' ? apiDateTime(Date.parse(v)) : v;
        }
        if ('IsDeleted' in record && record['IsDeleted'] === null) record['IsDeleted'] = false;
        table.set(String(row['Id']), record);
      }
      this.records.set(object, table);
      this.deletedLog.set(object, []);
    }
    this.userId = [...this.records.get('User')!.keys()][0] ?? salesforceId18('005000000000001');
    this.earliestDeletedAvailable = Date.now() - 30 * 86_400_000;
  }

  /** The org clock: now in whole seconds, never going back. */
  now(): number {
    const now = Math.floor(Date.now() / 1000) * 1000;
    this.lastStamp = Math.max(this.lastStamp, now);
    return this.lastStamp;
  }

  table(object: string): Map<string, StoredRecord> {
    const table = this.records.get(object);
    if (!table) throw new Error(`no object ${object}`);
    return table;
  }

  private mintId(object: string): string {
    const prefix = this.schema.get(object)!.keyPrefix;
    let n = ++this.serial + 900_000;
    let body = '';
    for (let i = 0; i < 7; i++) {
      body = BASE62[n % 62] + body;
      n = Math.floor(n / 62);
    }
    return salesforceId18(`${prefix}9z000${body}`);
  }

  /** Creates a record (every field the object has starts null); returns its 18-character Id. */
  create(object: string, fields: StoredRecord, options: { at?: number } = {}): string {
    const schema = this.schema.get(object);
    if (!schema) throw new Error(`no object ${object}`);
    const id = this.mintId(object);
    const stamp = apiDateTime(options.at ?? this.now());
    const record: StoredRecord = {};
    for (const f of schema.fields) if (f.type !== 'address' && !f.calculated && f.type !== 'base64') record[f.name] = null;
    Object.assign(record, fields, { Id: id, CreatedDate: stamp, LastModifiedDate: stamp, SystemModstamp: stamp, CreatedById: this.userId, LastModifiedById: this.userId });
    if (schema.fields.some((f) => f.name === 'IsDeleted')) record['IsDeleted'] = false;
    this.table(object).set(id, record);
    return id;
  }

  /** Updates fields and bumps LastModifiedDate and SystemModstamp. */
  update(object: string, id: string, fields: StoredRecord, options: { at?: number } = {}): void {
    const record = this.table(object).get(id);
    if (!record) throw new Error(`no ${object} ${id}`);
    const stamp = apiDateTime(options.at ?? this.now());
    Object.assign(record, fields, { LastModifiedDate: stamp, SystemModstamp: stamp });
  }

  /** Gives many records one SystemModstamp (a mass update or a recalculation), the case that breaks single-field cursors. */
  touchMany(object: string, ids: readonly string[], at: number): void {
    const stamp = apiDateTime(at);
    for (const id of ids) {
      const record = this.table(object).get(id);
      if (record) record['SystemModstamp'] = stamp;
    }
  }

  /** Moves a record to the Recycle Bin: IsDeleted = true, still visible to queryAll and `deleted`. */
  softDelete(object: string, id: string, options: { at?: number } = {}): void {
    const record = this.table(object).get(id);
    if (!record) throw new Error(`no ${object} ${id}`);
    const at = options.at ?? this.now();
    Object.assign(record, { IsDeleted: true, SystemModstamp: apiDateTime(at) });
    this.deletedLog.get(object)!.push({ id, deletedDate: at });
  }

  /** Removes a record for good (emptied Recycle Bin, or an object that is never soft-deleted): only `deleted` knows. */
  hardDelete(object: string, id: string, options: { at?: number } = {}): void {
    const table = this.table(object);
    const record = table.get(id);
    if (!record) throw new Error(`no ${object} ${id}`);
    table.delete(id);
    const log = this.deletedLog.get(object)!;
    if (record['IsDeleted'] !== true) log.push({ id, deletedDate: options.at ?? this.now() });
  }

  /** Forgets deletions before `before` (Salesforce keeps them about 30 days; tests shorten it). */
  purgeDeletedLog(before: number): void {
    this.earliestDeletedAvailable = before;
    for (const [object, log] of this.deletedLog) this.deletedLog.set(object, log.filter((e) => e.deletedDate >= before));
  }
}
