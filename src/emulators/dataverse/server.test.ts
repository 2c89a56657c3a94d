/**
 * The emulator's protocol, spoken to with plain fetch: token errors, metadata, `$select` checks, paging,
 * change tracking rules, upsert preconditions and the error shape.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDataverseEmulator, type DataverseEmulator } from './index.js';

describe('dataverse emulator', () => {
  let dv: DataverseEmulator;
  let token: string;
  beforeAll(async () => {
    dv = await startDataverseEmulator({ seed: 5, people: 80 });
    token = ((await (await tokenRequest({})).json()) as { access_token: string }).access_token;
  });
  afterAll(() => dv.close());

  function tokenRequest(overrides: Record<string, string>, tenant = dv.credentials.tenantId): Promise<Response> {
    const form = new URLSearchParams({ client_id: dv.credentials.clientId, client_secret: dv.credentials.clientSecret, scope: `${dv.url}/.default`, grant_type: 'client_credentials', ...overrides });
    return fetch(`${dv.url}/${tenant}/oauth2/v2.0/token`, { method: 'POST', body: form });
  }

  async function api(path: string, init: { method?: string; prefer?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
    const response = await fetch(path.startsWith('http') ? path : `${dv.url}/api/data/v9.2/${path}`, {
      method: init.method ?? 'GET',
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', ...(init.prefer ? { Prefer: init.prefer } : {}), ...(init.body ? { 'Content-Type': 'application/json' } : {}), ...init.headers },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
  }

  it('issues tokens only for the right tenant, client, secret and scope', async () => {
    expect((await tokenRequest({})).status).toBe(200);
    for (const [overrides, tenant, status, error] of [
      [{ client_secret: 'nope' }, undefined, 401, 'invalid_client'],
      [{ client_id: 'nope' }, undefined, 400, 'unauthorized_client'],
      [{ scope: 'https://other.crm.dynamics.com/.default' }, undefined, 400, 'invalid_scope'],
      [{}, 'contoso.onmicrosoft.com', 400, 'invalid_request'],
    ] as const) {
      const response = await tokenRequest(overrides, tenant);
      expect(response.status).toBe(status);
      expect(((await response.json()) as { error: string; error_description: string })).toMatchObject({ error, error_description: expect.stringMatching(/^AADSTS\d+/) });
    }
  });

  it('answers 401 with WWW-Authenticate without a valid token', async () => {
    const response = await fetch(`${dv.url}/api/data/v9.2/WhoAmI`, { headers: { Authorization: 'Bearer forged' } });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('authorization_uri=');
  });

  it('serves table metadata with lookups and their companions', async () => {
    const entity = await api("EntityDefinitions(LogicalName='contact')?$select=EntitySetName,PrimaryIdAttribute");
    expect(entity.body).toMatchObject({ EntitySetName: 'contacts', PrimaryIdAttribute: 'contactid' });
    const attributes = (await api("EntityDefinitions(LogicalName='contact')/Attributes")).body['value'] as Array<Record<string, unknown>>;
    expect(attributes.find((a) => a['LogicalName'] === 'parentcustomerid')).toMatchObject({ AttributeType: 'Customer' });
    expect(attributes.find((a) => a['LogicalName'] === 'parentcustomeridtype')).toMatchObject({ AttributeType: 'EntityName', AttributeOf: 'parentcustomerid' });
    expect((await api("EntityDefinitions(LogicalName='nosuch')")).status).toBe(404);
  });

  it('refuses a column that is not selectable, in the documented error shape', async () => {
    const response = await api('contacts?$select=parentcustomerid');
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: { code: '0x80060888', message: expect.stringContaining("Could not find a property named 'parentcustomerid'") } });
  });

  it('pages with maxpagesize and nextLink, echoing Preference-Applied', async () => {
    const total = dv.environment.table('contact').size;
    let page = await api('contacts?$select=contactid,lastname', { prefer: 'odata.maxpagesize=25' });
    expect(page.headers.get('preference-applied')).toBe('odata.maxpagesize=25');
    const ids: string[] = [];
    for (;;) {
      ids.push(...(page.body['value'] as Array<{ contactid: string }>).map((r) => r.contactid));
      const next = page.body['@odata.nextLink'];
      if (typeof next !== 'string') break;
      expect(next).toContain('$skiptoken=');
      page = await api(next, { prefer: 'odata.maxpagesize=25' });
    }
    expect(new Set(ids).size).toBe(total);
    expect(page.body['@odata.deltaLink']).toBeUndefined();
  });

  it('filters, and refuses $filter with change tracking', async () => {
    const filtered = await api('contacts?$select=contactid,statecode&$filter=statecode eq 0&$count=true');
    const rows = filtered.body['value'] as Array<{ statecode: number }>;
    expect(rows.every((r) => r.statecode === 0)).toBe(true);
    expect(filtered.body['@odata.count']).toBe(rows.length);
    const tracked = await api('contacts?$select=contactid&$filter=statecode eq 0', { prefer: 'odata.track-changes' });
    expect(tracked.status).toBe(400);
    expect((tracked.body['error'] as { message: string }).message).toContain("isn't supported when Change Tracking is enabled");
  });

  it('tracks changes: new and changed rows before deletions, a fresh delta link, expired tokens refused', async () => {
    const first = await api('leads?$select=leadid,lastname', { prefer: 'odata.track-changes' });
    const deltaLink = first.body['@odata.deltaLink'] as string;
    expect(deltaLink).toMatch(/\$deltatoken=\d+%21/);
    const [a, b] = [...dv.environment.table('lead').keys()];
    dv.mutate.delete('lead', a!);
    dv.mutate.update('lead', b!, { lastname: 'Changed' });
    const delta = await api(deltaLink);
    expect(delta.body['@odata.context']).toMatch(/\/\$delta$/);
    expect(delta.body['value']).toEqual([
      expect.objectContaining({ leadid: b, lastname: 'Changed' }),
      { '@odata.context': expect.stringMatching(/leads\/\$deletedEntity$/), id: a, reason: 'deleted' },
    ]);
    expect(delta.body['@odata.deltaLink']).not.toBe(deltaLink);
    expect(((await api(delta.body['@odata.deltaLink'] as string)).body['value'] as unknown[]).length).toBe(0);
    dv.faults.expireDeltaTokens();
    const expired = await api(deltaLink);
    expect(expired.status).toBe(400);
    expect(expired.body).toEqual({ error: { code: '0x80044352', message: expect.stringContaining('expired') } });
  });

  it('upserts by alternate key with If-Match / If-None-Match and return=representation', async () => {
    const path = "contacts(emailaddress1='upsert@example.com')";
    expect((await api(path, { method: 'PATCH', body: { lastname: 'Upsert' }, headers: { 'If-Match': '*' } })).status).toBe(404);
    const created = await api(path, { method: 'PATCH', body: { lastname: 'Upsert' }, prefer: 'return=representation' });
    expect(created.status).toBe(201);
    expect(created.headers.get('odata-entityid')).toMatch(/contacts\([0-9a-f-]{36}\)$/);
    expect((await api(path, { method: 'PATCH', body: { jobtitle: 'Buyer' } })).status).toBe(204);
    expect((await api(path, { method: 'PATCH', body: { jobtitle: 'Buyer' }, headers: { 'If-None-Match': '*' } })).status).toBe(412);
    expect((await api("leads(emailaddress1='x@example.com')", { method: 'PATCH', body: { lastname: 'X' } })).body).toEqual({ error: { code: '0x80060888', message: expect.stringContaining('The key in the request URI is not valid') } });
    const id = /\(([0-9a-f-]{36})\)$/.exec(created.headers.get('odata-entityid')!)![1]!;
    expect((await api(`contacts(${id})`, { method: 'DELETE' })).status).toBe(204);
    expect((await api(`contacts(${id})`, { method: 'DELETE' })).status).toBe(404);
  });

  it('runs a $batch of writes in order, stopping at the first failure unless continue-on-error', async () => {
    const part = (key: string, headers: string[] = []) =>
      ['--b1', 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '', `PATCH /api/data/v9.2/accounts(accountnumber='${key}') HTTP/1.1`, 'Content-Type: application/json', ...headers, '', JSON.stringify({ name: key })].join('\r\n');
    const body = [part('BATCH-1'), part('BATCH-1', ['If-None-Match: *']), part('BATCH-2'), '--b1--', ''].join('\r\n');
    const post = (prefer?: string) =>
      fetch(`${dv.url}/api/data/v9.2/$batch`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'multipart/mixed; boundary="b1"', ...(prefer ? { Prefer: prefer } : {}) }, body });
    const stopped = await post();
    expect(stopped.headers.get('content-type')).toMatch(/^multipart\/mixed; boundary=batchresponse_/);
    expect([...(await stopped.text()).matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => m[1])).toEqual(['204', '412']);
    expect([...dv.environment.table('account').values()].some((r) => r['accountnumber'] === 'BATCH-2')).toBe(false);
    const all = await post('odata.continue-on-error');
    expect([...(await all.text()).matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => m[1])).toEqual(['204', '412', '204']);
    expect([...dv.environment.table('account').values()].filter((r) => r['accountnumber'] === 'BATCH-2')).toHaveLength(1);
  });

  it('answers an injected 429 with Retry-After and the service protection code', async () => {
    dv.faults.inject({ kind: 'status', status: 429, retryAfterSeconds: 7, path: /WhoAmI/ });
    const throttled = await api('WhoAmI');
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('7');
    expect(throttled.body).toMatchObject({ error: { code: '0x80072322' } });
    expect((await api('WhoAmI')).status).toBe(200);
  });
});
