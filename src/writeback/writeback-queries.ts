/**
 * The write-back part of the Store, written once with Kysely for both dialects (spread into each backend like
 * `identityQueries`).
 *
 * @example
 * return { ...sharedQueries(kysely, 'sqlite', clock), ...writeBackQueries(kysely, 'sqlite', clock) };
 */
import type { Kysely } from 'kysely';
import { fromJson, toIso, toJsonText } from '../store/rows.js';
import type { StoreDialect } from '../store/store.js';
import type { StoredWriteBackOutcome, WriteBackEcho, WriteBackOutcomeKind, WriteBackOutcomesTable, WriteBackStore } from './types.js';

type WriteBackSchema = { writeback_outcomes: WriteBackOutcomesTable };

const DEFAULT_LIMIT = 1000;
/** Rows per multi-row insert: 11 parameters each, well under SQLite's 32,766 bound parameters. */
const CHUNK = 500;

function toOutcome(row: Omit<WriteBackOutcomesTable, 'id'> & { id: number | string }): StoredWriteBackOutcome {
  return {
    id: Number(row.id),
    runId: row.run_id,
    system: row.system,
    stream: row.stream,
    ...(row.record_id !== null && { recordId: row.record_id }),
    ...(row.unified_id !== null && { unifiedId: row.unified_id }),
    key: row.key,
    outcome: row.outcome as WriteBackOutcomeKind,
    values: fromJson<Record<string, unknown>>(row.field_values),
    ...(row.code !== null && { code: row.code }),
    ...(row.message !== null && { message: row.message }),
    ...(row.previous_modstamp !== null && { previousModstamp: row.previous_modstamp }),
    at: toIso(row.at),
  };
}

/** The write-back queries over `kysely` (any Kysely whose database has the table of migration 006). */
export function writeBackQueries<S>(kysely: Kysely<S>, dialect: StoreDialect, clock: () => Date): WriteBackStore {
  const db = kysely.withTables<WriteBackSchema>() as unknown as Kysely<WriteBackSchema>;
  const pg = dialect === 'postgres';
  return {
    async recordWriteBackOutcomes(outcomes) {
      if (outcomes.length === 0) return;
      const at = clock().toISOString();
      await db.transaction().execute(async (tx) => {
        for (let i = 0; i < outcomes.length; i += CHUNK) {
          await tx
            .insertInto('writeback_outcomes')
            .values(
              outcomes.slice(i, i + CHUNK).map((o) => ({
                run_id: o.runId,
                system: o.system,
                stream: o.stream,
                record_id: o.recordId ?? null,
                unified_id: o.unifiedId ?? null,
                key: o.key,
                outcome: o.outcome,
                field_values: toJsonText(o.values, pg),
                code: o.code ?? null,
                message: o.message ?? null,
                previous_modstamp: o.previousModstamp ?? null,
                at,
              })),
            )
            .execute();
        }
      });
    },

    async listWriteBackOutcomes(options = {}) {
      let query = db.selectFrom('writeback_outcomes').selectAll().orderBy('id').limit(options.limit ?? DEFAULT_LIMIT);
      if (options.runId !== undefined) query = query.where('run_id', '=', options.runId);
      if (options.after !== undefined) query = query.where('id', '>', options.after);
      const rows = await query.execute();
      return rows.map(toOutcome);
    },

    async writeBackEchoes() {
      const applied = ['created', 'updated'];
      const rows = await db
        .selectFrom('writeback_outcomes as w')
        .select(['w.system', 'w.stream', 'w.record_id', 'w.at', 'w.previous_modstamp'])
        .where('w.outcome', 'in', applied)
        .where('w.record_id', 'is not', null)
        .where('w.id', '=', (eb) =>
          eb
            .selectFrom('writeback_outcomes as x')
            .select((x) => x.fn.max('x.id').as('id'))
            .whereRef('x.system', '=', 'w.system')
            .whereRef('x.stream', '=', 'w.stream')
            .whereRef('x.record_id', '=', 'w.record_id')
            .where('x.outcome', 'in', applied),
        )
        .execute();
      return rows.map((r): WriteBackEcho => ({
        system: r.system, stream: r.stream, recordId: r.record_id!, at: toIso(r.at),
        ...(r.previous_modstamp !== null && { previousModstamp: r.previous_modstamp }),
      }));
    },
  };
}
