/**
 * The last step of `concord demo`: a fresh API token named `demo-<timestamp>`, the server on the configured
 * port (or the next free one), and the URL that signs the browser in (`#token=…`: a fragment never reaches
 * the server or its logs; the UI stores the token and drops the fragment). Runs until Ctrl-C.
 *
 * @example
 * await serveDemo(loaded, { env: process.env, output, port: 0 });
 */
import type { Output } from '../cli/output.js';
import { openConfigStore } from '../cli/open-config-store.js';
import type { LoadedConfig } from '../config/load.js';
import { createServerLogger, startServer, waitForShutdown, type RunningServer } from './server.js';
import { issueToken } from './tokens.js';

/** Ports tried from the configured one upwards when it is taken. */
const PORT_ATTEMPTS = 20;

export interface ServeDemoOptions {
  env: NodeJS.ProcessEnv;
  output: Output;
  /** Port to try first (default: serve.port of the demo's concord.yaml); 0 picks a free one. */
  port?: number | undefined;
  /** How long to serve (default: until SIGINT/SIGTERM); tests pass their own. */
  wait?: ((server: RunningServer, signInUrl: string) => Promise<void>) | undefined;
}

/** The sign-in URL of a token: the UI reads `#token=` from the fragment. */
export function signInUrl(serverUrl: string, token: string): string {
  return `${serverUrl}/#token=${encodeURIComponent(token)}`;
}

export async function serveDemo(loaded: LoadedConfig, options: ServeDemoOptions): Promise<void> {
  const store = await openConfigStore(loaded);
  try {
    await store.migrate();
    const token = await issueToken(store, `demo-${new Date().toISOString().replace(/[:.]/g, '-')}`);
    const server = await startServer({
      loaded,
      env: options.env,
      port: options.port ?? loaded.config.serve.port,
      host: loaded.config.serve.host,
      store,
      // The demo's terminal is for people: only warnings and errors.
      logger: createServerLogger('warn'),
      portAttempts: PORT_ATTEMPTS,
    });
    const url = signInUrl(server.url, token);
    options.output.out(`\nthe web UI and API are up; open ${url}`);
    options.output.out(`  (API docs: ${server.url}/api/docs; Ctrl-C stops the server)`);
    if (options.wait) {
      try {
        await options.wait(server, url);
      } finally {
        await server.close();
      }
    } else {
      await waitForShutdown(server, () => options.output.err('stopping …'));
    }
  } finally {
    await store.close();
  }
}
