/**
 * `concord demo --live`: the demo's Salesforce org and Dataverse environment served by the local emulators
 * (seeded with the same world as the demo files), and the demo's concord.yaml rewritten to read them through the
 * live connectors, with the emulators' credentials in environment variables. Marketing Cloud stays a file
 * export. The live config also writes golden email and phone back to the Salesforce Contacts and Dataverse
 * contacts of each profile.
 *
 * @example
 * const live = await startLiveDemo({ people: 1000, seed: 42, configPath: files.config });
 * const loaded = loadConfig(files.config, { ...process.env, ...live.env });
 * // … sync …
 * await live.close();
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import { startDataverseEmulator, type DataverseEmulator } from './dataverse/index.js';
import { startSalesforceEmulator, type SalesforceEmulator } from './salesforce/index.js';

/** Names of the variables holding the emulators' credentials (the config names them, never the values). */
export const LIVE_DEMO_ENV = {
  salesforceClientId: 'CONCORD_DEMO_SF_CLIENT_ID',
  salesforceClientSecret: 'CONCORD_DEMO_SF_CLIENT_SECRET',
  dataverseClientId: 'CONCORD_DEMO_DV_CLIENT_ID',
  dataverseClientSecret: 'CONCORD_DEMO_DV_CLIENT_SECRET',
} as const;

export interface LiveDemo {
  salesforce: SalesforceEmulator;
  dataverse: DataverseEmulator;
  /** The credentials, by the variable names of `LIVE_DEMO_ENV`. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/**
 * The systems section of the live demo: `salesforce` and `dataverse` aimed at the emulators. Pure.
 *
 * @example
 * liveSystems(sf, dv).salesforce.type // 'salesforce'
 */
export function liveSystems(sf: Pick<SalesforceEmulator, 'url' | 'orgId'>, dv: Pick<DataverseEmulator, 'url' | 'organizationId' | 'credentials'>): Record<string, Record<string, unknown>> {
  return {
    salesforce: {
      type: 'salesforce',
      loginUrl: sf.url,
      orgId: sf.orgId,
      apiVersion: '62.0',
      auth: { flow: 'client-credentials', clientIdEnv: LIVE_DEMO_ENV.salesforceClientId, clientSecretEnv: LIVE_DEMO_ENV.salesforceClientSecret },
    },
    dataverse: {
      type: 'dataverse',
      environmentUrl: dv.url,
      // The emulator serves the Entra ID token endpoint too (plain http is accepted on loopback only).
      authorityHost: dv.url,
      tenantId: dv.credentials.tenantId,
      organizationId: dv.organizationId,
      clientIdEnv: LIVE_DEMO_ENV.dataverseClientId,
      clientSecretEnv: LIVE_DEMO_ENV.dataverseClientSecret,
    },
  };
}

/** Golden email and phone back to the demo's Salesforce Contacts and Dataverse contacts. */
export const LIVE_DEMO_WRITE_BACK = [
  { system: 'salesforce', stream: 'Contact', from: 'unified-profiles', fields: { Email: 'email', Phone: 'phone' } },
  { system: 'dataverse', stream: 'contact', from: 'unified-profiles', fields: { emailaddress1: 'email', telephone1: 'phone' } },
] as const;

/**
 * Starts both emulators with the demo's world and rewrites the demo's concord.yaml at `configPath` to read them.
 * On failure nothing is left running.
 */
export async function startLiveDemo(options: { people: number; seed: number; configPath: string }): Promise<LiveDemo> {
  const salesforce = await startSalesforceEmulator({ seed: options.seed, people: options.people });
  let dataverse: DataverseEmulator;
  try {
    dataverse = await startDataverseEmulator({ seed: options.seed, people: options.people });
  } catch (error) {
    await salesforce.close();
    throw error;
  }
  const close = async (): Promise<void> => {
    await Promise.all([salesforce.close(), dataverse.close()]);
  };
  try {
    const config = (parseYaml(readFileSync(options.configPath, 'utf8')) ?? {}) as Record<string, unknown>;
    const systems = { ...(config['systems'] as Record<string, unknown> | undefined), ...liveSystems(salesforce, dataverse) };
    const header = [
      '# Concord live demo: salesforce and dataverse are local emulators (src/emulators/) on ports that change every run,',
      '# seeded with the same world as the files. Their credentials are in the CONCORD_DEMO_* environment variables.',
      '',
    ].join('\n');
    writeFileSync(options.configPath, header + toYaml({ ...config, systems, writeBack: LIVE_DEMO_WRITE_BACK }));
  } catch (error) {
    await close();
    throw error;
  }
  return {
    salesforce,
    dataverse,
    env: {
      [LIVE_DEMO_ENV.salesforceClientId]: salesforce.credentials.clientId,
      [LIVE_DEMO_ENV.salesforceClientSecret]: salesforce.credentials.clientSecret,
      [LIVE_DEMO_ENV.dataverseClientId]: dataverse.credentials.clientId,
      [LIVE_DEMO_ENV.dataverseClientSecret]: dataverse.credentials.clientSecret,
    },
    close,
  };
}
