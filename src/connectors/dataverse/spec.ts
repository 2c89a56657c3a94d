/**
 * Config of `type: dataverse`: a live Dataverse (Dynamics 365) environment read through the Web API with an
 * Entra ID app registration (client credentials). Secrets never sit in concord.yaml: the auth keys name the
 * environment variables that hold them.
 *
 * @example
 * systems:
 *   dynamics:
 *     type: dataverse
 *     environmentUrl: https://contoso.crm4.dynamics.com
 *     tenantId: 72f988bf-86f1-41af-91ab-2d7cd011db47
 *     clientIdEnv: DATAVERSE_CLIENT_ID
 *     clientSecretEnv: DATAVERSE_CLIENT_SECRET      # or clientCertificate: { privateKeyEnv: DATAVERSE_CERT_KEY, thumbprintSha256: … }
 *     tables: [account, contact, lead]
 */
import { z } from 'zod';

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

const envName = (what: string) =>
  z
    .string()
    .regex(/^[A-Z_][A-Z0-9_]*$/, 'must be the NAME of an environment variable (A-Z, 0-9, _), never the secret itself')
    .describe(`Environment variable that holds the ${what}.`);

export const dataverseSpec = z
  .object({
    environmentUrl: z.string().url().describe('The environment\'s URL (https://<org>.crm.dynamics.com, crm4, crm11 …): Power Platform admin center → environment → Environment URL.'),
    tenantId: z.string().min(1).describe('Entra ID tenant (directory) id or domain the app registration lives in.'),
    authorityHost: z.string().url().default('https://login.microsoftonline.com').describe('Entra ID authority host (another cloud: https://login.microsoftonline.us …).'),
    clientIdEnv: envName('application (client) id of the app registration'),
    clientSecretEnv: envName('client secret of the app registration').optional(),
    clientCertificate: z
      .object({
        privateKeyEnv: envName('PEM private key of the certificate uploaded to the app registration'),
        thumbprintSha256: z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be the certificate\'s SHA-256 thumbprint (64 hex digits)').describe('SHA-256 thumbprint of the certificate (not secret).'),
      })
      .strict()
      .optional()
      .describe('Certificate credentials instead of a client secret: the certificate uploaded under App registrations → Certificates & secrets.'),
    organizationId: z
      .string()
      .regex(GUID, 'must be a GUID (Power Platform admin center → environment → Organization ID)')
      .optional()
      .describe('Records carry externalSourceId dataverse:<id>, the same as a cdm-folder system with this organizationId. Defaults to the environment host name.'),
    tables: z.array(z.string().regex(/^[a-z_][a-z0-9_]*$/, 'must be a table logical name (lower case): account, contact …')).min(1).optional().describe('Tables discover lists; default: the tables the shipped mappings cover.'),
    pageSize: z.number().int().min(1).max(5000).optional().describe('Rows per page (Prefer: odata.maxpagesize, at most 5,000). Default: the run\'s page size, capped at 5,000.'),
    reconcileAfterDays: z.number().positive().default(7).describe('After this long since the last full read, the next read is full and ids not seen are tombstoned (catches what change tracking does not report, such as calculated columns, computed when read).'),
    writeBatchSize: z.number().int().min(1).max(1000).default(100).describe('Rows per $batch when writing back (at most 1,000).'),
    apiVersion: z.string().regex(/^\d+\.\d+$/, 'must look like 9.2').default('9.2').describe('Web API version.'),
    requestTimeoutSeconds: z.number().positive().default(120).describe('One HTTP request\'s deadline; a timeout is retried.'),
    maxAttempts: z.number().int().min(1).max(10).default(5).describe('Tries per request for 429, 5xx, timeouts and resets.'),
    retryBaseSeconds: z.number().min(0).default(1).describe('First retry delay (doubles each try, capped at 5 minutes) when the server sends no Retry-After.'),
  })
  .strict()
  .refine((c) => (c.clientSecretEnv === undefined) !== (c.clientCertificate === undefined), {
    message: 'set either clientSecretEnv or clientCertificate (exactly one)',
    path: ['clientSecretEnv'],
  });

export type DataverseConfig = z.infer<typeof dataverseSpec>;

/** The tables discover lists when `tables` is not set: those the shipped mappings read. */
export const DEFAULT_TABLES = ['account', 'contact', 'lead', 'opportunity', 'incident'] as const;
