/**
 * Config of `type: salesforce`: a live org read through the REST and Bulk 2.0 APIs. Secrets never sit in
 * concord.yaml: the auth block names the environment variables that hold them.
 *
 * @example
 * systems:
 *   crm:
 *     type: salesforce
 *     loginUrl: https://acme.my.salesforce.com
 *     orgId: 00D5g000004abcdEAA
 *     apiVersion: '62.0'
 *     auth: { flow: client-credentials, clientIdEnv: SF_CLIENT_ID, clientSecretEnv: SF_CLIENT_SECRET }
 *     streams: [Account, Contact, Lead]
 */
import { z } from 'zod';
import { ORG_ID_PATTERN } from '../salesforce-export/spec.js';

const envName = (what: string) =>
  z
    .string()
    .regex(/^[A-Z_][A-Z0-9_]*$/, 'must be the NAME of an environment variable (A-Z, 0-9, _), never the secret itself')
    .describe(`Environment variable that holds the ${what}.`);

const clientCredentials = z
  .object({
    flow: z.literal('client-credentials'),
    clientIdEnv: envName('consumer key of the external client app'),
    clientSecretEnv: envName('consumer secret'),
  })
  .strict()
  .describe('OAuth 2.0 client credentials: runs as the app\'s run-as user; loginUrl must be the org\'s My Domain.');

const refreshToken = z
  .object({
    flow: z.literal('refresh-token'),
    clientIdEnv: envName('consumer key'),
    clientSecretEnv: envName('consumer secret (when the app requires it)').optional(),
    refreshTokenEnv: envName('refresh token issued to Concord'),
  })
  .strict()
  .describe('OAuth 2.0 refresh token (from a web-server flow done once by an admin).');

const jwtBearer = z
  .object({
    flow: z.literal('jwt-bearer'),
    clientIdEnv: envName('consumer key (the JWT iss)'),
    username: z.string().min(3).describe('Salesforce username Concord acts as (the JWT sub); the app must be pre-authorized for it.'),
    privateKeyEnv: envName('PEM private key whose certificate is uploaded to the app'),
    audience: z.string().url().default('https://login.salesforce.com').describe('JWT aud: https://login.salesforce.com, https://test.salesforce.com for sandboxes, or a community URL.'),
  })
  .strict()
  .describe('OAuth 2.0 JWT bearer: a signed assertion, no stored refresh token.');

export const salesforceSpec = z
  .object({
    loginUrl: z.string().url().describe('Token host: the org\'s My Domain (https://acme.my.salesforce.com; required for client credentials), or https://login.salesforce.com / https://test.salesforce.com.'),
    orgId: z.string().regex(ORG_ID_PATTERN, 'must be a Salesforce organization id (15 or 18 characters starting with 00D)').describe('Organization id (Setup → Company Information); checked against the token\'s identity URL.'),
    apiVersion: z.string().regex(/^\d{2}\.0$/, 'must look like 62.0').default('62.0').describe('REST API version, set explicitly (jsforce would otherwise use 50.0).'),
    auth: z.discriminatedUnion('flow', [clientCredentials, refreshToken, jwtBearer]),
    lookbackSeconds: z.number().int().min(0).max(86_400).default(600).describe('Incremental reads start this far before the cursor, to catch rows committed late with an earlier SystemModstamp.'),
    quotaStopPercent: z.number().min(1).max(100).default(80).describe('Stop (keeping the checkpoint) once the org\'s daily API usage reaches this share of its limit.'),
    bulkThreshold: z.number().int().min(0).default(50_000).describe('Full reads of objects with at least this many rows use Bulk API 2.0.'),
    bulkDeadlineSeconds: z.number().positive().default(3600).describe('A Bulk job not complete by then is aborted and the read falls back to REST.'),
    bulkPollSeconds: z.number().positive().default(2).describe('First wait between Bulk job status polls (grows ×1.5 up to 30 s).'),
    bulkPageRows: z.number().int().min(1).default(50_000).describe('Rows per Bulk results page (maxRecords).'),
    reconcileAfterDays: z.number().positive().default(7).describe('After this long since the last full read, the next read is full and ids not seen are tombstoned (hard deletes the deleted resource missed).'),
    queryChunkRows: z.number().int().min(200).default(100_000).describe('LIMIT of one keyset query; long reads run several, so no query cursor stays open long enough to expire.'),
    requestTimeoutSeconds: z.number().positive().default(120).describe('One HTTP request\'s deadline; a timeout is retried.'),
    maxAttempts: z.number().int().min(1).max(10).default(5).describe('Tries per request for 429, 5xx, timeouts and resets.'),
    retryBaseSeconds: z.number().min(0).default(1).describe('First retry delay (doubles each try, capped at 60 s) when the server sends no Retry-After.'),
  })
  .strict();

export type SalesforceConfig = z.infer<typeof salesforceSpec>;
export type SalesforceAuthConfig = SalesforceConfig['auth'];
