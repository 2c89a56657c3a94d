/**
 * Entra ID client credentials (vendor notes C1) through `@azure/msal-node`'s
 * `ConfidentialClientApplication.acquireTokenByClientCredential`, for the scope `{environmentUrl}/.default`, with
 * a client secret or a certificate (msal signs a PS256 client assertion with the private key, `x5t#S256` header).

 *
 * How msal is pointed at the configured authority without any network discovery:
 * - `authority` is `https://<authorityHost host>/<tenantId>`, with `knownAuthorities`, `authorityMetadata` and
 *   `cloudDiscoveryMetadata` given, so msal asks for no OpenID configuration or instance discovery (one token
 *   POST per token, nothing else).
 * - msal refuses authorities that are not https (`authority_uri_insecure`). A local emulator speaks plain http,
 *   so an `http://` authorityHost is allowed on loopback hosts only: msal is given the https form of the URL and
 *   Concord's network client (msal's `system.networkClient` option, a plain fetch) sends the request to the http
 *   origin. Any other host must be https.
 * - msal's own retries are off: the connector's retry policy (429, 5xx, timeouts) wraps the token request like
 *   every other call, and the token is cached by the connector's client, which asks for a fresh one a minute
 *   before it expires and once after a 401. msal's in-memory cache is skipped (`skipCache`) so a token the
 *   environment revoked early is never handed out again.
 * - Errors keep their meaning: the token endpoint's answer is seen by the network client, and a refusal becomes
 *   the same ConcordError (`DATAVERSE_invalid_client` …, with the fix in the hint) as before.
 *
 * @example
 * const token = await requestToken(config, process.env, 'dynamics');
 * token.accessToken; // 'eyJ0eXAi…'
 */
import { ConfidentialClientApplication, LogLevel, type Configuration, type INetworkModule, type NetworkRequestOptions, type NetworkResponse } from '@azure/msal-node';
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

/** The environment URL as a token resource: scheme and host, no path or trailing slash. */
export function resourceOf(environmentUrl: string): string {
  return new URL(environmentUrl).origin;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** Where tokens come from: the https authority msal is given, and the origin requests really go to. */
export interface Authority {
  /** `https://<host>/<tenant>`: what msal sees. */
  authority: string;
  /** The token endpoint msal posts to. */
  tokenEndpoint: string;
  /** `http://127.0.0.1:port` when the configured host is a loopback http emulator; undefined for https. */
  transportOrigin: string | undefined;
}

/**
 * The authority of the configured tenant. Pure.
 *
 * @example
 * authorityOf({ authorityHost: 'https://login.microsoftonline.com', tenantId: 'contoso.onmicrosoft.com' }, 'dv').tokenEndpoint
 * // 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token'
 */
export function authorityOf(config: Pick<DataverseConfig, 'authorityHost' | 'tenantId'>, system: string): Authority {
  const host = new URL(config.authorityHost);
  if (host.protocol !== 'https:' && !(host.protocol === 'http:' && LOOPBACK.has(host.hostname))) {
    throw new ConcordError('DATAVERSE_AUTHORITY_INSECURE', `authorityHost ${config.authorityHost} is not https`, {
      kind: 'config',
      context: { system, key: 'authorityHost' },
      hint: 'use the Entra ID authority (https://login.microsoftonline.com); plain http is only accepted for a local emulator on 127.0.0.1',
    });
  }
  const authority = `https://${host.host}/${encodeURIComponent(config.tenantId)}`;
  return { authority, tokenEndpoint: `${authority}/oauth2/v2.0/token`, transportOrigin: host.protocol === 'http:' ? host.origin : undefined };
}

/**
 * The msal configuration of the app registration: authority metadata given, so msal makes no discovery call.
 * Pure apart from reading `env`; `networkClient` is supplied by the caller.
 *
 * @example
 * msalConfiguration(config, env, 'dv', client).auth.knownAuthorities // ['login.microsoftonline.com']
 */
export function msalConfiguration(config: DataverseConfig, env: NodeJS.ProcessEnv, system: string, networkClient: INetworkModule): Configuration {
  const { authority, tokenEndpoint } = authorityOf(config, system);
  const host = new URL(authority).host;
  return {
    auth: {
      clientId: secretFromEnv(env, config.clientIdEnv, 'clientIdEnv', system),
      ...(config.clientCertificate === undefined
        ? { clientSecret: secretFromEnv(env, config.clientSecretEnv ?? '', 'clientSecretEnv', system) }
        : { clientCertificate: { thumbprintSha256: config.clientCertificate.thumbprintSha256.toLowerCase(), privateKey: secretFromEnv(env, config.clientCertificate.privateKeyEnv, 'clientCertificate.privateKeyEnv', system) } }),
      authority,
      knownAuthorities: [host],
      authorityMetadata: JSON.stringify({
        token_endpoint: tokenEndpoint,
        authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
        end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
        issuer: `${authority}/v2.0`,
        jwks_uri: `${authority}/discovery/v2.0/keys`,
      }),
      cloudDiscoveryMetadata: JSON.stringify({
        tenant_discovery_endpoint: `${authority}/v2.0/.well-known/openid-configuration`,
        'api-version': '1.1',
        metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
      }),
    },
    system: {
      networkClient,
      disableInternalRetries: true,
      loggerOptions: { logLevel: LogLevel.Error, piiLoggingEnabled: false, loggerCallback: () => undefined },
    },
  };
}

/** What the network client saw go wrong, so the caller can throw the mapped error instead of msal's. */
interface Failure {
  error: ConcordError;
}

/** msal's transport: fetch with the request deadline, the https authority rewritten to a loopback http origin. */
function fetchClient(authority: Authority, timeoutMs: number, system: string, failed: (failure: Failure) => void): INetworkModule {
  const target = (url: string): string => (authority.transportOrigin === undefined ? url : url.replace(/^https:\/\/[^/]+/, authority.transportOrigin));
  async function send<T>(method: 'GET' | 'POST', url: string, options: NetworkRequestOptions | undefined): Promise<NetworkResponse<T>> {
    let response: Response;
    let text: string;
    try {
      response = await fetch(target(url), { method, headers: options?.headers ?? {}, ...(method === 'POST' && options?.body !== undefined && { body: options.body }), signal: AbortSignal.timeout(timeoutMs) });
      text = await response.text();
    } catch (cause) {
      const error = networkError(cause, { system }, cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError'));
      failed({ error });
      throw error;
    }
    if (!response.ok) failed({ error: tokenError(response.status, text, system) });
    let body: unknown = {};
    try {
      body = text === '' ? {} : JSON.parse(text);
    } catch {
      failed({ error: new ConcordError('DATAVERSE_TOKEN_INVALID', `the token endpoint answered ${response.status} with no JSON`, { kind: 'auth', context: { system }, hint: 'check authorityHost: it must be the Entra ID authority (https://login.microsoftonline.com)' }) });
    }
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => (headers[key.toLowerCase()] = value));
    return { status: response.status, headers, body: body as T };
  }
  return { sendGetRequestAsync: (url, options) => send('GET', url, options), sendPostRequestAsync: (url, options) => send('POST', url, options) };
}

/** A refused token request as a ConcordError: 429 and 5xx stay transient, anything else is never retried. */
function tokenError(status: number, text: string, system: string): ConcordError {
  const error = dataverseError(status, text, { system });
  if (status >= 500 || status === 429) return error;
  // A refused grant is never made right by asking again, whatever the status.
  return new ConcordError(error.code, `Entra ID refused the token request: ${error.message}`, { kind: error.kind === 'transient' ? 'auth' : error.kind, context: error.context, ...(error.hint ? { hint: error.hint } : {}) });
}

/**
 * Requests an access token with msal; Entra ID errors (`AADSTS…`) become ConcordErrors with the fix in the hint.
 *
 * @example
 * await requestToken(config, { DV_ID: '…', DV_SECRET: '…' }, 'dv')
 */
export async function requestToken(config: DataverseConfig, env: NodeJS.ProcessEnv, system: string, now: () => number = Date.now): Promise<AccessToken> {
  const authority = authorityOf(config, system);
  let failure: Failure | undefined;
  const app = new ConfidentialClientApplication(msalConfiguration(config, env, system, fetchClient(authority, config.requestTimeoutSeconds * 1000, system, (f) => (failure ??= f))));
  let result: Awaited<ReturnType<ConfidentialClientApplication['acquireTokenByClientCredential']>>;
  try {
    result = await app.acquireTokenByClientCredential({ scopes: [`${resourceOf(config.environmentUrl)}/.default`], skipCache: true });
  } catch (cause) {
    if (failure !== undefined) throw failure.error;
    if (isConcordError(cause)) throw cause;
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new ConcordError('DATAVERSE_TOKEN_FAILED', `the token request failed: ${message}`, { kind: 'auth', context: { system }, hint: 'check tenantId, authorityHost and the app registration' });
  }
  if (failure !== undefined) throw failure.error;
  if (result === null || result.accessToken === '') {
    throw new ConcordError('DATAVERSE_TOKEN_INVALID', 'the token endpoint answered without an access_token', { kind: 'auth', context: { system }, hint: 'check authorityHost: it must be the Entra ID authority (https://login.microsoftonline.com)' });
  }
  const lifetimeMs = result.expiresOn === null ? 3_599_000 : result.expiresOn.getTime() - Date.now();
  return { accessToken: result.accessToken, refreshAt: now() + Math.max(0, lifetimeMs - 60_000) };
}
