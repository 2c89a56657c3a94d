/**
 * `concord serve`: the HTTP API, the web UI and the sync scheduler in one process, until SIGINT/SIGTERM
 * (a running sync finishes its page, then the store closes). Logs are JSON lines (pino) on stdout with
 * credentials redacted; the URL and the shutdown notice go to stderr.
 */
import { ConcordError } from '../../core/errors.js';
import { loadConfig } from '../../config/load.js';
import { createServerLogger, startServer, waitForShutdown } from '../../api/server.js';
import type { RegisterCommand } from './types.js';

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function portNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65_535) throw new ConcordError('SERVE_BAD_PORT', `--port must be a whole number from 0 to 65535, not "${value}"`, { kind: 'usage' });
  return n;
}

export const registerServe: RegisterCommand = (program, ctx) => {
  program
    .command('serve')
    .description('serve the HTTP API and the web UI, and run the configured syncs on a schedule')
    .option('-p, --port <port>', 'port (default: serve.port in concord.yaml, 4321)', portNumber)
    .option('--host <host>', 'interface to listen on (default: serve.host in concord.yaml, 127.0.0.1)')
    .option('-c, --config <file>', 'config file (default: concord.yaml)')
    .option('--log-level <level>', 'fatal, error, warn, info, debug, trace or silent', 'info')
    .action(async (opts: { port?: number; host?: string; config?: string; logLevel: string }) => {
      if (!LEVELS.includes(opts.logLevel)) throw new ConcordError('SERVE_BAD_LOG_LEVEL', `--log-level must be one of ${LEVELS.join(', ')}, not "${opts.logLevel}"`, { kind: 'usage' });
      const loaded = loadConfig(opts.config, ctx.env);
      const logger = createServerLogger(opts.logLevel);
      const server = await startServer({
        loaded,
        env: ctx.env,
        port: opts.port ?? loaded.config.serve.port,
        host: opts.host ?? loaded.config.serve.host,
        logger,
      });
      const live = (await server.store.listApiTokens()).filter((t) => t.revokedAt === undefined);
      ctx.output.err(`Concord is serving the API and the web UI on ${server.url} (docs: ${server.url}/api/docs). Ctrl-C stops.`);
      if (live.length === 0) ctx.output.err('no API token yet: create one with `concord token create --name <name>`');
      const interval = loaded.config.serve.intervalMinutes;
      ctx.output.err(interval === undefined ? 'syncs run when asked for (POST /api/runs)' : `syncs run every ${interval} minutes`);
      await waitForShutdown(server, (signal) => ctx.output.err(`${signal}: stopping (a running sync finishes its page) …`));
      ctx.output.err('stopped');
    });
};
