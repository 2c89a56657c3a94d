/**
 * Starts the Dataverse Web API emulator on 127.0.0.1 (a free port), seeded from the demo generator's Dataverse
 * world, for tests and for `concord demo --live`. The same URL serves the Entra ID token endpoint, so a source
 * aims both `environmentUrl` and `authorityHost` at it.
 *
 * @example
 * const dv = await startDataverseEmulator({ seed: 42, people: 500 });
 * // environmentUrl: dv.url, authorityHost: dv.url, tenantId: dv.credentials.tenantId,
 * // env: DV_CLIENT_ID=dv.credentials.clientId, DV_CLIENT_SECRET=dv.credentials.clientSecret
 * const id = dv.mutate.create('contact', { lastname: 'Ng' });
 * dv.faults.inject({ kind: 'status', status: 429, retryAfterSeconds: 1, path: /contacts/ });
 * await dv.close();
 */
import { EmulatedEnvironment } from './environment.js';
import { DataverseEmulatorServer, type Credentials, type Fault, type ServerOptions } from './server.js';

export { EmulatedEnvironment, environmentSchema, webApiDateTime, type Row, type TableSchema } from './environment.js';
export { DataverseEmulatorServer, type Fault, type Credentials } from './server.js';

export interface DataverseEmulatorOptions extends ServerOptions {
  seed: number;
  people: number;
}

export interface DataverseEmulator {
  url: string;
  organizationId: string;
  credentials: Credentials;
  environment: EmulatedEnvironment;
  server: DataverseEmulatorServer;
  mutate: Pick<EmulatedEnvironment, 'create' | 'update' | 'delete'>;
  faults: { inject(fault: Fault): void; clear(): void; expireTokens(): void; expireDeltaTokens(): void; setChangeTracking(table: string, on: boolean): void; shortBatchAnswer(times?: number): void };
  close(): Promise<void>;
}

export async function startDataverseEmulator(options: DataverseEmulatorOptions): Promise<DataverseEmulator> {
  const environment = new EmulatedEnvironment({ seed: options.seed, people: options.people });
  const server = new DataverseEmulatorServer(environment, options);
  const url = await server.listen();
  return {
    url,
    organizationId: environment.organizationId,
    credentials: server.credentials,
    environment,
    server,
    mutate: {
      create: (...args) => environment.create(...args),
      update: (...args) => environment.update(...args),
      delete: (...args) => environment.delete(...args),
    },
    faults: {
      inject: (fault) => server.inject(fault),
      clear: () => server.clearFaults(),
      expireTokens: () => server.expireTokens(),
      expireDeltaTokens: () => environment.expireDeltaTokens(),
      shortBatchAnswer(times = 1) {
        server.shortBatchAnswers = times;
      },
      setChangeTracking(table, on) {
        const schema = environment.schema.get(table);
        if (!schema) throw new Error(`no table ${table}`);
        schema.changeTracking = on;
      },
    },
    close: () => server.close(),
  };
}
