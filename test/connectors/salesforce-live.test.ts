/**
 * The live Salesforce connector against the emulator: full and incremental reads agree after creates,
 * updates, soft and hard deletes; no row is lost when thousands share one SystemModstamp; Bulk and REST give the
 * same records; a field list too long for a GET goes by Bulk; discover comes from describe; every auth flow.
 */
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Source } from '../../src/connectors/connector.js';
import { createSource } from '../../src/connectors/registry.js';
import type { SourceRecord } from '../../src/store/store.js';
import { startSalesforceEmulator, type SalesforceEmulator } from '../emulators/salesforce/index.js';
import { applyPages, drain, ENV_NAMES, envFor, live, liveSource, systemConfig } from '../emulators/salesforce/harness.js';

function lastMode(source: Source, stream: string): unknown {
  return (source as unknown as { lastMode: Map<string, unknown> }).lastMode.get(stream);
}

function byId(records: readonly SourceRecord[]): Map<string, SourceRecord> {
  return new Map(records.map((r) => [r.recordId, r]));
}

describe('salesforce live reads', () => {
  let sf: SalesforceEmulator;
  beforeAll(async () => {
    sf = await startSalesforceEmulator({ seed: 11, people: 600 });
  });
  afterAll(async () => sf.close());

  it('agrees with a fresh full read after creates, updates, soft and hard deletes', async () => {
    const source = liveSource(sf);
    const replica = new Map<string, SourceRecord>();
    const first = await drain(source, 'Contact', undefined, 200);
    applyPages(replica, first);
    expect(first.pages.every((p) => p.fullRead === true)).toBe(true);
    const existing = [...sf.org.table('Contact').keys()];

    const created = [1, 2, 3, 4, 5].map((i) => sf.mutate.create('Contact', { LastName: `New${i}`, Email: `new${i}@example.com` }));
    sf.mutate.update('Contact', existing[0]!, { Email: 'changed@example.com' });
    sf.mutate.update('Contact', created[0]!, { FirstName: 'Renamed' });
    sf.mutate.softDelete('Contact', existing[1]!);
    sf.mutate.hardDelete('Contact', existing[2]!);
    sf.mutate.softDelete('Contact', existing[3]!);
    sf.mutate.hardDelete('Contact', existing[3]!); // emptied from the Recycle Bin
    sf.mutate.hardDelete('Contact', created[1]!); // created and gone between two syncs

    const second = await drain(source, 'Contact', first.cursor, 200);
    expect(lastMode(source, 'Contact')).toEqual({ full: false, bulk: false });
    expect(second.pages.every((p) => p.fullRead === false)).toBe(true);
    applyPages(replica, second);

    const fresh = applyPages(new Map(), await drain(liveSource(sf), 'Contact', undefined, 200));
    expect(live(replica)).toEqual(live(fresh));
    const rows = live(replica);
    expect(rows.get(existing[0]!)?.['Email']).toBe('changed@example.com');
    expect(rows.get(created[0]!)?.['FirstName']).toBe('Renamed');
    for (const gone of [existing[1]!, existing[2]!, existing[3]!, created[1]!]) expect(rows.has(gone)).toBe(false);
    // Hard deletes arrive from the deleted resource as field-less tombstones; the soft delete as a row with IsDeleted.
    const deletions = second.records.filter((r) => r.deleted);
    expect(deletions.filter((r) => Object.keys(r.fields).length === 0).map((r) => r.recordId)).toEqual(expect.arrayContaining([existing[2]!, existing[3]!, created[1]!]));
    expect(deletions.find((r) => r.recordId === existing[1]! && r.fields['Id'] !== undefined)?.fields['IsDeleted']).toBe('true');
  });

  it('loses none of 3,000 rows sharing one SystemModstamp, read in chunks and resumed mid-tie', async () => {
    const config = { lookbackSeconds: 0, queryChunkRows: 1000 };
    const source = liveSource(sf, config);
    const start = await drain(source, 'Lead', undefined);
    const ids = Array.from({ length: 3000 }, (_, i) => sf.mutate.create('Lead', { LastName: `Tie${i}`, Company: 'Tie Co', Status: 'Open - Not Contacted' }));
    sf.mutate.touchMany('Lead', ids, sf.org.now() + 1000);

    const whole = await drain(source, 'Lead', start.cursor, 500);
    const tied = whole.records.filter((r) => ids.includes(r.recordId));
    expect(new Set(tied.map((r) => r.recordId)).size).toBe(3000);
    expect(new Set(tied.map((r) => r.modstamp)).size).toBe(1);

    // Stop after the third page (inside the tie) and resume from its cursor, as after a crash.
    const partial: SourceRecord[] = [];
    let cursor = start.cursor;
    let pages = 0;
    for await (const page of liveSource(sf, config).read('Lead', { cursor: start.cursor, pageSize: 500 })) {
      partial.push(...page.records);
      cursor = page.cursor;
      if (++pages === 3) break;
    }
    const rest = await drain(liveSource(sf, config), 'Lead', cursor, 500);
    const seen = new Set([...partial, ...rest.records].map((r) => r.recordId));
    expect(ids.filter((id) => !seen.has(id))).toEqual([]);
  });

  it('reads the same records by Bulk API 2.0 as by REST', async () => {
    const bulkSource = liveSource(sf, { bulkThreshold: 0, bulkPageRows: 20 });
    const before = sf.server.requestLog.length;
    const bulk = await drain(bulkSource, 'Account', undefined);
    expect(lastMode(bulkSource, 'Account')).toEqual({ full: true, reason: 'no-cursor', bulk: true });
    const log = sf.server.requestLog.slice(before);
    expect(log.some((r) => r.method === 'POST' && r.path.endsWith('/jobs/query'))).toBe(true);
    expect(log.filter((r) => r.path.endsWith('/results')).length).toBeGreaterThan(1);
    const rest = await drain(liveSource(sf), 'Account', undefined);
    expect(byId(bulk.records)).toEqual(byId(rest.records));
    expect(bulk.cursor).toMatchObject({ modstamp: rest.cursor?.['modstamp'], id: rest.cursor?.['id'] });
  });

  it('builds discover from describe: types, compound, formula and base64 fields', async () => {
    const streams = await liveSource(sf).discover();
    expect(streams.map((s) => s.name)).toEqual(expect.arrayContaining(['Account', 'Contact', 'Lead', 'Opportunity', 'Case', 'Campaign', 'CampaignMember', 'User']));
    const contact = streams.find((s) => s.name === 'Contact')!;
    const type = (name: string) => contact.fields.find((f) => f.name === name)?.type;
    expect([type('Email'), type('Birthdate'), type('SystemModstamp'), type('MailingAddress'), type('AccountId')]).toEqual(['email', 'date', 'datetime', 'address', 'reference']);
    expect(contact).toMatchObject({ idField: 'Id', modstampField: 'SystemModstamp', estimatedRows: sf.org.table('Contact').size - [...sf.org.table('Contact').values()].filter((r) => r['IsDeleted'] === true).length });
    // Compound aggregates and base64 blobs are not selected; formula fields are.
    const account = await drain(liveSource(sf), 'Account', undefined);
    const keys = new Set(account.records.flatMap((r) => Object.keys(r.fields)));
    expect(keys.has('BillingAddress') || keys.has('Logo__c')).toBe(false);
    expect(keys.has('BillingCity')).toBe(true);
    const contacts = await drain(liveSource(sf), 'Contact', undefined);
    expect(contacts.records.some((r) => r.fields['Days_Since_Created__c'] !== undefined)).toBe(true);
  });

  it('reconciles by a full read when the deleted log no longer reaches back to the cursor', async () => {
    const source = liveSource(sf);
    const replica = new Map<string, SourceRecord>();
    const first = await drain(source, 'Case', undefined);
    applyPages(replica, first);
    const victim = [...sf.org.table('Case').keys()][0]!;
    sf.mutate.hardDelete('Case', victim);
    sf.mutate.purgeDeletedLog(Date.now() + 60_000);
    const second = await drain(source, 'Case', first.cursor);
    expect(lastMode(source, 'Case')).toEqual({ full: true, reason: 'deletes-purged', bulk: false });
    expect(second.pages.every((p) => p.fullRead === true)).toBe(true);
    applyPages(replica, second);
    expect(live(replica).has(victim)).toBe(false);
    sf.org.earliestDeletedAvailable = Date.now() - 30 * 86_400_000;
  });
});

describe('a field list too long for a GET', () => {
  let sf: SalesforceEmulator;
  beforeAll(async () => {
    sf = await startSalesforceEmulator({ seed: 5, people: 150, customFields: { Contact: 800 } });
  });
  afterAll(async () => sf.close());

  it('is what the emulator answers 414 to', async () => {
    const token = (await (await fetch(`${sf.url}/services/oauth2/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials', client_id: sf.credentials.clientId, client_secret: sf.credentials.clientSecret }) })).json()) as { access_token: string };
    const fields = Array.from({ length: 800 }, (_, i) => `Extra_Field_${String(i + 1).padStart(4, '0')}__c`).join(', ');
    const response = await fetch(`${sf.url}/services/data/v62.0/queryAll?q=${encodeURIComponent(`SELECT Id, ${fields} FROM Contact`)}`, { headers: { Authorization: `Bearer ${token.access_token}` } });
    expect(response.status).toBe(414);
  });

  it('goes by Bulk for full and incremental reads, with every row and every field', async () => {
    const source = liveSource(sf);
    const before = sf.server.requestLog.length;
    const full = await drain(source, 'Contact', undefined);
    expect(lastMode(source, 'Contact')).toEqual({ full: true, reason: 'no-cursor', bulk: true });
    expect(full.records.length).toBe(sf.org.table('Contact').size);
    const id = [...sf.org.table('Contact').keys()][0]!;
    sf.mutate.update('Contact', id, { Extra_Field_0800__c: 'the last field' });
    const next = await drain(source, 'Contact', full.cursor);
    expect(lastMode(source, 'Contact')).toEqual({ full: false, bulk: true });
    expect(next.records.find((r) => r.recordId === id)?.fields['Extra_Field_0800__c']).toBe('the last field');
    expect(sf.server.requestLog.slice(before).filter((r) => r.status === 414)).toEqual([]);
  });
});

describe('salesforce live auth', () => {
  let sf: SalesforceEmulator;
  beforeAll(async () => {
    sf = await startSalesforceEmulator({ seed: 2, people: 50 });
  });
  afterAll(async () => sf.close());

  it('authenticates with a refresh token', async () => {
    const source = liveSource(sf, { auth: { flow: 'refresh-token', clientIdEnv: ENV_NAMES.clientId, clientSecretEnv: ENV_NAMES.clientSecret, refreshTokenEnv: ENV_NAMES.refreshToken } });
    expect(await source.check()).toMatchObject({ ok: true, message: expect.stringContaining(`org ${sf.orgId}`) });
  });

  it('authenticates with a signed JWT bearer assertion', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const env = envFor(sf, { [ENV_NAMES.privateKey]: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() });
    const auth = { flow: 'jwt-bearer', clientIdEnv: ENV_NAMES.clientId, username: sf.credentials.username, privateKeyEnv: ENV_NAMES.privateKey };
    expect((await liveSource(sf, { auth }, env).check()).ok).toBe(true);
    const wrongUser = liveSource(sf, { auth: { ...auth, username: 'someone@else.com' } }, env);
    await expect(wrongUser.discover()).rejects.toMatchObject({ code: 'SALESFORCE_AUTH_INVALID_GRANT', kind: 'auth' });
  });

  it('names the fix when the secret is wrong, missing, or the org differs', async () => {
    const wrong = liveSource(sf, {}, envFor(sf, { [ENV_NAMES.clientSecret]: 'nope' }));
    expect(await wrong.check()).toMatchObject({ ok: false, message: expect.stringContaining('SALESFORCE_AUTH_INVALID_CLIENT') });
    await expect(drain(wrong, 'Contact', undefined)).rejects.toMatchObject({ kind: 'auth', hint: expect.stringContaining('auth.clientSecretEnv') });
    const missing = liveSource(sf, {}, {});
    await expect(missing.discover()).rejects.toMatchObject({ code: 'SALESFORCE_SECRET_MISSING', kind: 'config', hint: expect.stringContaining(`export ${ENV_NAMES.clientId}=`) });
    const otherOrg = liveSource(sf, { orgId: '00D000000000001' });
    expect(await otherOrg.check()).toMatchObject({ ok: false, message: expect.stringContaining('not orgId') });
  });

  it('refuses a secret written into the config instead of a variable name', () => {
    expect(() => createSource('crm', systemConfig(sf, { auth: { flow: 'client-credentials', clientIdEnv: '3MVG9xyz.secret', clientSecretEnv: ENV_NAMES.clientSecret } }), { baseDir: '.', env: {} })).toThrow(
      expect.objectContaining({ kind: 'config', message: expect.stringContaining('NAME of an environment variable') }),
    );
  });
});
