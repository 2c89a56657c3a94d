import { describe, expect, it } from 'vitest';
import { resourceOf, tokenRequest } from './auth.js';
import { parseCursor } from './source.js';
import { dataverseSpec } from './spec.js';

const config = dataverseSpec.parse({ environmentUrl: 'https://contoso.crm4.dynamics.com/', tenantId: 'contoso.onmicrosoft.com', clientIdEnv: 'DV_ID', clientSecretEnv: 'DV_SECRET' });

describe('tokenRequest', () => {
  it('posts client credentials for <environment>/.default to the tenant authority', () => {
    const { url, body } = tokenRequest(config, { DV_ID: 'app-id', DV_SECRET: 's3cret' }, 'dv');
    expect(url).toBe('https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token');
    expect(Object.fromEntries(body)).toEqual({ client_id: 'app-id', client_secret: 's3cret', scope: 'https://contoso.crm4.dynamics.com/.default', grant_type: 'client_credentials' });
  });

  it('uses the configured authority host', () => {
    const sovereign = dataverseSpec.parse({ ...config, authorityHost: 'https://login.microsoftonline.us/' });
    expect(tokenRequest(sovereign, { DV_ID: 'a', DV_SECRET: 'b' }, 'dv').url).toBe('https://login.microsoftonline.us/contoso.onmicrosoft.com/oauth2/v2.0/token');
  });

  it('names the missing variable', () => {
    expect(() => tokenRequest(config, { DV_ID: 'a' }, 'dv')).toThrow(/DV_SECRET is not set/);
  });

  it.each([
    ['https://contoso.crm.dynamics.com/', 'https://contoso.crm.dynamics.com'],
    ['https://contoso.crm.dynamics.com/api/data/v9.2', 'https://contoso.crm.dynamics.com'],
  ])('the resource of %s is %s', (url, resource) => expect(resourceOf(url)).toBe(resource));
});

describe('dataverse spec and cursor', () => {
  it.each([
    [{ clientSecretEnv: 'my-secret-value!' }, 'clientSecretEnv'],
    [{ pageSize: 10_000 }, 'pageSize'],
    [{ tables: ['Contact'] }, 'tables'],
  ])('refuses %j', (override, key) => {
    const result = dataverseSpec.safeParse({ ...config, ...override });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path[0]).toBe(key);
  });

  it.each([
    [undefined, {}],
    [{}, {}],
    [{ deltaLink: 'https://x/api/data/v9.2/contacts?$deltatoken=1%21a', lastFullRead: '2024-05-01T00:00:00.000Z' }, { deltaLink: 'https://x/api/data/v9.2/contacts?$deltatoken=1%21a', lastFullRead: '2024-05-01T00:00:00.000Z' }],
    [{ modstamp: '2024-05-01T00:00:00.000Z', id: '003' }, {}],
  ])('parses the cursor %j', (cursor, expected) => {
    const parsed = parseCursor(cursor);
    expect(Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined))).toEqual(expected);
  });
});
