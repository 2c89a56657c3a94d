/**
 * Stored hashes of many source records in one statement per chunk: the ids travel as one JSON array
 * (`json_each`), so the statement is prepared once whatever the page size.
 *
 * @example
 * const hashes = sqliteSourceHashes(db)('crm', 'Contact', ['003…', '003…']);
 */
import type { SqliteDatabase } from './connect.js';

const CHUNK = 10_000;

export function sqliteSourceHashes(db: SqliteDatabase): (system: string, stream: string, recordIds: readonly string[]) => Map<string, string> {
  const select = db
    .prepare('SELECT record_id, hash FROM source_records WHERE system = ? AND stream = ? AND record_id IN (SELECT value FROM json_each(?))')
    .raw();
  return function sourceHashes(system, stream, recordIds) {
    const hashes = new Map<string, string>();
    for (let i = 0; i < recordIds.length; i += CHUNK) {
      const rows = select.all(system, stream, JSON.stringify(recordIds.slice(i, i + CHUNK))) as Array<[string, string]>;
      for (const [id, hash] of rows) hashes.set(id, hash);
    }
    return hashes;
  };
}
