/**
 * Harness of the live Dataverse connector tests: an emulator, a source pointed at it (environment and
 * authority both at the emulator) with the secrets in a private env, and the stream readers of the Salesforce
 * harness (drain, replica).
 *
 * @example
 * const dv = await startDataverseEmulator({ seed: 1, people: 200 });
 * const { records, cursor } = await drain(liveSource(dv), 'contact', undefined);
 */
import type { Source } from '../../../src/connectors/connector.js';
import { createSource } from '../../../src/connectors/registry.js';
import type { DataverseEmulator } from './index.js';

export { applyPages, drain, live, type Drained } from '../salesforce/harness.js';

export const ENV_NAMES = { clientId: 'DV_TEST_CLIENT_ID', clientSecret: 'DV_TEST_CLIENT_SECRET' };

export function envFor(dv: DataverseEmulator, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { [ENV_NAMES.clientId]: dv.credentials.clientId, [ENV_NAMES.clientSecret]: dv.credentials.clientSecret, ...extra };
}

/** The system config of a source aimed at the emulator, with fast retries for tests. */
export function systemConfig(dv: DataverseEmulator, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'dataverse',
    environmentUrl: dv.url,
    authorityHost: dv.url,
    tenantId: dv.credentials.tenantId,
    organizationId: dv.organizationId,
    clientIdEnv: ENV_NAMES.clientId,
    clientSecretEnv: ENV_NAMES.clientSecret,
    retryBaseSeconds: 0.01,
    requestTimeoutSeconds: 5,
    ...overrides,
  };
}

export function liveSource(dv: DataverseEmulator, overrides: Record<string, unknown> = {}, env: NodeJS.ProcessEnv = envFor(dv)): Source {
  return createSource('dynamics', systemConfig(dv, overrides), { baseDir: '.', env });
}
