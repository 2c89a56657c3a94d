/**
 * What every route module of the HTTP API receives: the open store, the loaded configuration and the
 * scheduler that runs syncs. Route modules are plain async functions over a Fastify instance, so the app
 * (auth, errors, OpenAPI) is built once in `app.ts` and each capability adds its own routes.
 *
 * @example
 * export const registerRunRoutes: RegisterRoutes = async (app, ctx) => {
 *   app.get('/api/runs', async () => ({ items: await ctx.store.listRuns({ limit: 50 }) }));
 * };
 */
import type { FastifyInstance } from 'fastify';
import type { LoadedConfig } from '../config/load.js';
import type { Store } from '../store/store.js';

/** Asks for a sync; the scheduler runs one at a time, so a request may wait behind a running one. */
export interface SyncRequester {
  /** Queues a sync; resolves once it is accepted (not when it ends). */
  requestSync(request: { streams?: readonly string[]; full?: boolean; reason: string }): Promise<{ queued: true; runId?: string }>;
  /** True while a sync runs. */
  readonly busy: boolean;
}

export interface ApiContext {
  readonly store: Store;
  readonly loaded: LoadedConfig;
  readonly syncs: SyncRequester;
  readonly env: NodeJS.ProcessEnv;
}

export type RegisterRoutes = (app: FastifyInstance, ctx: ApiContext) => Promise<void>;
