/**
 * Every migration, in order. Add a new one as `NNN-name.ts` exporting `migration` and list it here; a test
 * checks that versions and file names agree.
 *
 * @example
 * for (const m of pendingMigrations(MIGRATIONS, applied)) apply(m);
 */
import { migration as initial } from './001-initial.js';
import type { Migration } from './migration.js';

export const MIGRATIONS: readonly Migration[] = [initial];

export { MIGRATIONS_TABLE, pendingMigrations, type Migration } from './migration.js';
