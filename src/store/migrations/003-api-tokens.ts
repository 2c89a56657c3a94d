/**
 * API tokens for `concord serve`: only the SHA-256 of a token is kept, with its name and when it was made,
 * last used and revoked. A name is unique among live tokens (a revoked name may be issued again), so the
 * uniqueness is a partial index rather than a column constraint.
 */
import type { Migration } from './migration.js';

const stamp = { sqlite: 'text', postgres: 'timestamptz' } as const;
const serial = { sqlite: 'integer PRIMARY KEY AUTOINCREMENT', postgres: 'bigserial PRIMARY KEY' } as const;

function statements(d: 'sqlite' | 'postgres'): string[] {
  return [
    `CREATE TABLE api_tokens (
      id ${serial[d]},
      name text NOT NULL,
      token_hash text NOT NULL,
      created_at ${stamp[d]} NOT NULL,
      last_used_at ${stamp[d]},
      revoked_at ${stamp[d]}
    )`,
    'CREATE UNIQUE INDEX api_tokens_hash ON api_tokens (token_hash)',
    'CREATE UNIQUE INDEX api_tokens_live_name ON api_tokens (name) WHERE revoked_at IS NULL',
  ];
}

export const migration: Migration = { version: 3, name: 'api-tokens', sqlite: statements('sqlite'), postgres: statements('postgres') };
