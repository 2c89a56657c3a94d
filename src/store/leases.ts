/**
 * Named leases in the store, so that two processes (a `concord serve` scheduler and a `concord sync` in a
 * terminal, or workers on several machines sharing PostgreSQL) never run the same exclusive step at once. A lease
 * is taken atomically (one upsert that only replaces an expired lease or one the caller already holds) and
 * expires by itself, so a holder killed with SIGKILL blocks others only until the expiry — or not at all when it
 * ran on this machine: a holder whose process is gone is replaced at once.
 *
 * @example
 * const holder = leaseHolder();
 * if ((await store.acquireLease('identity-resolve', holder, 3600)).acquired) try { … } finally { await store.releaseLease('identity-resolve', holder); }
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { StoreDialect } from './store.js';

export interface LeasesTable {
  name: string;
  holder: string;
  expires_at: string;
}

export interface LeaseState {
  acquired: boolean;
  /** Who holds the lease now (the caller when acquired). */
  holder: string;
  expiresAt: string;
}

export interface LeaseStore {
  /** Takes `name` for `ttlSeconds` unless another holder has it and it has not expired. */
  acquireLease(name: string, holder: string, ttlSeconds: number): Promise<LeaseState>;
  /** Takes `name` from `from` (a holder known to be gone), only if `from` still holds it. */
  takeOverLease(name: string, from: string, holder: string, ttlSeconds: number): Promise<boolean>;
  /** Gives `name` back, only if `holder` holds it. */
  releaseLease(name: string, holder: string): Promise<void>;
}

/** A holder name for this process: host, pid, and a random part so that two calls in one process differ. */
export function leaseHolder(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/** Pure: the host and pid a holder name carries. */
export function holderProcess(holder: string): { host: string; pid: number } | undefined {
  const m = /^(.*):(\d+):[0-9a-f]{8}$/.exec(holder);
  return m ? { host: m[1]!, pid: Number(m[2]) } : undefined;
}

export function leaseQueries<S>(kysely: Kysely<S>, _dialect: StoreDialect, clock: () => Date): LeaseStore {
  const db = kysely.withTables<{ leases: LeasesTable }>() as unknown as Kysely<{ leases: LeasesTable }>;
  const later = (seconds: number): string => new Date(clock().getTime() + seconds * 1000).toISOString();
  return {
    async acquireLease(name, holder, ttlSeconds) {
      const now = clock().toISOString();
      await db
        .insertInto('leases')
        .values({ name, holder, expires_at: later(ttlSeconds) })
        .onConflict((oc) =>
          oc.column('name').doUpdateSet({ holder: (eb) => eb.ref('excluded.holder'), expires_at: (eb) => eb.ref('excluded.expires_at') })
            .where((eb) => eb.or([eb('leases.expires_at', '<', now), eb('leases.holder', '=', holder)])),
        )
        .execute();
      const row = await db.selectFrom('leases').selectAll().where('name', '=', name).executeTakeFirstOrThrow();
      return { acquired: row.holder === holder, holder: row.holder, expiresAt: row.expires_at };
    },
    async takeOverLease(name, from, holder, ttlSeconds) {
      const result = await db.updateTable('leases').set({ holder, expires_at: later(ttlSeconds) }).where('name', '=', name).where('holder', '=', from).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async releaseLease(name, holder) {
      await db.deleteFrom('leases').where('name', '=', name).where('holder', '=', holder).execute();
    },
  };
}
