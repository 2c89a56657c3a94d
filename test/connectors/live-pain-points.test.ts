/**
 * The pain points of issue 5, each with the test that would fail if Concord's protection were removed. Most live
 * beside the connector they protect; this file adds the ones that had none.
 *
 * | pain point | protected by | tests |
 * |---|---|---|
 * | hard deletes never propagated | `deleted` resource + Id-set reconciliation (Salesforce), `$deletedEntity` + reconciled full read (Dataverse) | salesforce-live (fresh full read agrees after hard deletes; purged log reconciles), salesforce-live-pipeline, dataverse-live, dataverse-live-pipeline |
 * | quota exhaustion reported as success | quota guard, run `paused` | salesforce-live-faults (403 and quotaStopPercent), salesforce-live-pipeline (run paused, resumed); here: write-back under quota |
 * | records lost at timestamp ties | (SystemModstamp, Id) keyset with `>=` | salesforce-live (3,000 rows on one stamp, resumed mid-tie) |
 * | URI too long with many fields | Bulk for long field lists | salesforce-live (414 from the emulator; full and incremental by Bulk) |
 * | Bulk jobs stuck forever | job deadline, abort, REST fallback | salesforce-live-faults |
 * | duplicates after a retry | upsert by key, idempotent retries | salesforce-live-write, dataverse-live-write, writeback-live (lost answers after the vendor applied the write) |
 * | rows dropped silently | page counts checked, read problems dead-lettered, outcomes per row | dataverse-live (typed values), here: a Bulk page cut short, write answers cut short |
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { destination as dataverseDestination, dataverseSpec } from '../../src/connectors/dataverse/index.js';
import { destination as salesforceDestination, salesforceSpec } from '../../src/connectors/salesforce/index.js';
import { openStore } from '../../src/store/open.js';
import { runWriteBack } from '../../src/writeback/index.js';
import { startDataverseEmulator, type DataverseEmulator } from '../emulators/dataverse/index.js';
import * as dvHarness from '../emulators/dataverse/harness.js';
import { startSalesforceEmulator, type SalesforceEmulator } from '../emulators/salesforce/index.js';
import { drain, envFor, liveSource, systemConfig } from '../emulators/salesforce/harness.js';

describe('rows dropped silently', () => {
  let sf: SalesforceEmulator;
  let dv: DataverseEmulator;
  beforeAll(async () => {
    sf = await startSalesforceEmulator({ seed: 23, people: 300 });
    dv = await startDataverseEmulator({ seed: 23, people: 60 });
  });
  afterAll(async () => {
    await sf.close();
    await dv.close();
  });
  beforeEach(() => {
    sf.faults.clear();
    dv.faults.clear();
  });

  it('a Bulk results page cut short in transit loses no row: the read falls back to REST and reads every row', async () => {
    const live = [...sf.org.table('Contact').values()].filter((r) => r['IsDeleted'] !== true).length;
    sf.faults.bulkShortPage(1);
    const before = sf.server.requestLog.length;
    const { records } = await drain(liveSource(sf, { bulkThreshold: 1, bulkPageRows: 50 }), 'Contact', undefined);
    const requests = sf.server.requestLog.slice(before).map((r) => r.path);
    expect(requests.some((p) => /\/jobs\/query\/750[^/]+\/results$/.test(p))).toBe(true);
    expect(requests.some((p) => p.endsWith('/queryAll'))).toBe(true); // the fallback
    const ids = new Set(records.filter((r) => !r.deleted).map((r) => r.recordId));
    expect(ids.size).toBe(live);
  });

  it('a Salesforce write answer with a result missing is an error, never fewer outcomes than rows', async () => {
    const { type: _type, ...config } = systemConfig(sf);
    const writer = salesforceDestination.createWriter(salesforceSpec.parse(config), { baseDir: '.', env: envFor(sf), systemName: 'crm' });
    sf.faults.shortCollectionAnswer(1);
    await expect(writer.upsert('Contact', 'Concord_Id__c', [{ Concord_Id__c: 'short-1', LastName: 'One' }, { Concord_Id__c: 'short-2', LastName: 'Two' }])).rejects.toMatchObject({ code: 'SALESFORCE_WRITE_RESULT_MISMATCH', kind: 'transient' });
  });

  it('a Dataverse $batch answer with a part missing is an error, never fewer outcomes than rows', async () => {
    const { type: _type, ...config } = dvHarness.systemConfig(dv);
    const writer = dataverseDestination.createWriter(dataverseSpec.parse(config), { baseDir: '.', env: dvHarness.envFor(dv), systemName: 'dynamics' });
    dv.faults.shortBatchAnswer(1);
    await expect(writer.upsert('account', ['accountnumber'], [{ accountnumber: 'SHORT-1', name: 'One' }, { accountnumber: 'SHORT-2', name: 'Two' }])).rejects.toMatchObject({ code: 'DATAVERSE_BATCH_RESULT_MISMATCH', kind: 'transient' });
  });
});

describe('quota exhaustion during write-back', () => {
  let sf: SalesforceEmulator;
  beforeAll(async () => {
    sf = await startSalesforceEmulator({ seed: 29, people: 60 });
  });
  afterAll(async () => sf.close());

  it('is recorded as failed rows with the quota error, never as written, and nothing is sent', async () => {
    const store = await openStore('sqlite::memory:');
    try {
      await store.migrate();
      const config = configSchema.parse({
        systems: { crm: { ...systemConfig(sf), streams: ['Contact'] } },
        writeBack: [{ system: 'crm', stream: 'Contact', fields: { Email: 'email' } }],
      });
      // One profile whose golden email differs from what its Salesforce member holds.
      const contact = [...sf.org.table('Contact').values()].find((r) => typeof r['Email'] === 'string')!;
      const individual = '00000000-0000-5000-8000-000000000001';
      await store.commitPage({
        runId: 'seed', system: 'crm', stream: 'Contact', deletions: [], deadLetters: [],
        sourceRecords: [{ system: 'crm', stream: 'Contact', recordId: String(contact['Id']), fields: { Id: contact['Id'], Email: contact['Email'] }, hash: 'h' }],
        cimRecords: [{ id: individual, hash: 'c', source: { system: 'crm', stream: 'Contact', recordId: String(contact['Id']) }, record: { entity: 'Individual', data: { id: individual, externalSourceId: 'salesforce:x', externalRecordId: String(contact['Id']) } } }],
      });
      const at = new Date().toISOString();
      await store.applyIdentityChanges({
        profiles: [{ unifiedId: 'u-1', kind: 'person', createdAt: at, updatedAt: at, status: 'active', attributes: { email: { value: 'golden@example.com', provenance: { system: 'dynamics', recordId: 'x', externalRecordId: 'y' }, rule: 'most recent', candidates: 2 } } }],
        members: [{ recordId: individual, unifiedId: 'u-1', since: at }],
        removedMembers: [],
        history: [],
      });
      sf.faults.setApiUsage(99_000, 100_000);
      const writesBefore = sf.server.requestLog.filter((r) => r.method === 'PATCH').length;
      const report = await runWriteBack(store, config, { runId: 'quota-run', env: envFor(sf), baseDir: '.' });
      expect(report.rules[0]).toMatchObject({ written: 1, updated: 0, failed: 1 });
      expect(await store.listWriteBackOutcomes({ runId: 'quota-run' })).toEqual([expect.objectContaining({ outcome: 'failed', code: 'SALESFORCE_QUOTA_STOP' })]);
      expect(sf.server.requestLog.filter((r) => r.method === 'PATCH').length).toBe(writesBefore);
      expect(sf.org.table('Contact').get(String(contact['Id']))!['Email']).toBe(contact['Email']);
    } finally {
      sf.faults.setApiUsage(0, 100_000);
      await store.close();
    }
  });
});
