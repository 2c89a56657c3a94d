/**
 * Config of `type: cdm-folder`: a CDM folder as Dataverse's Azure Synapse Link (Export to Data Lake) writes
 * it, described by `model.json` or by `*.manifest.cdm.json` with entity documents.
 *
 * @example
 * systems:
 *   dataverse_lake:
 *     type: cdm-folder
 *     path: lake/dataverse-contoso-unq1234
 *     organizationId: 0f6ab0e0-3b4f-4b9e-9a51-6f0c2b3d4e5f
 */
import { z } from 'zod';
import { maxFieldBytesField, pathField } from '../shared/spec-fields.js';

export const cdmFolderSpec = z
  .object({
    path: pathField('the CDM folder (holding model.json or *.manifest.cdm.json), or to the metadata file itself'),
    organizationId: z
      .string()
      .regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'must be a GUID (Power Platform admin center → environment → Organization ID)')
      .optional()
      .describe('Dataverse organization id: records carry externalSourceId dataverse:<id>. Defaults to the folder name (dataverse:<folder>); set it so ids survive a moved folder.'),
    maxFieldBytes: maxFieldBytesField,
  })
  .strict();

export type CdmFolderConfig = z.infer<typeof cdmFolderSpec>;
