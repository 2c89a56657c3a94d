/**
 * Every migration, in order. Add a new one as `NNN-name.ts` exporting `migration` and list it here; a test
 * checks that versions and file names agree.
 *
 * @example
 * for (const m of pendingMigrations(MIGRATIONS, applied)) apply(m);
 */
import { migration as initial } from './001-initial.js';
import { migration as identity } from './002-identity.js';
import { migration as apiTokens } from './003-api-tokens.js';
import { migration as profileSearch } from './004-profile-search.js';
import { migration as identityBlocking } from './005-identity-blocking.js';
import { migration as writeBack } from './006-write-back.js';
import { migration as writeBackEcho } from './007-write-back-echo.js';
import { migration as leases } from './008-leases.js';
import { migration as accountContacts } from './009-account-contacts.js';
import { migration as accountCases } from './010-account-cases.js';
import type { Migration } from './migration.js';

export const MIGRATIONS: readonly Migration[] = [initial, identity, apiTokens, profileSearch, identityBlocking, writeBack, writeBackEcho, leases, accountContacts, accountCases];

export { MIGRATIONS_TABLE, pendingMigrations, type Migration } from './migration.js';
