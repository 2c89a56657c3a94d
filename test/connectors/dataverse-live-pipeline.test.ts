/**
 * The live Dataverse connector through the real pipeline and the SQLite store: a first sync, changes in the
 * environment (create, update, delete, a row created and deleted in between), a second sync by delta links,
 * then a sync whose delta token expired; the store then holds what a fresh full sync holds, the deletions as
 * tombstones, and every run balanced.
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
import { startDataverseEmulator, type DataverseEmulator } from '../emulators/dataverse/index.js';
import { envFor, systemConfig } from '../emulators/dataverse/harness.js';

const STREAMS = ['account', 'contact', 'lead'];

describe('dataverse live sync into the SQLite store', () => {
  let dv: DataverseEmulator;
  let dir: string;
  beforeAll(async () => {
    dv = await startDataverseEmulator({ seed: 32, people: 300 });
    dir = mkdtempSync(join(tmpdir(), 'concord-dv-live-'));
  });
  afterAll(async () => {
    await dv.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function sync(store: Store, full = false) {
    const config = configSchema.parse({ systems: { dynamics: { ...systemConfig(dv), streams: STREAMS } } });
    const plan = await planSync({ config, file: undefined, baseDir: dir }, { full }, realPlanDeps(config, envFor(dv)));
    expect(plan.plans.map((p) => p.stream).sort()).toEqual(STREAMS);
    return runSync(store, plan.plans, plan.skipped, { pageSize: 100, validate: modelValidator('practical'), request: { command: 'sync' } });
  }

  async function liveIds(store: Store, stream: string): Promise<string[]> {
    const ids: string[] = [];
    for await (const batch of store.liveSourceIds('dynamics', stream)) ids.push(...batch);
    return ids.sort();
  }

  it('syncs by delta links with changes in between and agrees with a fresh full sync', async () => {
    const store = await openStore(`sqlite:${join(dir, 'incremental.db')}`);
    const first = await sync(store);
    expect(first).toMatchObject({ status: 'succeeded', balanced: true });
    expect(first.totals.loaded).toBeGreaterThan(0);
    expect(await store.getCursor('dynamics', 'contact')).toMatchObject({ deltaLink: expect.stringContaining('$deltatoken='), lastFullRead: expect.any(String) });
    const contacts = [...dv.environment.table('contact').keys()];
    const firstIndividuals = await store.cimRecordsOfSource('dynamics', 'contact', contacts[0]!);
    expect(firstIndividuals.some((r) => r.entity === 'Individual')).toBe(true);

    const accountId = [...dv.environment.table('account').keys()][0]!;
    const created = dv.mutate.create('contact', { firstname: 'Noor', lastname: 'Haddad', emailaddress1: 'noor.haddad@example.com', parentcustomerid: accountId, parentcustomeridtype: 'account' });
    dv.mutate.update('contact', contacts[0]!, { emailaddress1: 'updated.address@example.com' });
    dv.mutate.delete('contact', contacts[1]!);
    const ghost = dv.mutate.create('contact', { lastname: 'Ghost' });
    dv.mutate.delete('contact', ghost);

    const second = await sync(store);
    expect(second).toMatchObject({ status: 'succeeded', balanced: true });
    const contactReport = second.streams.find((s) => s.stream === 'contact')!;
    expect(contactReport.reconciledDeletes).toBe(0); // an incremental read: deletions came from the delta
    expect(contactReport.counts.deleted).toBeGreaterThanOrEqual(1);
    expect((await store.getSourceRecord('dynamics', 'contact', created))?.fields['emailaddress1']).toBe('noor.haddad@example.com');
    expect((await store.getSourceRecord('dynamics', 'contact', contacts[0]!))?.fields['emailaddress1']).toBe('updated.address@example.com');
    expect((await store.getSourceRecord('dynamics', 'contact', contacts[1]!))?.deleted).toBe(true);
    const cim = await store.cimRecordsOfSource('dynamics', 'contact', contacts[1]!);
    expect(cim.length).toBeGreaterThan(0);
    expect(cim.every((r) => r.deleted)).toBe(true);
    expect(await liveIds(store, 'contact')).not.toContain(ghost);
    expect((await store.cimRecordsOfSource('dynamics', 'contact', created)).some((r) => r.entity === 'Individual' && !r.deleted)).toBe(true);

    // The tokens expire with a deletion not yet read: the next sync reads in full and reconciles it.
    dv.mutate.delete('contact', contacts[2]!);
    dv.faults.expireDeltaTokens();
    const third = await sync(store);
    expect(third).toMatchObject({ status: 'succeeded', balanced: true });
    expect(third.streams.find((s) => s.stream === 'contact')!.reconciledDeletes).toBe(1);
    expect((await store.getSourceRecord('dynamics', 'contact', contacts[2]!))?.deleted).toBe(true);

    const fresh = await openStore(`sqlite:${join(dir, 'fresh.db')}`);
    expect(await sync(fresh, true)).toMatchObject({ status: 'succeeded', balanced: true });
    for (const stream of STREAMS) expect(await liveIds(store, stream)).toEqual(await liveIds(fresh, stream));
    for (const id of (await liveIds(fresh, 'contact')).slice(0, 50)) {
      expect((await store.getSourceRecord('dynamics', 'contact', id))?.hash).toBe((await fresh.getSourceRecord('dynamics', 'contact', id))?.hash);
    }
    await fresh.close();
    await store.close();
  });

  it('a full read cut short by a fault leaves no delta link; the next sync reads in full and reconciles', async () => {
    const store = await openStore(`sqlite:${join(dir, 'interrupted.db')}`);
    dv.faults.inject({ kind: 'status', status: 503, retryAfterSeconds: 0, times: 50, path: /contacts\?.*\$skiptoken=/ });
    const failed = await sync(store);
    dv.faults.clear();
    expect(failed.status).not.toBe('succeeded');
    const contactReport = failed.streams.find((s) => s.stream === 'contact')!;
    expect(contactReport.error).toContain('DATAVERSE_HTTP_503');
    expect(contactReport.reconciledDeletes).toBe(0);
    expect(await store.getCursor('dynamics', 'contact')).not.toHaveProperty('deltaLink');
    const stored = await liveIds(store, 'contact');
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.length).toBeLessThan(dv.environment.table('contact').size);

    dv.mutate.delete('contact', stored[0]!);
    const again = await sync(store);
    expect(again).toMatchObject({ status: 'succeeded', balanced: true });
    expect(again.streams.find((s) => s.stream === 'contact')!.reconciledDeletes).toBe(1);
    expect(await liveIds(store, 'contact')).toEqual([...dv.environment.table('contact').keys()].sort());
    expect(await store.getCursor('dynamics', 'contact')).toMatchObject({ deltaLink: expect.any(String) });
    await store.close();
  });
});
