/**
 * The live Dataverse connector against the Web API emulator: metadata, typed values equal to the cdm-folder
 * connector's, full and change-tracked reads that agree after creates, updates and deletes, an expired delta
 * token falling back to a reconciled full read, and each injected fault ending correct or with a clear error.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Source } from '../../src/connectors/connector.js';
import { cdmRecord } from '../../src/connectors/cdm-folder/record.js';
import type { CdmType } from '../../src/connectors/cdm-folder/cdm-types.js';
import { DataverseClient } from '../../src/connectors/dataverse/client.js';
import { dataverseSpec } from '../../src/connectors/dataverse/spec.js';
import type { ReadMode } from '../../src/connectors/dataverse/source.js';
import { DATAVERSE_COLUMNS } from '../../src/demo/columns.js';
import { startDataverseEmulator, type DataverseEmulator } from '../emulators/dataverse/index.js';
import { applyPages, drain, envFor, live, liveSource, systemConfig } from '../emulators/dataverse/harness.js';
import type { Cursor, SourceRecord } from '../../src/store/store.js';
import { mulberry32 } from '../../src/core/random.js';

type LiveSource = Source & { client: DataverseClient; lastMode: Map<string, ReadMode> };

describe('dataverse live source', () => {
  let dv: DataverseEmulator;
  beforeAll(async () => {
    dv = await startDataverseEmulator({ seed: 11, people: 300 });
  });
  afterAll(() => dv.close());
  beforeEach(() => dv.faults.clear());

  it('checks the environment and discovers the tables with typed columns', async () => {
    const source = liveSource(dv);
    expect(await source.check()).toMatchObject({ ok: true, message: expect.stringContaining(dv.organizationId) });
    const streams = await source.discover();
    expect(streams.map((s) => s.name)).toEqual(['account', 'contact', 'lead', 'opportunity', 'incident']);
    const contact = streams.find((s) => s.name === 'contact')!;
    expect(contact).toMatchObject({ idField: 'contactid', modstampField: 'modifiedon' });
    expect(contact.fields).toEqual(expect.arrayContaining([{ name: 'parentcustomerid', type: 'guid' }, { name: 'parentcustomeridtype', type: 'string' }, { name: 'gendercode', type: 'int64' }, { name: 'donotemail', type: 'boolean' }]));
    expect(contact.fields.map((f) => f.name)).not.toContain('entityimage');
    expect(contact.fields.map((f) => f.name)).not.toContain('parentcustomeridname');
  });

  it('a wrong organizationId fails the check with the id the environment has', async () => {
    const check = await liveSource(dv, { organizationId: '00000000-0000-0000-0000-000000000001' }).check();
    expect(check).toMatchObject({ ok: false, message: expect.stringContaining(dv.organizationId) });
  });

  it.each(Object.keys(DATAVERSE_COLUMNS))('reads %s with the values the cdm-folder connector reads from the same rows', async (table) => {
    const { records, pages } = await drain(liveSource(dv), table, undefined, 5000);
    expect(pages.every((p) => p.fullRead === true && p.problems.length === 0)).toBe(true);
    const rows = dv.environment.table(table);
    expect(records.length).toBe(rows.size);
    const columns = DATAVERSE_COLUMNS[table as keyof typeof DATAVERSE_COLUMNS];
    const types = new Map<string, CdmType>(columns.map(([c, t]) => [c, t as CdmType]));
    for (const record of records.slice(0, 40)) {
      const row = rows.get(record.recordId)!;
      const values = columns.map(([c]) => (row[c] === null || row[c] === undefined ? '' : String(row[c])));
      const fromCdm = cdmRecord('dynamics', types, table, `${table}id`, { columns: columns.map(([c]) => c), values, line: 1, file: 'x.csv' });
      expect(fromCdm.ok).toBe(true);
      if (fromCdm.ok) expect(record.fields).toEqual(fromCdm.value.fields);
    }
  });

  it('pages with odata.maxpagesize; only the last page carries the delta link', async () => {
    const { pages, cursor } = await drain(liveSource(dv, { pageSize: 50 }), 'contact', undefined);
    expect(pages.length).toBe(Math.ceil(dv.environment.table('contact').size / 50));
    expect(pages.slice(0, -1).every((p) => Object.keys(p.cursor).length === 0)).toBe(true);
    expect(cursor).toMatchObject({ deltaLink: expect.stringContaining('$deltatoken='), lastFullRead: expect.any(String) });
    expect(new Set(pages.flatMap((p) => p.records.map((r) => r.recordId))).size).toBe(dv.environment.table('contact').size);
  });

  it('incremental reads follow the delta link and agree with a fresh full read after creates, updates and deletes', async () => {
    const source = liveSource(dv, { pageSize: 40 }) as LiveSource;
    const replica = new Map<string, SourceRecord>();
    const first = await drain(source, 'contact', undefined);
    applyPages(replica, first);

    const ids = [...dv.environment.table('contact').keys()];
    const accountId = [...dv.environment.table('account').keys()][0]!;
    const created = dv.mutate.create('contact', { firstname: 'Noor', lastname: 'Haddad', emailaddress1: 'noor.haddad@example.com', parentcustomerid: accountId, parentcustomeridtype: 'account' });
    dv.mutate.update('contact', ids[0]!, { emailaddress1: 'updated.address@example.com' });
    dv.mutate.delete('contact', ids[1]!);
    const ghost = dv.mutate.create('contact', { lastname: 'Ghost' });
    dv.mutate.delete('contact', ghost);

    const second = await drain(source, 'contact', first.cursor);
    expect(source.lastMode.get('contact')).toEqual({ full: false });
    expect(second.pages.every((p) => p.fullRead === false)).toBe(true);
    expect(second.records.filter((r) => !r.deleted).map((r) => r.recordId).sort()).toEqual([created, ids[0]!].sort());
    expect(second.records.filter((r) => r.deleted).map((r) => r.recordId).sort()).toEqual([ids[1]!, ghost].sort());
    expect(second.records.find((r) => r.recordId === created)?.fields).toMatchObject({ parentcustomerid: accountId, parentcustomeridtype: 'account', lastname: 'Haddad' });
    expect(second.cursor?.['deltaLink']).not.toBe(first.cursor?.['deltaLink']);
    expect(second.cursor?.['lastFullRead']).toBe(first.cursor?.['lastFullRead']);
    applyPages(replica, second);

    const quiet = await drain(source, 'contact', second.cursor);
    expect(quiet.records).toEqual([]);

    const fresh = applyPages(new Map(), await drain(liveSource(dv), 'contact', undefined));
    expect(live(replica)).toEqual(live(fresh));
  });

  it.each([1, 2, 3])('rounds of random changes (seed %i): the delta replica always equals a fresh full read', async (seed) => {
    const random = mulberry32(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const tables = ['account', 'contact', 'lead'] as const;
    const source = liveSource(dv, { pageSize: 7 });
    const replicas = new Map<string, Map<string, SourceRecord>>();
    const cursors = new Map<string, Cursor | undefined>();
    for (const table of tables) {
      const first = await drain(source, table, undefined);
      replicas.set(table, applyPages(new Map(), first));
      cursors.set(table, first.cursor);
    }
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 12; i++) {
        const table = pick(tables);
        const ids = [...dv.environment.table(table).keys()];
        const action = random();
        if (action < 0.35) dv.mutate.create(table, { [table === 'account' ? 'name' : 'lastname']: `R${seed}-${round}-${i}` });
        else if (action < 0.75) dv.mutate.update(table, pick(ids), { emailaddress1: `r${round}.c${i}@example.com` });
        else dv.mutate.delete(table, pick(ids));
      }
      for (const table of tables) {
        const delta = await drain(source, table, cursors.get(table));
        expect(delta.pages.every((p) => p.fullRead === false)).toBe(true);
        applyPages(replicas.get(table)!, delta);
        cursors.set(table, delta.cursor);
        const fresh = applyPages(new Map(), await drain(liveSource(dv), table, undefined));
        expect(live(replicas.get(table)!)).toEqual(live(fresh));
      }
    }
  });

  it('an expired delta token turns the read into a full read that reconciles deletions', async () => {
    const source = liveSource(dv) as LiveSource;
    const replica = new Map<string, SourceRecord>();
    const first = await drain(source, 'lead', undefined);
    applyPages(replica, first);
    const gone = [...dv.environment.table('lead').keys()][3]!;
    dv.mutate.delete('lead', gone);
    dv.faults.expireDeltaTokens();

    const second = await drain(source, 'lead', first.cursor);
    expect(source.lastMode.get('lead')).toEqual({ full: true, reason: 'token-expired' });
    expect(second.pages.every((p) => p.fullRead === true)).toBe(true);
    expect(second.records.some((r) => r.recordId === gone)).toBe(false);
    applyPages(replica, second);
    expect(replica.get(gone)?.deleted).toBe(true);
    expect(new Set(second.records.map((r) => r.recordId)).size).toBe(second.records.length);
    expect(live(replica)).toEqual(live(applyPages(new Map(), await drain(liveSource(dv), 'lead', undefined))));
    // The new token works again.
    expect((await drain(source, 'lead', second.cursor)).pages.every((p) => p.fullRead === false)).toBe(true);
  });

  it('a full read is due again after reconcileAfterDays, even with a valid delta link', async () => {
    const source = liveSource(dv) as LiveSource;
    const first = await drain(source, 'opportunity', undefined);
    const stale = { ...first.cursor, lastFullRead: new Date(Date.now() - 8 * 86_400_000).toISOString() };
    const second = await drain(source, 'opportunity', stale);
    expect(source.lastMode.get('opportunity')).toEqual({ full: true, reason: 'reconcile-due' });
    expect(second.pages.every((p) => p.fullRead === true)).toBe(true);
    expect(second.records.length).toBe(dv.environment.table('opportunity').size);
    expect(Date.parse(String(second.cursor?.['lastFullRead']))).toBeGreaterThan(Date.parse(stale.lastFullRead));
  });

  it('a table without change tracking is read in full every time', async () => {
    dv.faults.setChangeTracking('incident', false);
    try {
      const source = liveSource(dv) as LiveSource;
      const first = await drain(source, 'incident', undefined);
      expect(first.cursor).toEqual({ lastFullRead: expect.any(String) });
      const second = await drain(source, 'incident', first.cursor);
      expect(source.lastMode.get('incident')).toEqual({ full: true, reason: 'no-change-tracking' });
      expect(second.records.length).toBe(dv.environment.table('incident').size);
    } finally {
      dv.faults.setChangeTracking('incident', true);
    }
  });
});

describe('dataverse live source under faults', () => {
  let dv: DataverseEmulator;
  beforeAll(async () => {
    dv = await startDataverseEmulator({ seed: 12, people: 120 });
  });
  afterAll(() => dv.close());
  beforeEach(() => dv.faults.clear());

  const expected = () => dv.environment.table('account').size;

  it.each([
    ['429 with Retry-After (service protection)', { kind: 'status', status: 429, retryAfterSeconds: 0, times: 2 }],
    ['503', { kind: 'status', status: 503, times: 2 }],
    ['a dropped connection', { kind: 'drop', times: 1 }],
    ['a slow answer past the request deadline', { kind: 'slow', ms: 1500, times: 1 }],
  ] as const)('ends correct after %s on a data page', async (_, fault) => {
    const source = liveSource(dv, { pageSize: 20, requestTimeoutSeconds: 1 }) as LiveSource;
    await source.discover();
    dv.faults.inject({ ...fault, path: /\/accounts/ });
    const { records } = await drain(source, 'account', undefined);
    expect(new Set(records.map((r) => r.recordId)).size).toBe(expected());
    expect(records.length).toBe(expected());
    expect(source.client.retries).toBeGreaterThan(0);
  });

  it('refreshes the token once when Dataverse answers 401', async () => {
    const source = liveSource(dv, { pageSize: 20 }) as LiveSource;
    await source.discover();
    dv.faults.inject({ kind: 'expire-token', path: /\/accounts/ });
    const { records } = await drain(source, 'account', undefined);
    expect(records.length).toBe(expected());
    expect(source.client.tokenRequests).toBe(2);
  });

  it('requests a new token before the old one expires', async () => {
    let now = Date.now();
    const { type: _type, ...raw } = systemConfig(dv);
    const client = new DataverseClient(dataverseSpec.parse(raw), envFor(dv), 'dynamics', () => now);
    await client.json('/WhoAmI');
    await client.json('/WhoAmI');
    expect(client.tokenRequests).toBe(1);
    now += 3600 * 1000; // the emulator's tokens last 3,599 s
    await client.json('/WhoAmI');
    expect(client.tokenRequests).toBe(2);
  });

  it('a fault that does not clear ends with a transient ConcordError naming the stream', async () => {
    const source = liveSource(dv, { maxAttempts: 3 });
    dv.faults.inject({ kind: 'status', status: 503, retryAfterSeconds: 0, times: 10, path: /\/accounts/ });
    await expect(drain(source, 'account', undefined)).rejects.toMatchObject({ code: 'DATAVERSE_HTTP_503', kind: 'transient', context: { stream: 'account', status: 503 } });
  });

  it('service protection that does not clear ends with the limit named in the hint', async () => {
    const source = liveSource(dv, { maxAttempts: 2 });
    dv.faults.inject({ kind: 'status', status: 429, retryAfterSeconds: 0, times: 10, path: /\/accounts/ });
    await expect(drain(source, 'account', undefined)).rejects.toMatchObject({ code: 'DATAVERSE_0X80072322', hint: expect.stringContaining('6,000 requests') });
  });

  it.each([
    ['a wrong client secret', { DV_TEST_CLIENT_SECRET: 'wrong' }, {}, 'DATAVERSE_INVALID_CLIENT', 'auth'],
    ['an unknown tenant', {}, { tenantId: 'contoso.onmicrosoft.com' }, 'DATAVERSE_INVALID_REQUEST', 'auth'],
    ['a missing secret variable', { DV_TEST_CLIENT_SECRET: '' }, {}, 'DATAVERSE_SECRET_MISSING', 'config'],
    ['an unknown table', {}, {}, 'DATAVERSE_TABLE_UNKNOWN', 'config'],
  ] as const)('%s is a clear error', async (name, env, overrides, code, kind) => {
    const source = liveSource(dv, overrides, envFor(dv, env));
    await expect(drain(source, name === 'an unknown table' ? 'contactz' : 'account', undefined)).rejects.toMatchObject({ code, kind, hint: expect.any(String) });
  });
});
