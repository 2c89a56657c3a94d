/**
 * The `writeBack:` section of concord.yaml: which golden values of unified person profiles go back to which
 * system's records. Each rule writes to the profile's member records in that system and stream (the records the
 * profile was resolved from), keyed so that a retry updates and never creates twice.
 *
 * @example
 * writeBack:
 *   - system: crm                 # a salesforce or dataverse system
 *     stream: Contact
 *     from: unified-profiles
 *     fields: { Email: email, Phone: phone }   # target field: golden attribute
 *     externalId: Id              # default: Id (Salesforce) or the table's primary key (Dataverse)
 */
import { z } from 'zod';

/** Golden attributes of a person profile (see `PERSON_ATTRIBUTES`). */
export const GOLDEN_ATTRIBUTES = ['personName', 'firstName', 'middleName', 'lastName', 'birthDate', 'email', 'phone', 'address'] as const;
export type GoldenAttribute = (typeof GOLDEN_ATTRIBUTES)[number];

export const writeBackRuleSchema = z
  .object({
    system: z.string().min(1).describe('A configured system of type salesforce or dataverse.'),
    stream: z.string().min(1).describe('The object (Contact) or table (contact) whose member records are written.'),
    from: z.literal('unified-profiles').default('unified-profiles').describe('Where the values come from: the golden values of unified person profiles.'),
    fields: z
      .record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'a field API name or column logical name'), z.enum(GOLDEN_ATTRIBUTES))
      .refine((f) => Object.keys(f).length > 0, 'name at least one field')
      .describe('Target field → golden attribute (email, phone, firstName, lastName, birthDate …).'),
    externalId: z
      .union([z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/), z.array(z.string().regex(/^[a-z][a-z0-9_]*$/)).min(1)])
      .optional()
      .describe(
        'The key rows are upserted by, its value read from the stored copy of the record: a Salesforce external id field (default Id) or Dataverse alternate key columns (default: the primary key).',
      ),
    enabled: z.boolean().default(true).describe('Skip this rule when false.'),
  })
  .strict()
  .describe('One write-back rule: golden values of unified person profiles to the member records of one system stream.');

export const writeBackSchema = z.array(writeBackRuleSchema).default([]).describe('Write-back after each sync (see docs/write-back.md).');

export type WriteBackRule = z.infer<typeof writeBackRuleSchema>;
