/**
 * OAuth 2.0 for server integrations (vendor notes A1) through jsforce's `OAuth2` token client: client
 * credentials, refresh token, and JWT bearer (the assertion is signed here with node:crypto, RS256). Secrets come
 * from the environment variables the config names.
 *
 * @example
 * const grant = await requestToken(config, process.env, 'crm');
 * grant.instanceUrl; // 'https://acme.my.salesforce.com'
 */
import { createSign } from 'node:crypto';
import { OAuth2 } from 'jsforce';
import { ConcordError, isConcordError } from '../../core/errors.js';
import { salesforceId18 } from '../../core/ids.js';
import { networkError, SALESFORCE_ERROR_TABLE } from './errors.js';
import type { SalesforceConfig } from './spec.js';

export interface TokenGrant {
  accessToken: string;
  instanceUrl: string;
  /** 18-character org id, from the identity URL `…/id/{orgId}/{userId}`. */
  orgId: string;
  userId: string;
}

/** Reads a secret from the variable the config names; a missing one is a config error naming the variable. */
export function secretFromEnv(env: NodeJS.ProcessEnv, name: string, key: string, system: string): string {
  const value = env[name];
  if (value === undefined || value.trim() === '') {
    throw new ConcordError('SALESFORCE_SECRET_MISSING', `environment variable ${name} is not set`, {
      kind: 'config',
      context: { system, key: `auth.${key}` },
      hint: `export ${name}=… before running Concord (systems.${system}.auth.${key} names it)`,
    });
  }
  return value;
}

/**
 * A JWT bearer assertion: header `{alg: RS256}`, claims iss/sub/aud and an `exp` three minutes ahead (A1).
 *
 * @example
 * jwtAssertion({ clientId: '3MVG…', username: 'etl@acme.com', audience: 'https://login.salesforce.com', privateKeyPem }, Date.now())
 */
export function jwtAssertion(input: { clientId: string; username: string; audience: string; privateKeyPem: string }, nowMs: number): string {
  const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const body = `${encode({ alg: 'RS256' })}.${encode({ iss: input.clientId, sub: input.username, aud: input.audience, exp: Math.floor(nowMs / 1000) + 180 })}`;
  const signature = createSign('RSA-SHA256').update(body).sign(input.privateKeyPem).toString('base64url');
  return `${body}.${signature}`;
}

/** The token-endpoint form fields of the configured flow (client id/secret are added by jsforce's OAuth2). */
function grantParams(config: SalesforceConfig, env: NodeJS.ProcessEnv, system: string): { clientId: string; clientSecret?: string; params: { grant_type: string; [name: string]: string } } {
  const auth = config.auth;
  const clientId = secretFromEnv(env, auth.clientIdEnv, 'clientIdEnv', system);
  switch (auth.flow) {
    case 'client-credentials':
      return { clientId, clientSecret: secretFromEnv(env, auth.clientSecretEnv, 'clientSecretEnv', system), params: { grant_type: 'client_credentials' } };
    case 'refresh-token':
      return {
        clientId,
        ...(auth.clientSecretEnv ? { clientSecret: secretFromEnv(env, auth.clientSecretEnv, 'clientSecretEnv', system) } : {}),
        params: { grant_type: 'refresh_token', refresh_token: secretFromEnv(env, auth.refreshTokenEnv, 'refreshTokenEnv', system) },
      };
    case 'jwt-bearer': {
      const privateKeyPem = secretFromEnv(env, auth.privateKeyEnv, 'privateKeyEnv', system).replace(/\\n/g, '\n');
      let assertion: string;
      try {
        assertion = jwtAssertion({ clientId, username: auth.username, audience: auth.audience, privateKeyPem }, Date.now());
      } catch (cause) {
        throw new ConcordError('SALESFORCE_PRIVATE_KEY_INVALID', `the key in ${auth.privateKeyEnv} cannot sign (${cause instanceof Error ? cause.message : String(cause)})`, {
          kind: 'config',
          context: { system, key: 'auth.privateKeyEnv' },
          hint: 'put the PEM private key (-----BEGIN PRIVATE KEY-----…) whose certificate is uploaded to the app in that variable',
          cause,
        });
      }
      return { clientId, params: { grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion } };
    }
  }
}

/**
 * Requests an access token with the configured flow.
 *
 * @example
 * await requestToken({ ...config, auth: { flow: 'client-credentials', clientIdEnv: 'SF_CLIENT_ID', clientSecretEnv: 'SF_CLIENT_SECRET' } }, env, 'crm')
 */
export async function requestToken(config: SalesforceConfig, env: NodeJS.ProcessEnv, system: string): Promise<TokenGrant> {
  const { clientId, clientSecret, params } = grantParams(config, env, system);
  const oauth2 = new OAuth2({ loginUrl: config.loginUrl.replace(/\/+$/, ''), clientId, ...(clientSecret === undefined ? {} : { clientSecret }) });
  let response: Record<string, unknown>;
  try {
    response = (await oauth2.requestToken(params)) as unknown as Record<string, unknown>;
  } catch (cause) {
    if (isConcordError(cause)) throw cause;
    const name = cause instanceof Error ? cause.name : '';
    const advice = SALESFORCE_ERROR_TABLE[name];
    if (!advice) throw networkError(cause, { system }, false);
    throw new ConcordError(`SALESFORCE_AUTH_${name.toUpperCase()}`, `Salesforce refused the ${config.auth.flow} token request: ${name} (${cause instanceof Error ? cause.message : ''})`, {
      kind: 'auth',
      context: { system, key: 'auth' },
      hint: advice.hint,
      cause,
    });
  }
  const accessToken = response['access_token'];
  const instanceUrl = response['instance_url'];
  const idUrl = response['id'];
  const ids = typeof idUrl === 'string' ? /\/id\/([A-Za-z0-9]{15,18})\/([A-Za-z0-9]{15,18})\/?$/.exec(idUrl) : null;
  if (typeof accessToken !== 'string' || typeof instanceUrl !== 'string' || !ids) {
    throw new ConcordError('SALESFORCE_TOKEN_RESPONSE_INVALID', 'the token response lacks access_token, instance_url or an identity URL', {
      kind: 'auth',
      context: { system, key: 'loginUrl' },
      hint: 'loginUrl must point at a Salesforce token host (https://<MyDomain>.my.salesforce.com)',
    });
  }
  return { accessToken, instanceUrl: instanceUrl.replace(/\/+$/, ''), orgId: salesforceId18(ids[1]!), userId: salesforceId18(ids[2]!) };
}
