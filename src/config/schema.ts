/**
 * The schema of `concord.yaml`: the single source of truth for its types, its validation messages and the
 * commented file that `concord init` writes. Connector-specific keys are validated by each connector's
 * `spec.ts` (see `src/connectors/registry.ts`).
 */
import { z } from 'zod';
import { writeBackSchema } from '../writeback/config.js';
import { DEFAULT_SURVIVORSHIP, PERSON_ATTRIBUTES, SURVIVORSHIP_RULES } from '../identity/store/survive.js';

const ruleChain = z.array(z.enum(SURVIVORSHIP_RULES)).min(1);

export const storeUrlSchema = z
  .string()
  .regex(/^(sqlite:|postgres:\/\/|postgresql:\/\/)/, 'must start with sqlite: or postgres://')
  .describe('Where Concord keeps its data: sqlite:<file> (embedded default) or postgres://user@host/db.');

export const systemSchema = z
  .looseObject({
    type: z.string().min(1).describe('Connector type: salesforce-export, cdm-folder, csv, ndjson, …'),
    streams: z.array(z.string().min(1)).optional().describe('Streams to sync; all that the system has when omitted.'),
    enabled: z.boolean().default(true).describe('Skip this system when false.'),
  })
  .describe('One system: a Salesforce org, a Dataverse environment, a Marketing Cloud business unit or a folder of files.');

export const mappingOverrideSchema = z
  .object({
    fields: z
      .record(z.string(), z.union([z.string(), z.null()]))
      .optional()
      .describe('Source field → CIM target (Entity.property), or null to drop the field from the mapping.'),
    values: z
      .record(z.string(), z.record(z.string(), z.string()))
      .optional()
      .describe('Per source field: source picklist / option value → CIM value.'),
  })
  .strict();

export const configSchema = z
  .object({
    store: storeUrlSchema.default('sqlite:.concord/concord.db'),
    defaults: z
      .object({
        region: z
          .string()
          .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as US or GB')
          .default('US')
          .describe('Default region for phone numbers without a country code.'),
        profile: z
          .enum(['strict', 'practical'])
          .default('practical')
          .describe('Validation profile: strict (the CIM model as written) or practical (identity and business keys).'),
        pageSize: z.number().int().min(1).max(100_000).default(2000).describe('Records per page (one transaction each).'),
      })
      .strict()
      .prefault({}),
    systems: z.record(z.string().regex(/^[a-z][a-z0-9_-]*$/, 'system names are lower-case letters, digits, - and _'), systemSchema).default({}),
    mappings: z
      .record(z.string(), z.record(z.string(), mappingOverrideSchema))
      .default({})
      .describe('Mapping overrides: mappings.<system>.<stream>.fields / values.'),
    identity: z
      .object({
        threshold: z.number().gt(0).max(1).default(0.9).describe('Match probability at or above which two person records are one profile.'),
        sourcePriority: z
          .array(z.string().min(1))
          .default([])
          .describe('Systems most trusted first: breaks survivorship ties after most recent and most complete.'),
        survivorship: z
          .object({
            rules: ruleChain.default([...DEFAULT_SURVIVORSHIP]).describe('Rule chain for every golden attribute, first decisive rule wins: most-recent, most-complete, most-frequent, source-priority.'),
            attributes: z
              .partialRecord(z.enum(PERSON_ATTRIBUTES as unknown as [string, ...string[]]), ruleChain)
              .default({})
              .describe('A rule chain per attribute (personName, firstName, middleName, lastName, birthDate, email, phone, address), overriding rules.'),
          })
          .strict()
          .prefault({})
          .describe('How each golden value is chosen among a profile\'s records.'),
        resolveOnSync: z.boolean().default(true).describe('Resolve new and changed people into profiles at the end of every sync (incremental).'),
      })
      .strict()
      .prefault({})
      .describe('Identity resolution (concord resolve).'),
    writeBack: writeBackSchema,
    serve: z
      .object({
        port: z.number().int().min(0).max(65_535).default(4321).describe('Port of the API and web UI.'),
        host: z.string().min(1).default('127.0.0.1').describe('Interface to listen on (0.0.0.0 for every one).'),
        intervalMinutes: z.number().gt(0).max(10_080).optional().describe('Minutes between scheduled syncs; without it a sync runs only when asked for.'),
        corsOrigins: z.array(z.string().regex(/^https?:\/\/[^/\s]+$/, 'must be an origin such as https://crm.example.com (no path)')).default([]).describe('Origins allowed to call the API from a browser (CORS stays off when empty).'),
      })
      .strict()
      .prefault({})
      .describe('concord serve: the HTTP API, the web UI and the sync scheduler.'),
  })
  .strict();

export type ConcordConfig = z.infer<typeof configSchema>;
export type SystemConfig = z.infer<typeof systemSchema>;
