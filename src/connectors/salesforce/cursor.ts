/**
 * The stored cursor of a Salesforce stream and the SOQL it turns into. The position is the composite
 * (modstamp, Id) of the last row committed: ties on SystemModstamp are broken by Id, so no row is lost when
 * thousands share one stamp (anchors §1.10 #8).
 *
 * @example
 * keysetWhere('SystemModstamp', { modstamp: '2024-05-01T12:00:00.000Z', id: '003…' })
 * // "SystemModstamp >= 2024-05-01T12:00:00Z AND (SystemModstamp > 2024-05-01T12:00:00Z OR Id > '003…')"
 */
import type { Cursor } from '../../store/store.js';

export interface SalesforceCursor {
  /** Modstamp (ISO-8601 UTC) of the last row read, with its Id. */
  modstamp?: string | undefined;
  id?: string | undefined;
  /** Start of the next `deleted` window (the last `latestDateCovered`). */
  deletedSince?: string | undefined;
  /** When the last full read (one that reconciles hard deletes) started. */
  lastFullRead?: string | undefined;
}

/** Reads a stored cursor, ignoring keys of the wrong type (a cursor from another connector version). */
export function parseCursor(cursor: Cursor | undefined): SalesforceCursor {
  const text = (key: string): string | undefined => (typeof cursor?.[key] === 'string' ? (cursor[key] as string) : undefined);
  return { modstamp: text('modstamp'), id: text('id'), deletedSince: text('deletedSince'), lastFullRead: text('lastFullRead') };
}

/** As a stored cursor (undefined keys left out). */
export function toCursor(cursor: SalesforceCursor): Cursor {
  return Object.fromEntries(Object.entries(cursor).filter(([, v]) => v !== undefined));
}

/** The later of two positions, by (modstamp, id): a look-back re-read never moves the cursor back. */
export function laterPosition(a: SalesforceCursor, b: { modstamp?: string | undefined; id: string }): Pick<SalesforceCursor, 'modstamp' | 'id'> {
  if (a.modstamp === undefined || a.id === undefined) return { modstamp: b.modstamp, id: b.id };
  if (b.modstamp === undefined) return { modstamp: a.modstamp, id: a.id };
  const order = Date.parse(a.modstamp) - Date.parse(b.modstamp) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return order >= 0 ? { modstamp: a.modstamp, id: a.id } : { modstamp: b.modstamp, id: b.id };
}

/**
 * A SOQL datetime literal. Salesforce documents second precision (`YYYY-MM-DDThh:mm:ssZ`); flooring the
 * milliseconds only widens a `>=` / `>` bound, so rows are re-read, never skipped.
 */
export function soqlDateTime(iso: string): string {
  return `${new Date(Math.floor(Date.parse(iso) / 1000) * 1000).toISOString().slice(0, 19)}Z`;
}

function quote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Rows at or after `from` (a look-back start: no Id bound). */
export function fromWhere(modstampField: string, from: string): string {
  return `${modstampField} >= ${soqlDateTime(from)}`;
}

/** Rows strictly after the composite position (modstamp, id); with no modstamp field, after the Id. */
export function keysetWhere(modstampField: string | undefined, position: { modstamp?: string | undefined; id: string }): string {
  if (modstampField === undefined || position.modstamp === undefined) return `Id > ${quote(position.id)}`;
  const at = soqlDateTime(position.modstamp);
  return `${modstampField} >= ${at} AND (${modstampField} > ${at} OR Id > ${quote(position.id)})`;
}

/**
 * The SELECT of one keyset chunk.
 *
 * @example
 * selectSoql('Lead', ['Id', 'Email'], 'SystemModstamp', undefined, 100000) // 'SELECT Id, Email FROM Lead ORDER BY SystemModstamp, Id LIMIT 100000'
 */
export function selectSoql(object: string, fields: readonly string[], modstampField: string | undefined, where: string | undefined, limit: number | undefined): string {
  const order = modstampField === undefined ? 'Id' : `${modstampField}, Id`;
  return `SELECT ${fields.join(', ')} FROM ${object}${where ? ` WHERE ${where}` : ''} ORDER BY ${order}${limit === undefined ? '' : ` LIMIT ${limit}`}`;
}
