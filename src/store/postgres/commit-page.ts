/**
 * The PostgreSQL load path: one transaction per page and one statement per kind of write, whatever the page
 * size — rows travel as parallel arrays through `unnest`, which needs no per-row parameters (so no 65,535
 * parameter limit) and lets the server plan one multi-row `INSERT … ON CONFLICT`.
 *
 * @example
 * const writer = postgresWriter(pool, { clock, deadLetterPayloadBytes: 65536 });
 * const result = await writer.commitPage(page);
 */
import type pg from 'pg';
import { boundedPayloadJson, toJsonText } from '../rows.js';
import { KEY_SEPARATOR, planPage, sourceKeyText, type SourceRef } from '../page-plan.js';
import type { PageCommit, PageResult } from '../store.js';
import type { PostgresPool } from './connect.js';

export interface PostgresWriter {
  commitPage(page: PageCommit): Promise<PageResult>;
}

export interface PostgresWriterOptions {
  clock: () => Date;
  deadLetterPayloadBytes: number;
}

const UPSERT_SOURCE = `
  INSERT INTO source_records (system, stream, record_id, modstamp, deleted, hash, fields, updated_at)
  SELECT s, t, r, m, d, h, f::jsonb, $8::timestamptz
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::boolean[], $6::text[], $7::text[]) AS u(s, t, r, m, d, h, f)
  ON CONFLICT (system, stream, record_id) DO UPDATE SET modstamp = excluded.modstamp, deleted = excluded.deleted, hash = excluded.hash,
    fields = excluded.fields, updated_at = excluded.updated_at
  WHERE source_records.hash <> excluded.hash OR source_records.deleted <> excluded.deleted
  RETURNING system, stream, record_id, (xmax = 0) AS inserted`;

// xmax = 0 tells an inserted row from an updated one; rows left as they were are not returned at all.
const UPSERT_CIM = `
  INSERT INTO cim_records (entity, external_source_id, external_record_id, id, data, deleted, hash, source_system, source_stream, source_record_id, modstamp, updated_at)
  SELECT e, es, er, i, d::jsonb, false, h, ss, st, sr, m, $11::timestamptz
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
    AS u(e, es, er, i, d, h, ss, st, sr, m)
  ON CONFLICT (entity, external_source_id, external_record_id) DO UPDATE SET id = excluded.id, data = excluded.data, deleted = false,
    hash = excluded.hash, source_system = excluded.source_system, source_stream = excluded.source_stream,
    source_record_id = excluded.source_record_id, modstamp = excluded.modstamp, updated_at = excluded.updated_at
  WHERE cim_records.hash <> excluded.hash OR cim_records.deleted
  RETURNING (xmax = 0) AS inserted`;

// The three statements below run once per (system, stream) of the page (almost always one): `= ANY(array)` on
// the source index is a plan PostgreSQL keeps at any table size, where a join against unnest() may turn into a
// sequential scan of cim_records.

// Runs after the upsert, so a key this page produces already belongs to the source record producing it.
const TOMBSTONE_STALE = `
  UPDATE cim_records c SET deleted = true, updated_at = $7::timestamptz
  WHERE c.source_system = $1 AND c.source_stream = $2 AND c.source_record_id = ANY($3::text[]) AND NOT c.deleted
    AND (c.entity, c.external_source_id, c.external_record_id) NOT IN (SELECT * FROM unnest($4::text[], $5::text[], $6::text[]))`;

const TOMBSTONE_CIM_OF_SOURCE = `
  UPDATE cim_records SET deleted = true, updated_at = $4::timestamptz
  WHERE source_system = $1 AND source_stream = $2 AND source_record_id = ANY($3::text[]) AND NOT deleted`;

// The hash changes too, so the same row read again later (restored in the system) counts as changed.
const TOMBSTONE_SOURCE = `
  UPDATE source_records r SET deleted = true, modstamp = coalesce(s.modstamp, r.modstamp), hash = 'deleted:' || r.hash, updated_at = $5::timestamptz
  FROM unnest($3::text[], $4::text[]) AS s(record_id, modstamp)
  WHERE r.system = $1 AND r.stream = $2 AND r.record_id = s.record_id AND NOT r.deleted`;

const INSERT_DEAD_LETTERS = `
  INSERT INTO dead_letters (run_id, system, stream, record_id, line, stage, entity, field, code, reason, payload, created_at)
  SELECT ru, s, t, r, l, sg, e, f, c, re, p::jsonb, $12::timestamptz
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::integer[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
    WITH ORDINALITY AS u(ru, s, t, r, l, sg, e, f, c, re, p, n)
  ORDER BY n`;

const INSERT_EVENTS = `
  INSERT INTO outbox (type, key, payload, created_at, available_at, attempts)
  SELECT ty, k, p::jsonb, $4::timestamptz, $4::timestamptz, 0
  FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS u(ty, k, p, n)
  ORDER BY n`;

const UPSERT_CURSOR = `
  INSERT INTO cursors (system, stream, cursor, updated_at) VALUES ($1, $2, $3::jsonb, $4::timestamptz)
  ON CONFLICT (system, stream) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at`;

function byStream<T extends SourceRef>(refs: readonly T[]): Array<{ system: string; stream: string; items: T[] }> {
  const groups = new Map<string, { system: string; stream: string; items: T[] }>();
  for (const ref of refs) {
    const key = `${ref.system}${KEY_SEPARATOR}${ref.stream}`;
    const group = groups.get(key) ?? { system: ref.system, stream: ref.stream, items: [] };
    group.items.push(ref);
    groups.set(key, group);
  }
  return [...groups.values()];
}

export function postgresWriter(pool: PostgresPool, options: PostgresWriterOptions): PostgresWriter {
  const json = (value: unknown): string => toJsonText(value, true);

  async function write(client: pg.PoolClient, page: PageCommit): Promise<PageResult> {
    const plan = planPage(page);
    const now = options.clock().toISOString();
    const result: PageResult = { sourceChanged: 0, sourceUnchanged: 0, cimInserted: 0, cimUpdated: 0, cimUnchanged: 0, cimDeleted: 0, deadLettered: 0 };

    // A source record seen for the first time has no earlier CIM records to retire.
    const firstSeen = new Set<string>();
    if (plan.sourceRows.length > 0) {
      const rows = plan.sourceRows;
      const changed = await client.query<{ system: string; stream: string; record_id: string; inserted: boolean }>(UPSERT_SOURCE, [
        rows.map((r) => r.system),
        rows.map((r) => r.stream),
        rows.map((r) => r.recordId),
        rows.map((r) => r.modstamp ?? null),
        rows.map((r) => r.deleted === true),
        rows.map((r) => r.hash),
        rows.map((r) => json(r.fields)),
        now,
      ]);
      result.sourceChanged = changed.rows.length;
      for (const row of changed.rows) if (row.inserted) firstSeen.add(sourceKeyText({ system: row.system, stream: row.stream, recordId: row.record_id }));
    }
    result.sourceUnchanged = page.sourceRecords.length - result.sourceChanged;

    if (plan.cimRows.length > 0) {
      const rows = plan.cimRows;
      const written = await client.query<{ inserted: boolean }>(UPSERT_CIM, [
        rows.map((r) => r.entity),
        rows.map((r) => r.externalSourceId),
        rows.map((r) => r.externalRecordId),
        rows.map((r) => r.row.id),
        rows.map((r) => json(r.row.record.data)),
        rows.map((r) => r.row.hash),
        rows.map((r) => r.row.source.system),
        rows.map((r) => r.row.source.stream),
        rows.map((r) => r.row.source.recordId),
        rows.map((r) => r.row.modstamp ?? null),
        now,
      ]);
      for (const row of written.rows) {
        if (row.inserted) result.cimInserted++;
        else result.cimUpdated++;
      }
    }
    result.cimUnchanged = page.cimRecords.length - result.cimInserted - result.cimUpdated;

    const produced = plan.produced.filter((p) => !firstSeen.has(sourceKeyText(p)));
    for (const group of byStream(produced)) {
      const stale = await client.query(TOMBSTONE_STALE, [
        group.system,
        group.stream,
        group.items.map((p) => p.recordId),
        plan.cimRows.map((r) => r.entity),
        plan.cimRows.map((r) => r.externalSourceId),
        plan.cimRows.map((r) => r.externalRecordId),
        now,
      ]);
      result.cimDeleted += stale.rowCount ?? 0;
    }

    for (const group of byStream(plan.deletions)) {
      const ids = group.items.map((d) => d.recordId);
      const tombstoned = await client.query(TOMBSTONE_CIM_OF_SOURCE, [group.system, group.stream, ids, now]);
      result.cimDeleted += tombstoned.rowCount ?? 0;
      await client.query(TOMBSTONE_SOURCE, [group.system, group.stream, ids, group.items.map((d) => d.modstamp ?? null), now]);
    }

    if (page.deadLetters.length > 0) {
      const letters = page.deadLetters;
      await client.query(INSERT_DEAD_LETTERS, [
        letters.map((l) => l.runId),
        letters.map((l) => l.system),
        letters.map((l) => l.stream),
        letters.map((l) => l.recordId ?? null),
        letters.map((l) => l.line ?? null),
        letters.map((l) => l.stage),
        letters.map((l) => l.entity ?? null),
        letters.map((l) => l.field ?? null),
        letters.map((l) => l.code),
        letters.map((l) => l.reason),
        letters.map((l) => boundedPayloadJson(l.payload, options.deadLetterPayloadBytes, true)),
        now,
      ]);
      result.deadLettered = letters.length;
    }

    const events = page.events ?? [];
    if (events.length > 0) {
      await client.query(INSERT_EVENTS, [events.map((e) => e.type), events.map((e) => e.key), events.map((e) => json(e.payload)), now]);
    }

    if (page.cursor !== undefined) await client.query(UPSERT_CURSOR, [page.system, page.stream, json(page.cursor), now]);
    return result;
  }

  return {
    async commitPage(page) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await write(client, page);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}
