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
import type { StoredWriteBackOutcome, WriteBackOutcomeKind, WriteBackOutcomesTable, WriteBackStore } from './types.js';

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
  };
}
