/**
 * Config of `type: salesforce-export`: a Salesforce Data Export (Setup → Data Export), as a folder of CSVs,
 * one ZIP, or the ZIP parts `WE_<OrgId>_<n>.ZIP` (a folder of them or a glob).
 *
 * @example
 * systems:
 *   sf_export:
 *     type: salesforce-export
 *     path: exports/WE_00D5g000004abcdEAA_*.ZIP
 *     encoding: latin1
 */
import { z } from 'zod';
import { encodingField, maxFieldBytesField, pathField } from '../shared/spec-fields.js';

/** A Salesforce organization id: 15 or 18 characters starting with 00D. */
export const ORG_ID_PATTERN = /^00D[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$/;

export const salesforceExportSpec = z
  .object({
    path: pathField('the export: a folder of <Object>.csv files, one .zip, a folder of WE_<OrgId>_<n>.ZIP parts, or a glob such as exports/WE_*.ZIP'),
    orgId: z
      .string()
      .regex(ORG_ID_PATTERN, 'must be a Salesforce organization id (15 or 18 characters starting with 00D)')
      .optional()
      .describe('Organization id (Setup → Company Information). Optional when the ZIP names carry it (WE_<OrgId>_<n>.ZIP).'),
    encoding: encodingField,
    maxFieldBytes: maxFieldBytesField,
  })
  .strict();

export type SalesforceExportConfig = z.infer<typeof salesforceExportSpec>;
