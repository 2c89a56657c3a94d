/**
 * `concord serve` in one call: open the store, build the app, start the scheduler, listen. `close()` is the
 * graceful shutdown — stop accepting requests and finish the ones in flight, let a running sync finish its
 * page and stop, close the store — and `waitForShutdown` turns SIGINT/SIGTERM into that call.
 *
 * @example
 * const server = await startServer({ loaded, env: process.env, port: 4321, host: '127.0.0.1', logger });
 * console.log(server.url);
 * await waitForShutdown(server);
 */
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import pino from 'pino';
import { ConcordError } from '../core/errors.js';
import type { LoadedConfig } from '../config/load.js';
import { openConfigStore } from '../cli/open-config-store.js';
import type { Store } from '../store/store.js';
import { buildApp, type BuildAppOptions } from './app.js';
import { createScheduler, type Scheduler } from './scheduler.js';
import { configuredSyncJob } from './sync-job.js';

export interface StartServerOptions {
  loaded: LoadedConfig;
  env: NodeJS.ProcessEnv;
  port: number;
  host: string;
  /** An open store (migrated by the server); default: the one concord.yaml names, closed with the server. */
  store?: Store | undefined;
  logger?: FastifyBaseLogger | undefined;
  /** Ports to try from `port` upwards when it is taken (default 1: only `port`). */
  portAttempts?: number | undefined;
  app?: Pick<BuildAppOptions, 'webRoot' | 'bodyLimit'> | undefined;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly app: FastifyInstance;
  readonly scheduler: Scheduler;
  readonly store: Store;
  /** Graceful shutdown (idempotent). */
  close(): Promise<void>;
}

/** Paths pino masks in every log line: credentials never reach the log. */
export const LOG_REDACT_PATHS = [
  'req.headers.authorization',
  'headers.authorization',
  'authorization',
  'token',
  '*.token',
  'password',
  '*.password',
  'secret',
  '*.secret',
  '*.clientSecret',
  '*.accessToken',
  '*.refreshToken',
];

/**
 * The server's structured logger (JSON lines on stdout, credentials redacted).
 *
 * @example
 * const logger = createServerLogger('info');
 */
export function createServerLogger(level = 'info', destination?: pino.DestinationStream): FastifyBaseLogger {
  const options = { level, redact: { paths: LOG_REDACT_PATHS, censor: '***' }, base: { service: 'concord' } };
  return (destination ? pino(options, destination) : pino(options)) as unknown as FastifyBaseLogger;
}

async function listen(app: FastifyInstance, host: string, port: number, attempts: number): Promise<number> {
  for (let i = 0; ; i++) {
    try {
      await app.listen({ host, port: port === 0 ? 0 : port + i });
      const address = app.server.address();
      return typeof address === 'object' && address !== null ? address.port : port + i;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' && i + 1 < attempts && port !== 0) continue;
      if (code === 'EADDRINUSE' || code === 'EACCES') {
        throw new ConcordError('PORT_IN_USE', `cannot listen on ${host}:${port + i} (${code === 'EACCES' ? 'not allowed' : 'in use'})`, {
          kind: 'usage',
          hint: 'choose another with --port, or set serve.port in concord.yaml',
          cause: error,
        });
      }
      throw error;
    }
  }
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { loaded, env } = options;
  const ownsStore = options.store === undefined;
  const store = options.store ?? (await openConfigStore(loaded));
  try {
    await store.migrate();
    const logger = options.logger;
    const scheduler = createScheduler({
      job: configuredSyncJob({ loaded, store, env, logger }),
      intervalMinutes: loaded.config.serve.intervalMinutes,
      onError: (error, request) => logger?.error({ err: error, reason: request.reason }, 'sync failed'),
      onSkip: () => logger?.warn('scheduled sync skipped: one is still running'),
    });
    const app = await buildApp({ store, loaded, env, syncs: scheduler }, { logger: logger ?? false, corsOrigins: loaded.config.serve.corsOrigins, ...options.app });
    let port: number;
    try {
      port = await listen(app, options.host, options.port, options.portAttempts ?? 1);
    } catch (error) {
      await scheduler.stop();
      await app.close();
      throw error;
    }
    const shown = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host.includes(':') ? `[${options.host}]` : options.host;
    let closing: Promise<void> | undefined;
    return {
      url: `http://${shown}:${port}`,
      port,
      app,
      scheduler,
      store,
      close() {
        closing ??= (async () => {
          await app.close();
          await scheduler.stop();
          if (ownsStore) await store.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    if (ownsStore) await store.close();
    throw error;
  }
}

/**
 * Resolves once SIGINT or SIGTERM arrived and the server closed gracefully. A second SIGINT during the
 * shutdown exits at once (130).
 */
export async function waitForShutdown(server: RunningServer, onSignal?: (signal: NodeJS.Signals) => void): Promise<void> {
  await new Promise<void>((resolve) => {
    let received = false;
    const handler = (signal: NodeJS.Signals): void => {
      if (received) {
        if (signal === 'SIGINT') process.exit(130);
        return;
      }
      received = true;
      onSignal?.(signal);
      void server.close().finally(() => {
        process.off('SIGINT', handler);
        process.off('SIGTERM', handler);
        resolve();
      });
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
  });
}
