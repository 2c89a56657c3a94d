/**
 * SQL DDL for the model: one `CREATE TABLE` per entity, table and column names exactly as the model spells them
 * (quoted, so `dUNSNumber` and `concord:ownerId` survive). Inverse collections are not stored and get no column.
 *
 * Column types: text for strings and ids; date-times as TIMESTAMPTZ in PostgreSQL and ISO-8601 TEXT in SQLite;
 * decimals as NUMERIC in PostgreSQL and TEXT in SQLite (SQLite's NUMERIC affinity would turn "1234.50" into a
 * float); booleans as BOOLEAN / INTEGER 0-1; polymorphic references as JSONB / TEXT holding `{ "type", "id" }`.
 * `id` is the primary key and (externalSourceId, externalRecordId) is unique.
 *
 * @example
 * toSql('postgres') // 'CREATE TABLE IF NOT EXISTS "Individual" (\n  "id" TEXT NOT NULL PRIMARY KEY, …'
 */
import type { EntityDef, PropertyDef } from './define.js';
import { ENTITIES } from './model.js';

export type SqlDialect = 'sqlite' | 'postgres';

/** Quotes an SQL identifier (both dialects use double quotes; embedded quotes are doubled). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * DDL for every entity, separated by blank lines.
 *
 * @example
 * new Database(':memory:').exec(toSql('sqlite'))
 */
export function toSql(dialect: SqlDialect): string {
  return ENTITIES.map((def) => createTable(def, dialect)).join('\n\n') + '\n';
}

/** The SQL column type of one property. */
export function columnType(prop: PropertyDef, dialect: SqlDialect): string {
  if (Array.isArray(prop.ref)) return dialect === 'postgres' ? 'JSONB' : 'TEXT';
  switch (prop.type) {
    case 'string':
    case 'id':
      return 'TEXT';
    case 'datetime':
      return dialect === 'postgres' ? 'TIMESTAMPTZ' : 'TEXT';
    case 'date':
      return dialect === 'postgres' ? 'DATE' : 'TEXT';
    case 'time':
      return 'TEXT';
    case 'boolean':
      return dialect === 'postgres' ? 'BOOLEAN' : 'INTEGER';
    case 'integer':
      return dialect === 'postgres' ? 'BIGINT' : 'INTEGER';
    case 'decimal':
    case 'amount':
    case 'percentage':
      return dialect === 'postgres' ? 'NUMERIC' : 'TEXT';
  }
}

function createTable(def: EntityDef, dialect: SqlDialect): string {
  const columns = def.properties
    .filter((p) => !p.collection)
    .map((p) => `  ${quoteIdent(p.name)} ${columnType(p, dialect)}${p.name === 'id' ? ' NOT NULL PRIMARY KEY' : ''}`);
  columns.push(`  UNIQUE (${quoteIdent('externalSourceId')}, ${quoteIdent('externalRecordId')})`);
  const comment = `-- ${def.namespace === 'concord' ? 'Concord extension entity' : `CIM ${def.area}`}: ${def.name}`;
  return `${comment}\nCREATE TABLE IF NOT EXISTS ${quoteIdent(def.name)} (\n${columns.join(',\n')}\n);`;
}
