/**
 * Stored hashes of many source records in one statement: the ids travel as one text array.
 *
 * @example
 * const hashes = await postgresSourceHashes(pool)('crm', 'Contact', ['003…', '003…']);
 */
import type { PostgresPool } from './connect.js';

export function postgresSourceHashes(pool: PostgresPool): (system: string, stream: string, recordIds: readonly string[]) => Promise<Map<string, string>> {
  return async function sourceHashes(system, stream, recordIds) {
    const hashes = new Map<string, string>();
    if (recordIds.length === 0) return hashes;
    const { rows } = await pool.query<{ record_id: string; hash: string }>(
      'SELECT record_id, hash FROM source_records WHERE system = $1 AND stream = $2 AND record_id = ANY($3::text[])',
      [system, stream, [...recordIds]],
    );
    for (const row of rows) hashes.set(row.record_id, row.hash);
    return hashes;
  };
}
