/**
 * Pure conversions between stored rows (as either driver returns them) and the Store's types, and the
 * bounded serialisation of dead-letter payloads.
 *
 * @example
 * toIso(new Date(0)) // '1970-01-01T00:00:00.000Z'
 * boundedPayloadJson({ big: 'x'.repeat(1e6) }, 65536) // '{"$truncated":true,"bytes":1000010,"head":"{\"big\":\"xxx…"}'
 */
import type { Selectable } from 'kysely';
import type { CimRecordsTable, DeadLettersTable, SourceRecordsTable } from './schema.js';
import type { DeadLetter, StoredCimRecord, StoredSourceRecord } from './store.js';

/** Default bound of a stored dead-letter payload, in UTF-8 bytes of its JSON. */
export const DEAD_LETTER_PAYLOAD_BYTES = 64 * 1024;

export function toIso(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

export function toIsoOrUndefined(value: unknown): string | undefined {
  return value === null || value === undefined ? undefined : toIso(value);
}

export function toFlag(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 't';
}

/** Parses SQLite's JSON text; PostgreSQL's jsonb arrives parsed already. */
export function fromJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/**
 * JSON text of a value. PostgreSQL's jsonb refuses U+0000 inside strings, so `forPostgres` replaces it with
 * U+FFFD (files do carry NULs now and then); SQLite keeps the text as it is.
 */
export function toJsonText(value: unknown, forPostgres: boolean): string {
  const text = JSON.stringify(value ?? null);
  return forPostgres && text.includes('\\u0000') ? JSON.stringify(value, stripNul) : text;
}

function stripNul(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? value.replace(/\u0000/g, '\uFFFD') : value;
}

/**
 * JSON text of a dead letter's payload, at most about `maxBytes` UTF-8 bytes. A larger payload is replaced by
 * a marker object keeping its size and the head of its JSON, so the row stays valid JSON on both dialects.
 */
export function boundedPayloadJson(payload: unknown, maxBytes: number, forPostgres: boolean): string | null {
  if (payload === undefined) return null;
  const text = toJsonText(payload, forPostgres);
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes <= maxBytes) return text;
  // Leave room for the marker's own keys; cut on bytes, then drop a split trailing character.
  const head = Buffer.from(text, 'utf8').subarray(0, Math.max(0, maxBytes - 128)).toString('utf8').replace(/\uFFFD+$/, '');
  return JSON.stringify({ $truncated: true, bytes, head });
}

export function toStoredCimRecord(row: CimRecordsTable): StoredCimRecord {
  return {
    entity: row.entity,
    id: row.id,
    externalSourceId: row.external_source_id,
    externalRecordId: row.external_record_id,
    data: fromJson<Record<string, unknown>>(row.data),
    deleted: toFlag(row.deleted),
    hash: row.hash,
    sourceSystem: row.source_system,
    sourceStream: row.source_stream,
    sourceRecordId: row.source_record_id,
    updatedAt: toIso(row.updated_at),
  };
}

export function toStoredSourceRecord(row: SourceRecordsTable): StoredSourceRecord {
  return {
    system: row.system,
    stream: row.stream,
    recordId: row.record_id,
    modstamp: row.modstamp ?? undefined,
    deleted: toFlag(row.deleted),
    hash: row.hash,
    fields: fromJson<Record<string, unknown>>(row.fields),
    updatedAt: toIso(row.updated_at),
  };
}

/** A dead-letter row as the store hands it out (both dialects). */
export function toStoredDeadLetter(row: Selectable<DeadLettersTable>): DeadLetter & { id: number; createdAt: string } {
  return {
    id: Number(row.id),
    createdAt: toIso(row.created_at),
    runId: row.run_id,
    system: row.system,
    stream: row.stream,
    recordId: row.record_id ?? undefined,
    line: row.line ?? undefined,
    stage: row.stage as DeadLetter['stage'],
    entity: row.entity ?? undefined,
    field: row.field ?? undefined,
    code: row.code,
    reason: row.reason,
    payload: row.payload === null || row.payload === undefined ? undefined : fromJson<unknown>(row.payload),
  };
}
