/**
 * The emulated Dataverse environment's data: rows per table in memory, seeded from the demo generator's
 * Dataverse world, the table metadata (attribute types as the Web API's metadata names them), and the change
 * log change tracking reads. Every write moves the row's `versionnumber` to the environment's next row version
 * and `modifiedon` to the environment clock (whole seconds); a delete removes the row and logs its id with a
 * row version, so a delta from an older token reports it (even a row created and deleted between two reads).
 *
 * @example
 * const env = new EmulatedEnvironment({ seed: 7, people: 200 });
 * const id = env.create('contact', { lastname: 'Ng' });
 * env.update('contact', id, { emailaddress1: 'ng@example.com' });
 * env.delete('contact', id);
 */
import { randomUUID } from 'node:crypto';
import { DATAVERSE_COLUMNS, type DataverseTable } from '../../demo/columns.js';
import { generateDemo } from '../../demo/generate.js';

export type Row = Record<string, string | number | boolean | null>;

export interface Attribute {
  LogicalName: string;
  AttributeType: string;
  AttributeOf: string | null;
  IsValidForRead: boolean;
  /** Lookup targets (the Web API lists them as `Targets` on lookup attributes). */
  Targets?: string[];
  /** `DateOnly` date-times serialise as `YYYY-MM-DD`. */
  Format?: 'DateOnly' | 'DateAndTime';
}

export interface TableSchema {
  logicalName: string;
  entitySetName: string;
  primaryId: string;
  changeTracking: boolean;
  attributes: Attribute[];
}

const ENTITY_SETS: Record<DataverseTable, string> = { account: 'accounts', contact: 'contacts', lead: 'leads', opportunity: 'opportunities', incident: 'incidents' };
const LOOKUP_TARGETS: Record<string, string[]> = {
  primarycontactid: ['contact'],
  parentaccountid: ['account'],
  parentcontactid: ['contact'],
  parentcustomerid: ['account', 'contact'],
  customerid: ['account', 'contact'],
  ownerid: ['systemuser', 'team'],
};
const DATE_ONLY = new Set(['birthdate', 'estimatedclosedate', 'actualclosedate']);

/** The attribute type of a demo column, from its CDM type and its name (Dataverse naming conventions). */
function attributeOf(table: string, name: string, cdmType: string, all: ReadonlySet<string>): Attribute {
  const base = { LogicalName: name, AttributeOf: null, IsValidForRead: true };
  if (name === `${table}id`) return { ...base, AttributeType: 'Uniqueidentifier' };
  if (name.endsWith('type') && all.has(name.slice(0, -4)) && cdmType === 'string') return { ...base, AttributeType: 'EntityName', AttributeOf: name.slice(0, -4) };
  switch (cdmType) {
    case 'guid': {
      const targets = LOOKUP_TARGETS[name] ?? ['account'];
      return { ...base, AttributeType: name === 'ownerid' ? 'Owner' : targets.length > 1 ? 'Customer' : 'Lookup', Targets: targets };
    }
    case 'int64':
      return { ...base, AttributeType: name === 'statecode' ? 'State' : name === 'statuscode' ? 'Status' : name === 'versionnumber' ? 'BigInt' : name.endsWith('code') ? 'Picklist' : 'Integer' };
    case 'decimal':
      return { ...base, AttributeType: 'Money' };
    case 'boolean':
      return { ...base, AttributeType: 'Boolean' };
    case 'dateTime':
      return { ...base, AttributeType: 'DateTime', Format: DATE_ONLY.has(name) ? 'DateOnly' : 'DateAndTime' };
    default:
      return { ...base, AttributeType: name === 'description' ? 'Memo' : 'String' };
  }
}

/**
 * The emulated tables' metadata, from the demo's column lists: lookups typed Lookup / Customer / Owner, their
 * `…type` companions as EntityName, a `…name` companion per lookup (as the Web API lists them) and one Virtual
 * column, which a reader must not select.
 *
 * @example
 * environmentSchema().get('contact')!.entitySetName // 'contacts'
 */
export function environmentSchema(): Map<string, TableSchema> {
  const schema = new Map<string, TableSchema>();
  for (const [table, columns] of Object.entries(DATAVERSE_COLUMNS) as Array<[DataverseTable, ReadonlyArray<readonly [string, string]>]>) {
    const names = new Set(columns.map(([c]) => c));
    const attributes = columns.map(([name, type]) => attributeOf(table, name, type, names));
    for (const a of [...attributes]) {
      if (a.Targets) attributes.push({ LogicalName: `${a.LogicalName}name`, AttributeType: 'String', AttributeOf: a.LogicalName, IsValidForRead: true });
    }
    attributes.push({ LogicalName: 'entityimage', AttributeType: 'Virtual', AttributeOf: null, IsValidForRead: true });
    schema.set(table, { logicalName: table, entitySetName: ENTITY_SETS[table], primaryId: `${table}id`, changeTracking: true, attributes });
  }
  return schema;
}

export interface DeletedEntry {
  id: string;
  version: number;
}

export interface EnvironmentOptions {
  seed: number;
  /** People the demo generator creates (contacts, leads … follow from them). */
  people: number;
}

/** `2024-05-01T12:00:00Z`: how the Web API writes date-times (whole seconds, UTC). */
export function webApiDateTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

export class EmulatedEnvironment {
  readonly organizationId: string;
  readonly userId = randomUUID();
  readonly businessUnitId = randomUUID();
  readonly schema: Map<string, TableSchema>;
  readonly tables = new Map<string, Map<string, Row>>();
  readonly deletedLog = new Map<string, DeletedEntry[]>();
  /** The latest row version handed out; a delta token carries the version it was read at. */
  version = 0;
  /** Tokens older than this version are expired (the org's ExpireChangeTrackingInDays passed). */
  oldestValidVersion = 0;
  private lastStamp = 0;

  constructor(options: EnvironmentOptions) {
    const world = generateDemo({ people: options.people, seed: options.seed });
    this.organizationId = world.dataverse.organizationId.toLowerCase();
    this.schema = environmentSchema();
    for (const [table, rows] of Object.entries(world.dataverse.tables)) {
      const byId = new Map<string, Row>();
      for (const row of rows) {
        byId.set(String(row[`${table}id`]).toLowerCase(), { ...row });
        this.version = Math.max(this.version, Number(row['versionnumber'] ?? 0));
      }
      this.tables.set(table, byId);
      this.deletedLog.set(table, []);
    }
  }

  /** The rows of a table (throws for a table the environment does not have). */
  table(name: string): Map<string, Row> {
    const rows = this.tables.get(name);
    if (!rows) throw new Error(`no table ${name}`);
    return rows;
  }

  /** The environment clock: now in whole seconds, never going back, so every write is later than the last. */
  stamp(): string {
    this.lastStamp = Math.max(Math.floor(Date.now() / 1000) * 1000, this.lastStamp);
    return webApiDateTime(this.lastStamp);
  }

  /** Throws for a column the table does not have, so a test cannot change a value no read can see. */
  private checkColumns(table: string, values: Row): void {
    const schema = this.schema.get(table);
    if (!schema) throw new Error(`no table ${table}`);
    for (const column of Object.keys(values)) {
      if (!schema.attributes.some((a) => a.LogicalName === column && a.AttributeType !== 'Virtual')) throw new Error(`table ${table} has no column ${column}`);
    }
  }

  private touch(row: Row): void {
    row['versionnumber'] = ++this.version;
    row['modifiedon'] = this.stamp();
  }

  /** Creates a row (id given or new) and returns its id. */
  create(table: string, values: Row, id: string = randomUUID()): string {
    this.checkColumns(table, values);
    const schema = this.schema.get(table)!;
    const row: Row = Object.fromEntries(schema.attributes.filter((a) => a.AttributeType !== 'Virtual' && !(a.AttributeOf && a.AttributeType !== 'EntityName')).map((a) => [a.LogicalName, null]));
    Object.assign(row, { statecode: 0, statuscode: 1, createdon: this.stamp(), ...values, [schema.primaryId]: id.toLowerCase() });
    this.touch(row);
    this.table(table).set(id.toLowerCase(), row);
    return id.toLowerCase();
  }

  /** Changes columns of a row; throws when the row does not exist. */
  update(table: string, id: string, values: Row): void {
    const row = this.table(table).get(id.toLowerCase());
    if (!row) throw new Error(`${table} ${id} does not exist`);
    this.checkColumns(table, values);
    Object.assign(row, values);
    this.touch(row);
  }

  /** Deletes a row; change tracking reports it as a `$deletedEntity`. */
  delete(table: string, id: string): void {
    if (!this.table(table).delete(id.toLowerCase())) throw new Error(`${table} ${id} does not exist`);
    this.deletedLog.get(table)!.push({ id: id.toLowerCase(), version: ++this.version });
  }

  /** Expires every change-tracking token handed out so far (as if ExpireChangeTrackingInDays had passed). */
  expireDeltaTokens(): void {
    // A version step with no change: every token handed out is older than it, tokens issued from now on are not.
    this.oldestValidVersion = ++this.version;
  }

  /** Rows and deletions after `version`: changed rows first (by row version), then deletions (as documented). */
  changesSince(table: string, version: number): { rows: Row[]; deleted: DeletedEntry[] } {
    const rows = [...this.table(table).values()].filter((r) => Number(r['versionnumber']) > version).sort((a, b) => Number(a['versionnumber']) - Number(b['versionnumber']));
    const live = this.table(table);
    const deleted = this.deletedLog.get(table)!.filter((d) => d.version > version && !live.has(d.id));
    return { rows, deleted };
  }
}
