/**
 * The live Salesforce connector through the real pipeline and the SQLite store: a first sync, changes in the
 * org (create, update, soft delete, hard delete), a second sync; the store then holds what a fresh full sync
 * holds, with tombstones for both kinds of delete and the run balanced.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { planSync } from '../../src/pipeline/plan.js';
import { runSync } from '../../src/pipeline/run-sync.js';
import { modelValidator, realPlanDeps } from '../../src/pipeline/wiring.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { startSalesforceEmulator, type SalesforceEmulator } from '../emulators/salesforce/index.js';
import { envFor, systemConfig } from '../emulators/salesforce/harness.js';

describe('salesforce live sync into the SQLite store', () => {
  let sf: SalesforceEmulator;
  let dir: string;
  beforeAll(async () => {
    sf = await startSalesforceEmulator({ seed: 31, people: 400 });
    dir = mkdtempSync(join(tmpdir(), 'concord-sf-live-'));
  });
  afterAll(async () => {
    await sf.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function sync(store: Store, full = false, beforeRun: () => void = () => undefined) {
    const config = configSchema.parse({ systems: { crm: { ...systemConfig(sf), streams: ['Account', 'Contact', 'Lead'] } } });
    const env = envFor(sf);
    const plan = await planSync({ config, file: undefined, baseDir: dir }, { full }, realPlanDeps(config, env));
    expect(plan.plans.map((p) => p.stream).sort()).toEqual(['Account', 'Contact', 'Lead']);
    beforeRun();
    return runSync(store, plan.plans, plan.skipped, { pageSize: 500, validate: modelValidator('practical'), request: { command: 'sync' } });
  }

  async function liveIds(store: Store, stream: string): Promise<string[]> {
    const ids: string[] = [];
    for await (const batch of store.liveSourceIds('crm', stream)) ids.push(...batch);
    return ids.sort();
  }

  it('syncs twice with changes in between and agrees with a fresh full sync', async () => {
    const store = await openStore(`sqlite:${join(dir, 'incremental.db')}`);
    const first = await sync(store);
    expect(first).toMatchObject({ status: 'succeeded', balanced: true });
    expect(first.totals.loaded).toBeGreaterThan(0);
    const cursor = await store.getCursor('crm', 'Contact');
    expect(cursor).toMatchObject({ modstamp: expect.any(String), id: expect.any(String), deletedSince: expect.any(String), lastFullRead: expect.any(String) });

    const contacts = [...sf.org.table('Contact').keys()];
    const accountId = [...sf.org.table('Account').keys()][0]!;
    const created = sf.mutate.create('Contact', { FirstName: 'Noor', LastName: 'Haddad', Email: 'noor.haddad@example.com', AccountId: accountId });
    sf.mutate.update('Contact', contacts[0]!, { Email: 'updated.address@example.com' });
    sf.mutate.softDelete('Contact', contacts[1]!);
    sf.mutate.hardDelete('Contact', contacts[2]!);
    const ghost = sf.mutate.create('Contact', { LastName: 'Ghost' });
    sf.mutate.hardDelete('Contact', ghost); // created and hard-deleted between two syncs: never live in the store

    const second = await sync(store);
    expect(second).toMatchObject({ status: 'succeeded', balanced: true });
    const contactReport = second.streams.find((s) => s.stream === 'Contact')!;
    expect(contactReport.reconciledDeletes).toBe(0); // an incremental read: deletes came from queryAll and the deleted resource
    expect(contactReport.counts.deleted).toBeGreaterThanOrEqual(2);

    expect((await store.getSourceRecord('crm', 'Contact', created))?.fields['Email']).toBe('noor.haddad@example.com');
    expect((await store.getSourceRecord('crm', 'Contact', contacts[0]!))?.fields['Email']).toBe('updated.address@example.com');
    for (const gone of [contacts[1]!, contacts[2]!]) {
      expect((await store.getSourceRecord('crm', 'Contact', gone))?.deleted).toBe(true);
      const cim = await store.cimRecordsOfSource('crm', 'Contact', gone);
      expect(cim.length).toBeGreaterThan(0);
      expect(cim.every((r) => r.deleted)).toBe(true);
    }
    expect((await store.getSourceRecord('crm', 'Contact', ghost))?.deleted ?? true).toBe(true);
    expect(await liveIds(store, 'Contact')).not.toContain(ghost);
    const individuals = await store.cimRecordsOfSource('crm', 'Contact', created);
    expect(individuals.some((r) => r.entity === 'Individual' && !r.deleted)).toBe(true);

    // A fresh store filled by one full sync now holds the same live rows.
    const fresh = await openStore(`sqlite:${join(dir, 'fresh.db')}`);
    expect(await sync(fresh, true)).toMatchObject({ status: 'succeeded', balanced: true });
    for (const stream of ['Account', 'Contact', 'Lead']) expect(await liveIds(store, stream)).toEqual(await liveIds(fresh, stream));
    for (const id of (await liveIds(fresh, 'Contact')).slice(0, 50)) {
      expect((await store.getSourceRecord('crm', 'Contact', id))?.hash).toBe((await fresh.getSourceRecord('crm', 'Contact', id))?.hash);
    }
    await fresh.close();

    // A sync stopped by the quota is paused (never "succeeded"), keeps the checkpoint, and the next run resumes.
    sf.mutate.update('Lead', [...sf.org.table('Lead').keys()][0]!, { Email: 'late@example.com' });
    const before = await store.getCursor('crm', 'Lead');
    const stopped = await sync(store, false, () => sf.faults.setApiUsage(100_000, 100_000));
    expect(stopped.status).toBe('paused');
    expect((await store.getRun(stopped.runId))?.status).toBe('paused');
    expect(stopped.streams.map((s) => s.error).join(' ')).toContain('SALESFORCE_REQUEST_LIMIT_EXCEEDED');
    expect(await store.getCursor('crm', 'Lead')).toEqual(before);
    sf.faults.setApiUsage(0, 100_000);
    expect(await sync(store)).toMatchObject({ status: 'succeeded', balanced: true });
    expect((await store.getSourceRecord('crm', 'Lead', [...sf.org.table('Lead').keys()][0]!))?.fields['Email']).toBe('late@example.com');
    await store.close();
  });
});
