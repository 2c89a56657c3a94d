/**
 * The emulator against the documented protocol (vendor notes A1–A10), with plain fetch, independent of the
 * connector: token grants, versions, limits header, query paging, queryAll, replication resources, Bulk 2.0.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSalesforceEmulator, type SalesforceEmulator } from './index.js';

let sf: SalesforceEmulator;
let token: string;

const base = () => `${sf.url}/services/data/v62.0`;
async function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base()}${path}`, { headers: { Authorization: `Bearer ${token}`, ...headers } });
}
async function tokenRequest(form: Record<string, string>): Promise<Response> {
  return fetch(`${sf.url}/services/oauth2/token`, { method: 'POST', body: new URLSearchParams(form) });
}
function jwt(header: object, claims: object): string {
  const enc = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
  return `${enc(header)}.${enc(claims)}.c2lnbmF0dXJl`;
}

beforeAll(async () => {
  sf = await startSalesforceEmulator({ seed: 8, people: 5000 });
  const response = await tokenRequest({ grant_type: 'client_credentials', client_id: sf.credentials.clientId, client_secret: sf.credentials.clientSecret });
  token = ((await response.json()) as { access_token: string }).access_token;
});
afterAll(async () => sf.close());

describe('Salesforce emulator', () => {
  it('issues tokens with id and instance_url, and refuses bad grants in the OAuth error shape', async () => {
    const ok = (await (await tokenRequest({ grant_type: 'refresh_token', client_id: sf.credentials.clientId, refresh_token: sf.credentials.refreshToken })).json()) as Record<string, string>;
    expect(ok).toMatchObject({ token_type: 'Bearer', instance_url: sf.url, id: `${sf.url}/id/${sf.orgId}/${sf.org.userId}`, issued_at: expect.stringMatching(/^\d+$/), signature: expect.any(String) });
    const bad = await tokenRequest({ grant_type: 'client_credentials', client_id: sf.credentials.clientId, client_secret: 'x' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'invalid_client', error_description: 'invalid client credentials' });
    expect(await (await tokenRequest({ grant_type: 'password' })).json()).toMatchObject({ error: 'unsupported_grant_type' });
  });

  it.each([
    ['a valid assertion', { alg: 'RS256' }, {}, 200],
    ['alg none', { alg: 'none' }, {}, 400],
    ['another audience', { alg: 'RS256' }, { aud: 'https://evil.example' }, 400],
    ['an expired assertion', { alg: 'RS256' }, { exp: Math.floor(Date.now() / 1000) - 10 }, 400],
    ['exp too far ahead', { alg: 'RS256' }, { exp: Math.floor(Date.now() / 1000) + 3600 }, 400],
  ])('checks the JWT bearer claims: %s', async (_name, header, claims, status) => {
    const assertion = jwt(header, { iss: sf.credentials.clientId, sub: sf.credentials.username, aud: 'https://login.salesforce.com', exp: Math.floor(Date.now() / 1000) + 120, ...claims });
    expect((await tokenRequest({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion })).status).toBe(status);
  });

  it('lists versions without auth and without the limits header; API calls carry it', async () => {
    const versions = await fetch(`${sf.url}/services/data/`);
    expect(versions.headers.get('sforce-limit-info')).toBeNull();
    expect(await versions.json()).toContainEqual({ label: 'v62.0', url: '/services/data/v62.0', version: '62.0' });
    const describe = await get('/sobjects');
    expect(describe.headers.get('sforce-limit-info')).toMatch(/^api-usage=\d+\/100000$/);
    expect((await fetch(`${base()}/sobjects`)).status).toBe(401);
  });

  it('pages queries by 2,000 with nextRecordsUrl, honours batchSize, and hides soft deletes from query', async () => {
    const total = sf.org.table('Contact').size;
    expect(total).toBeGreaterThan(2000);
    const first = (await (await get(`/query?q=${encodeURIComponent('SELECT Id FROM Contact ORDER BY Id')}`)).json()) as { totalSize: number; done: boolean; nextRecordsUrl: string; records: Array<{ attributes: { type: string } }> };
    expect(first).toMatchObject({ totalSize: total, done: false, nextRecordsUrl: expect.stringMatching(/^\/services\/data\/v62\.0\/query\/01g[0-9a-f]+-2000$/) });
    expect(first.records).toHaveLength(2000);
    expect(first.records[0]!.attributes.type).toBe('Contact');
    const next = (await (await fetch(`${sf.url}${first.nextRecordsUrl}`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { records: unknown[] };
    expect(next.records.length).toBe(Math.min(2000, total - 2000));
    const small = (await (await get(`/query?q=${encodeURIComponent('SELECT Id FROM Contact')}`, { 'Sforce-Query-Options': 'batchSize=300' })).json()) as { records: unknown[] };
    expect(small.records).toHaveLength(300);
    const id = [...sf.org.table('Contact').keys()][5]!;
    sf.mutate.softDelete('Contact', id);
    const q = `SELECT Id, IsDeleted FROM Contact WHERE Id = '${id}'`;
    expect(((await (await get(`/query?q=${encodeURIComponent(q)}`)).json()) as { totalSize: number }).totalSize).toBe(0);
    expect(((await (await get(`/queryAll?q=${encodeURIComponent(q)}`)).json()) as { records: Array<{ IsDeleted: boolean }> }).records[0]!.IsDeleted).toBe(true);
  });

  it('answers unknown fields and objects with INVALID_FIELD and INVALID_TYPE', async () => {
    const field = await get(`/query?q=${encodeURIComponent('SELECT Foo__c FROM Contact')}`);
    expect([field.status, ((await field.json()) as Array<{ errorCode: string }>)[0]!.errorCode]).toEqual([400, 'INVALID_FIELD']);
    const object = await get(`/query?q=${encodeURIComponent('SELECT Id FROM Nope__c')}`);
    expect(((await object.json()) as Array<{ errorCode: string }>)[0]!.errorCode).toBe('INVALID_TYPE');
  });

  it('reports updated and deleted ids with latestDateCovered at minute granularity, within 30 days', async () => {
    const start = new Date(Date.now() - 120_000).toISOString();
    const id = sf.mutate.create('Lead', { LastName: 'Repl', Company: 'R' });
    const gone = [...sf.org.table('Lead').keys()][0]!;
    sf.mutate.hardDelete('Lead', gone);
    const end = new Date(Date.now() + 1000).toISOString();
    const window = `?start=${encodeURIComponent(start)}&end=${encodeURIComponent(end)}`;
    const updated = (await (await get(`/sobjects/Lead/updated/${window}`)).json()) as { ids: string[]; latestDateCovered: string };
    expect(updated.ids).toContain(id);
    expect(updated.latestDateCovered).toMatch(/T\d{2}:\d{2}:00\.000\+0000$/);
    const deleted = (await (await get(`/sobjects/Lead/deleted/${window}`)).json()) as { deletedRecords: Array<{ id: string }>; earliestDateAvailable: string };
    expect(deleted.deletedRecords.map((d) => d.id)).toContain(gone);
    const old = await get(`/sobjects/Lead/deleted/?start=${encodeURIComponent(new Date(Date.now() - 40 * 86_400_000).toISOString())}&end=${encodeURIComponent(end)}`);
    expect(((await old.json()) as Array<{ errorCode: string }>)[0]!.errorCode).toBe('INVALID_REPLICATION_DATE');
  });

  it('runs Bulk 2.0 query jobs: states, CSV pages with Sforce-Locator ending in null, compound fields refused, abort', async () => {
    const post = (body: object) => fetch(`${base()}/jobs/query`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const refused = await post({ operation: 'query', query: 'SELECT Id, MailingAddress FROM Contact' });
    expect(((await refused.json()) as Array<{ errorCode: string }>)[0]!.errorCode).toBe('INVALIDJOB');
    const job = (await (await post({ operation: 'queryAll', query: 'SELECT Id, LastName FROM Contact' })).json()) as { id: string; state: string };
    expect(job.state).toBe('UploadComplete');
    expect((await get(`/jobs/query/${job.id}/results`)).status).toBe(400);
    const states: string[] = [];
    for (let i = 0; i < 3; i++) states.push(((await (await get(`/jobs/query/${job.id}`)).json()) as { state: string }).state);
    expect(states).toEqual(['InProgress', 'JobComplete', 'JobComplete']);
    let locator = '';
    let rows = 0;
    for (;;) {
      const page = await get(`/jobs/query/${job.id}/results?maxRecords=1500${locator ? `&locator=${locator}` : ''}`);
      const lines = (await page.text()).trim().split('\n');
      expect(lines[0]).toBe('Id,LastName');
      expect(Number(page.headers.get('sforce-numberofrecords'))).toBe(lines.length - 1);
      rows += lines.length - 1;
      locator = page.headers.get('sforce-locator')!;
      if (locator === 'null') break;
    }
    expect(rows).toBe(sf.org.table('Contact').size);
    sf.faults.bulkNeverFinishes(true);
    const stuck = (await (await post({ operation: 'query', query: 'SELECT Id FROM Lead' })).json()) as { id: string };
    for (let i = 0; i < 4; i++) await get(`/jobs/query/${stuck.id}`);
    expect(((await (await get(`/jobs/query/${stuck.id}`)).json()) as { state: string }).state).toBe('InProgress');
    const aborted = await fetch(`${base()}/jobs/query/${stuck.id}`, { method: 'PATCH', headers: { Authorization: `Bearer ${token}` }, body: JSON.stringify({ state: 'Aborted' }) });
    expect(((await aborted.json()) as { state: string }).state).toBe('Aborted');
    sf.faults.bulkNeverFinishes(false);
  });

  it('answers 403 REQUEST_LIMIT_EXCEEDED with the limits header once the daily limit is spent', async () => {
    sf.faults.setApiUsage(500, 500);
    const response = await get('/sobjects');
    expect(response.status).toBe(403);
    expect(response.headers.get('sforce-limit-info')).toBe('api-usage=501/500');
    expect(await response.json()).toEqual([{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }]);
    sf.faults.setApiUsage(0, 100_000);
  });
});
