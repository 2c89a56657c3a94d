/**
 * Leases: a named, expiring claim that one process holds at a time (for example identity resolution, which
 * reads every membership before it writes). Times are ISO-8601 UTC text on both dialects so they compare as text.
 */
import type { Migration } from './migration.js';

const statements = [
  `CREATE TABLE leases (
    name text PRIMARY KEY,
    holder text NOT NULL,
    expires_at text NOT NULL
  )`,
];

export const migration: Migration = { version: 8, name: 'leases', sqlite: statements, postgres: statements };
