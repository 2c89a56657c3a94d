/**
 * The SQLite load path: one `BEGIN IMMEDIATE` transaction per page, running statements prepared once. Source
 * and CIM rows are first inserted with `ON CONFLICT DO NOTHING` (one statement for the common case of a new
 * row); only an existing one is compared by hash and updated when it differs or was a tombstone.
 *
 * @example
 * const writer = sqliteWriter(db, { clock, deadLetterPayloadBytes: 65536 });
 * const result = writer.commitPage(page);
 */
import { boundedPayloadJson } from '../rows.js';
import { KEY_SEPARATOR, planPage, sourceKeyText } from '../page-plan.js';
import type { PageCommit, PageResult } from '../store.js';
import type { SqliteDatabase } from './connect.js';

export interface SqliteWriter {
  commitPage(page: PageCommit): PageResult;
}

export interface SqliteWriterOptions {
  clock: () => Date;
  deadLetterPayloadBytes: number;
}

const SEP = `char(${KEY_SEPARATOR.charCodeAt(0)})`;

export function sqliteWriter(db: SqliteDatabase, options: SqliteWriterOptions): SqliteWriter {
  const insertSource = db.prepare(
    `INSERT INTO source_records (system, stream, record_id, modstamp, deleted, hash, fields, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (system, stream, record_id) DO NOTHING`,
  );
  const updateSource = db.prepare(
    `UPDATE source_records SET modstamp = ?, deleted = ?, hash = ?, fields = ?, updated_at = ?
     WHERE system = ? AND stream = ? AND record_id = ? AND (hash <> ? OR deleted <> ?)`,
  );
  const insertCim = db.prepare(
    `INSERT INTO cim_records (entity, external_source_id, external_record_id, id, data, deleted, hash, source_system, source_stream, source_record_id, modstamp, updated_at)
     VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (entity, external_source_id, external_record_id) DO NOTHING`,
  );
  const updateCim = db.prepare(
    `UPDATE cim_records SET id = ?, data = ?, deleted = 0, hash = ?, source_system = ?, source_stream = ?, source_record_id = ?, modstamp = ?, updated_at = ?
     WHERE entity = ? AND external_source_id = ? AND external_record_id = ? AND (hash <> ? OR deleted = 1)`,
  );
  const tombstoneStale = db.prepare(
    `UPDATE cim_records SET deleted = 1, updated_at = ?
     WHERE source_system = ? AND source_stream = ? AND source_record_id = ? AND deleted = 0
       AND (entity || ${SEP} || external_source_id || ${SEP} || external_record_id) NOT IN (SELECT value FROM json_each(?))`,
  );
  const tombstoneCimOfSource = db.prepare(
    'UPDATE cim_records SET deleted = 1, updated_at = ? WHERE source_system = ? AND source_stream = ? AND source_record_id = ? AND deleted = 0',
  );
  // The hash changes too, so the same row read again later (restored in the system) counts as changed.
  const tombstoneSource = db.prepare(
    `UPDATE source_records SET deleted = 1, modstamp = coalesce(?, modstamp), hash = 'deleted:' || hash, updated_at = ?
     WHERE system = ? AND stream = ? AND record_id = ? AND deleted = 0`,
  );
  const insertDeadLetter = db.prepare(
    `INSERT INTO dead_letters (run_id, system, stream, record_id, line, stage, entity, field, code, reason, payload, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEvent = db.prepare('INSERT INTO outbox (type, key, payload, created_at, available_at, attempts) VALUES (?, ?, ?, ?, ?, 0)');
  const upsertCursor = db.prepare(
    `INSERT INTO cursors (system, stream, cursor, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (system, stream) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at`,
  );

  const write = db.transaction((page: PageCommit): PageResult => {
    const plan = planPage(page);
    const now = options.clock().toISOString();
    const result: PageResult = { sourceChanged: 0, sourceUnchanged: 0, cimInserted: 0, cimUpdated: 0, cimUnchanged: 0, cimDeleted: 0, deadLettered: 0 };

    // A source record seen for the first time has no earlier CIM records to retire.
    const firstSeen = new Set<string>();
    for (const row of plan.sourceRows) {
      const deleted = row.deleted === true ? 1 : 0;
      const fields = JSON.stringify(row.fields);
      const modstamp = row.modstamp ?? null;
      if (insertSource.run(row.system, row.stream, row.recordId, modstamp, deleted, row.hash, fields, now).changes > 0) {
        result.sourceChanged++;
        firstSeen.add(sourceKeyText(row));
      } else if (updateSource.run(modstamp, deleted, row.hash, fields, now, row.system, row.stream, row.recordId, row.hash, deleted).changes > 0) {
        result.sourceChanged++;
      } else {
        result.sourceUnchanged++;
      }
    }
    result.sourceUnchanged += page.sourceRecords.length - plan.sourceRows.length;

    for (const { entity, externalSourceId, externalRecordId, row } of plan.cimRows) {
      const data = JSON.stringify(row.record.data);
      const { system, stream, recordId } = row.source;
      const modstamp = row.modstamp ?? null;
      if (insertCim.run(entity, externalSourceId, externalRecordId, row.id, data, row.hash, system, stream, recordId, modstamp, now).changes > 0) {
        result.cimInserted++;
      } else if (updateCim.run(row.id, data, row.hash, system, stream, recordId, modstamp, now, entity, externalSourceId, externalRecordId, row.hash).changes > 0) {
        result.cimUpdated++;
      } else {
        result.cimUnchanged++;
      }
    }
    result.cimUnchanged += page.cimRecords.length - plan.cimRows.length;

    for (const produced of plan.produced) {
      if (firstSeen.has(sourceKeyText(produced))) continue;
      result.cimDeleted += tombstoneStale.run(now, produced.system, produced.stream, produced.recordId, JSON.stringify(produced.keys)).changes;
    }

    for (const deletion of plan.deletions) {
      result.cimDeleted += tombstoneCimOfSource.run(now, deletion.system, deletion.stream, deletion.recordId).changes;
      tombstoneSource.run(deletion.modstamp ?? null, now, deletion.system, deletion.stream, deletion.recordId);
    }

    for (const letter of page.deadLetters) {
      insertDeadLetter.run(
        letter.runId,
        letter.system,
        letter.stream,
        letter.recordId ?? null,
        letter.line ?? null,
        letter.stage,
        letter.entity ?? null,
        letter.field ?? null,
        letter.code,
        letter.reason,
        boundedPayloadJson(letter.payload, options.deadLetterPayloadBytes, false),
        now,
      );
      result.deadLettered++;
    }

    for (const event of page.events ?? []) insertEvent.run(event.type, event.key, JSON.stringify(event.payload), now, now);

    if (page.cursor !== undefined) upsertCursor.run(page.system, page.stream, JSON.stringify(page.cursor), now);
    return result;
  });

  return {
    commitPage: (page) => write.immediate(page),
  };
}
