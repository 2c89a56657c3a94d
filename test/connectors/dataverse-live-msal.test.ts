/**
 * Dataverse tokens through msal-node against the emulator's token endpoint: msal is aimed at a loopback http
 * authority without any discovery call, its requests are retried by the connector's policy, and a token revoked
 * early is replaced by a new one rather than served again from msal's cache.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
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

describe('dataverse certificate credentials through msal-node', () => {
  const key = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const thumbprintSha256 = randomBytes(32).toString('hex');
  let dv: DataverseEmulator;
  beforeAll(async () => {
    dv = await startDataverseEmulator({ seed: 6, people: 10, credentials: { certificate: { publicKey: key.publicKey.export({ type: 'spki', format: 'pem' }).toString(), thumbprintSha256 } } });
  });
  afterAll(() => dv.close());

  const config = () => {
    const { type: _type, clientSecretEnv: _secret, ...raw } = systemConfig(dv);
    return dataverseSpec.parse({ ...raw, clientCertificate: { privateKeyEnv: 'DV_TEST_CERT_KEY', thumbprintSha256 } });
  };
  const env = (pem: string) => ({ ...envFor(dv), DV_TEST_CERT_KEY: pem });

  it('gets a token with a client assertion signed by the certificate key, and reads with it', async () => {
    const client = new DataverseClient(config(), env(key.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()), 'dynamics');
    await expect(client.json('/WhoAmI')).resolves.toMatchObject({ OrganizationId: dv.organizationId });
  });

  it('a key that does not belong to the certificate is refused as invalid_client, not retried', async () => {
    const client = new DataverseClient(config(), env(other.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()), 'dynamics');
    await expect(client.json('/WhoAmI')).rejects.toMatchObject({ code: 'DATAVERSE_INVALID_CLIENT', kind: 'auth', message: expect.stringContaining('invalid signature') });
    expect(client.retries).toBe(0);
  });

  it.each([
    ['both a secret and a certificate', { clientSecretEnv: 'X' }],
    ['neither', { clientCertificate: undefined }],
  ])('the config refuses %s', (_name, override) => {
    const { type: _type, clientSecretEnv: _secret, ...raw } = systemConfig(dv);
    expect(dataverseSpec.safeParse({ ...raw, clientCertificate: { privateKeyEnv: 'K', thumbprintSha256 }, ...override }).success).toBe(false);
  });
});
