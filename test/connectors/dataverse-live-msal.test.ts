/**
 * Dataverse tokens through msal-node against the emulator's token endpoint: msal is aimed at a loopback http
 * authority without any discovery call, its requests are retried by the connector's policy, and a token revoked
 * early is replaced by a new one rather than served again from msal's cache.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DataverseClient, dataverseSpec, requestToken } from '../../src/connectors/dataverse/index.js';
import { startDataverseEmulator, type DataverseEmulator } from '../emulators/dataverse/index.js';
import { envFor, systemConfig } from '../emulators/dataverse/harness.js';

describe('dataverse tokens through msal-node', () => {
  let dv: DataverseEmulator;
  beforeAll(async () => {
    dv = await startDataverseEmulator({ seed: 5, people: 10 });
  });
  afterAll(() => dv.close());
  beforeEach(() => dv.faults.clear());
  const config = () => {
    const { type: _type, ...raw } = systemConfig(dv);
    return dataverseSpec.parse(raw);
  };

  it('asks the token endpoint once per token and nothing else (no discovery)', async () => {
    const before = dv.server.requests.length;
    const token = await requestToken(config(), envFor(dv), 'dynamics');
    expect(token.accessToken).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(dv.server.requests.slice(before).map((r) => `${r.method} ${r.path}`)).toEqual([`POST /${dv.credentials.tenantId}/oauth2/v2.0/token`]);
  });

  it('hands out a new token after the environment revoked the old one', async () => {
    const first = await requestToken(config(), envFor(dv), 'dynamics');
    dv.faults.expireTokens();
    const second = await requestToken(config(), envFor(dv), 'dynamics');
    expect(second.accessToken).not.toBe(first.accessToken);
  });

  it('retries a token endpoint that answers 503 and then works', async () => {
    dv.faults.inject({ kind: 'status', status: 503, retryAfterSeconds: 0, path: /oauth2\/v2\.0\/token/ });
    const client = new DataverseClient(config(), envFor(dv), 'dynamics');
    await expect(client.json('/WhoAmI')).resolves.toMatchObject({ OrganizationId: dv.organizationId });
    expect(client.retries).toBe(1);
  });
});
