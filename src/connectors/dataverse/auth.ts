/**
 * Entra ID client credentials (vendor notes C1) with plain fetch: `POST {authorityHost}/{tenantId}/oauth2/v2.0/token`
 * with the form `client_id`, `client_secret`, `scope={environmentUrl}/.default`, `grant_type=client_credentials`.
 * The authority host is configurable (sovereign clouds; tests aim it at the emulator). `@azure/msal-node`'s
 * `acquireTokenByClientCredential` does the same with token caching and certificate credentials, and should
 * replace this module once the package is a dependency.
 *
 * @example
 * const token = await requestToken(config, process.env, 'dynamics');
 * token.accessToken; // 'eyJ0eXAi…'
 */
import { ConcordError, isConcordError } from '../../core/errors.js';
import { dataverseError, networkError } from './errors.js';
import type { DataverseConfig } from './spec.js';

export interface AccessToken {
  accessToken: string;
  /** Epoch ms after which the token is no longer used (a minute before it expires). */
  refreshAt: number;
}

/** Reads a secret from the variable the config names; a missing one is a config error naming the variable. */
export function secretFromEnv(env: NodeJS.ProcessEnv, name: string, key: string, system: string): string {
  const value = env[name];
  if (value === undefined || value.trim() === '') {
    throw new ConcordError('DATAVERSE_SECRET_MISSING', `environment variable ${name} is not set`, {
      kind: 'config',
      context: { system, key },
      hint: `export ${name}=… before running Concord (systems.${system}.${key} names it)`,
    });
  }
  return value;
}

/**
 * The token endpoint and form of the configured app registration. Pure apart from reading `env`.
 *
 * @example
 * tokenRequest(config, env, 'dv').url // 'https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token'
 */
export function tokenRequest(config: DataverseConfig, env: NodeJS.ProcessEnv, system: string): { url: string; body: URLSearchParams } {
  const body = new URLSearchParams({
    client_id: secretFromEnv(env, config.clientIdEnv, 'clientIdEnv', system),
    client_secret: secretFromEnv(env, config.clientSecretEnv, 'clientSecretEnv', system),
    scope: `${resourceOf(config.environmentUrl)}/.default`,
    grant_type: 'client_credentials',
  });
  return { url: `${config.authorityHost.replace(/\/+$/, '')}/${encodeURIComponent(config.tenantId)}/oauth2/v2.0/token`, body };
}

/** The environment URL as a token resource: scheme and host, no path or trailing slash. */
export function resourceOf(environmentUrl: string): string {
  return new URL(environmentUrl).origin;
}

/**
 * Requests an access token; Entra ID errors (`AADSTS…`) become ConcordErrors with the fix in the hint.
 *
 * @example
 * await requestToken(config, { DV_ID: '…', DV_SECRET: '…' }, 'dv')
 */
export async function requestToken(config: DataverseConfig, env: NodeJS.ProcessEnv, system: string, now: () => number = Date.now): Promise<AccessToken> {
  const { url, body } = tokenRequest(config, env, system);
  const context = { system };
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' }, body, signal: AbortSignal.timeout(config.requestTimeoutSeconds * 1000) });
    text = await response.text();
  } catch (cause) {
    if (isConcordError(cause)) throw cause;
    throw networkError(cause, context, cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError'));
  }
  if (!response.ok) {
    const error = dataverseError(response.status, text, context);
    // A refused grant is never made right by asking again, whatever the status.
    throw response.status >= 500 || response.status === 429 ? error : new ConcordError(error.code, `Entra ID refused the token request: ${error.message}`, { kind: error.kind === 'transient' ? 'auth' : error.kind, context: error.context, ...(error.hint ? { hint: error.hint } : {}) });
  }
  const parsed = JSON.parse(text) as { access_token?: unknown; expires_in?: unknown };
  if (typeof parsed.access_token !== 'string') {
    throw new ConcordError('DATAVERSE_TOKEN_INVALID', 'the token endpoint answered without an access_token', { kind: 'auth', context, hint: 'check authorityHost: it must be the Entra ID authority (https://login.microsoftonline.com)' });
  }
  const lifetime = typeof parsed.expires_in === 'number' ? parsed.expires_in : Number(parsed.expires_in ?? 3599);
  return { accessToken: parsed.access_token, refreshAt: now() + Math.max(0, (Number.isFinite(lifetime) ? lifetime : 3599) - 60) * 1000 };
}
