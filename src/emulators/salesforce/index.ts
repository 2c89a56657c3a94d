/**
 * Starts the Salesforce API emulator on 127.0.0.1 (a free port), seeded from the demo generator, for tests and
 * for `concord demo --live`.
 *
 * @example
 * const sf = await startSalesforceEmulator({ seed: 42, people: 500 });
 * // loginUrl: sf.url, env: SF_CLIENT_ID=sf.credentials.clientId, SF_CLIENT_SECRET=sf.credentials.clientSecret
 * const id = sf.mutate.create('Contact', { LastName: 'Ng' });
 * sf.faults.inject({ kind: 'status', status: 503, retryAfterSeconds: 0, path: /\/query/ });
 * await sf.close();
 */
import { EmulatedOrg } from './org.js';
import { SalesforceEmulatorServer, type Credentials, type Fault, type ServerOptions } from './server.js';

export { EmulatedOrg, apiDateTime, parseApiDateTime } from './org.js';
export { SalesforceEmulatorServer, MAX_URL_LENGTH, type Fault, type Credentials } from './server.js';

export interface EmulatorOptions extends ServerOptions {
  seed: number;
  people: number;
  /** Extra custom text fields per object, e.g. `{ Contact: 800 }` for a field list too long for a GET. */
  customFields?: Readonly<Record<string, number>>;
}

export interface SalesforceEmulator {
  url: string;
  orgId: string;
  credentials: Credentials;
  org: EmulatedOrg;
  server: SalesforceEmulatorServer;
  mutate: Pick<EmulatedOrg, 'create' | 'update' | 'softDelete' | 'hardDelete' | 'touchMany' | 'purgeDeletedLog'>;
  faults: { inject(fault: Fault): void; rejectRecord(key: string, statusCode?: string, message?: string): void; clear(): void; expireTokens(): void; setApiUsage(used: number, limit?: number): void; bulkNeverFinishes(on: boolean): void; bulkShortPage(times?: number): void; shortCollectionAnswer(times?: number): void };
  close(): Promise<void>;
}

export async function startSalesforceEmulator(options: EmulatorOptions): Promise<SalesforceEmulator> {
  const org = new EmulatedOrg({ seed: options.seed, people: options.people, ...(options.customFields ? { customFields: options.customFields } : {}) });
  const server = new SalesforceEmulatorServer(org, options);
  const url = await server.listen();
  return {
    url,
    orgId: org.orgId,
    credentials: server.credentials,
    org,
    server,
    mutate: {
      create: (...args) => org.create(...args),
      update: (...args) => org.update(...args),
      softDelete: (...args) => org.softDelete(...args),
      hardDelete: (...args) => org.hardDelete(...args),
      touchMany: (...args) => org.touchMany(...args),
      purgeDeletedLog: (...args) => org.purgeDeletedLog(...args),
    },
    faults: {
      inject: (fault) => server.inject(fault),
      rejectRecord: (key, statusCode, message) => server.rejectRecord(key, statusCode, message),
      clear: () => server.clearFaults(),
      expireTokens: () => server.expireTokens(),
      setApiUsage(used, limit) {
        server.apiUsed = used;
        if (limit !== undefined) server.apiLimit = limit;
      },
      bulkNeverFinishes(on) {
        server.bulkNeverFinishes = on;
      },
      bulkShortPage(times = 1) {
        server.bulkShortPages = times;
      },
      shortCollectionAnswer(times = 1) {
        server.shortCollectionAnswers = times;
      },
    },
    close: () => server.close(),
  };
}
