import { describe, expect, it } from 'vitest';
import { authorityOf, msalConfiguration, resourceOf } from './auth.js';
import { parseCursor } from './source.js';
import { dataverseSpec } from './spec.js';

const config = dataverseSpec.parse({ environmentUrl: 'https://contoso.crm4.dynamics.com/', tenantId: 'contoso.onmicrosoft.com', clientIdEnv: 'DV_ID', clientSecretEnv: 'DV_SECRET' });

const network = { sendGetRequestAsync: () => Promise.reject(new Error('no GET expected')), sendPostRequestAsync: () => Promise.reject(new Error('no POST expected')) };

describe('authority and msal configuration', () => {
  it('gives msal the tenant authority with its metadata, so no discovery call is needed', () => {
    const msal = msalConfiguration(config, { DV_ID: 'app-id', DV_SECRET: 's3cret' }, 'dv', network);
    expect(msal.auth).toMatchObject({ clientId: 'app-id', clientSecret: 's3cret', authority: 'https://login.microsoftonline.com/contoso.onmicrosoft.com', knownAuthorities: ['login.microsoftonline.com'] });
    expect(JSON.parse(msal.auth.authorityMetadata!)).toMatchObject({ token_endpoint: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token' });
    expect(JSON.parse(msal.auth.cloudDiscoveryMetadata!).metadata[0].aliases).toEqual(['login.microsoftonline.com']);
    expect(msal.system).toMatchObject({ networkClient: network, disableInternalRetries: true });
  });

  it.each([
    ['https://login.microsoftonline.us/', 'https://login.microsoftonline.us/contoso.onmicrosoft.com/oauth2/v2.0/token', undefined],
    ['http://127.0.0.1:4010', 'https://127.0.0.1:4010/contoso.onmicrosoft.com/oauth2/v2.0/token', 'http://127.0.0.1:4010'],
    ['http://localhost:4010/', 'https://localhost:4010/contoso.onmicrosoft.com/oauth2/v2.0/token', 'http://localhost:4010'],
  ])('authority host %s → token endpoint %s, sent to %s', (authorityHost, tokenEndpoint, transportOrigin) => {
    expect(authorityOf({ ...config, authorityHost }, 'dv')).toEqual({ authority: tokenEndpoint.replace('/oauth2/v2.0/token', ''), tokenEndpoint, transportOrigin });
  });

  it('refuses plain http anywhere but loopback', () => {
    expect(() => authorityOf({ ...config, authorityHost: 'http://login.example.com' }, 'dv')).toThrow(/is not https/);
  });

  it('names the missing variable', () => {
    expect(() => msalConfiguration(config, { DV_ID: 'a' }, 'dv', network)).toThrow(/DV_SECRET is not set/);
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
