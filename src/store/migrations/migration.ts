/**
 * A schema migration: a version, a name, and the statements that apply it on each dialect. Migrations are
 * append-only: once released, a migration's SQL never changes; a later migration alters what an earlier one made.
 *
 * @example
 * export const migration: Migration = { version: 2, name: 'identity', sqlite: ['CREATE TABLE …'], postgres: ['CREATE TABLE …'] };
 */
export interface Migration {
  /** Strictly increasing, matches the `NNN-` prefix of the file name. */
  readonly version: number;
  /** kebab-case, matches the rest of the file name. */
  readonly name: string;
  readonly sqlite: readonly string[];
  readonly postgres: readonly string[];
}

/** Name of the table that records applied migrations (one row per version). */
export const MIGRATIONS_TABLE = 'concord_migrations';

/** Migrations not yet applied, in version order. */
export function pendingMigrations(all: readonly Migration[], applied: ReadonlySet<number>): Migration[] {
  return all.filter((m) => !applied.has(m.version)).sort((a, b) => a.version - b.version);
}
