/**
 * Config of `type: marketing-cloud-export`: a folder of Marketing Cloud extracts — `Subscribers.csv` and the
 * tracking extracts `Sent.csv`, `Opens.csv`, `Clicks.csv`, `Bounces.csv`, `Unsubs.csv` (data-view columns).
 *
 * @example
 * systems:
 *   mc:
 *     type: marketing-cloud-export
 *     path: extracts/2024-05-01
 *     mid: "514001234"
 */
import { z } from 'zod';
import { delimiterField, encodingField, maxFieldBytesField, pathField } from '../shared/spec-fields.js';

export const marketingCloudExportSpec = z
  .object({
    path: pathField('the folder (or one .zip) holding Subscribers.csv, Sent.csv, Opens.csv, Clicks.csv, Bounces.csv and Unsubs.csv'),
    mid: z
      .union([z.string(), z.number().int()])
      .transform(String)
      .pipe(z.string().regex(/^\d{3,12}$/, 'must be the business unit MID: 3 to 12 digits'))
      .describe('Business unit MID (Setup → Business Units); records carry externalSourceId marketing-cloud:<mid>.'),
    delimiter: delimiterField,
    encoding: encodingField,
    maxFieldBytes: maxFieldBytesField,
  })
  .strict();

export type MarketingCloudExportConfig = z.infer<typeof marketingCloudExportSpec>;
