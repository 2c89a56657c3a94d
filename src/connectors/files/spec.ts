/**
 * Config of the generic file connectors `type: csv` and `type: ndjson`: one file is one stream; `id` names
 * the key column and `fields` maps columns to CIM properties (the pipeline builds the mapping from it).
 *
 * @example
 * systems:
 *   leads_file:
 *     type: csv
 *     path: data/leads.csv
 *     stream: leads
 *     id: lead_id
 *     fields: { email: Individual.email, first: Individual.firstName }
 */
import { z } from 'zod';
import { delimiterField, encodingField, maxFieldBytesField, pathField } from '../shared/spec-fields.js';

const commonFileKeys = {
  path: pathField('the file'),
  stream: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, 'must start with a letter and hold letters, digits, _ . -')
    .describe('Stream name the rows are stored under (e.g. leads).'),
  id: z.string().min(1).describe('Column (or top-level JSON key) holding each row\'s unique id.'),
  modstamp: z.string().min(1).optional().describe('Column holding the row\'s last-modified time (ISO-8601), if the file has one.'),
  fields: z
    .record(z.string().min(1), z.string().regex(/^[A-Za-z][A-Za-z0-9_:]*(\[[A-Za-z0-9_]+\])?\.[A-Za-z_][A-Za-z0-9_:]*$/, 'must be Entity.property or Entity[key].property, e.g. Individual.firstName, ContactPointPhone[Mobile].telephoneNumber'))
    .describe('Column → CIM target (Entity.property).'),
  encoding: encodingField,
  maxFieldBytes: maxFieldBytesField,
};

export const csvFileSpec = z.object({ ...commonFileKeys, delimiter: delimiterField }).strict();
export const ndjsonFileSpec = z.object(commonFileKeys).strict();

export type CsvFileConfig = z.infer<typeof csvFileSpec>;
export type NdjsonFileConfig = z.infer<typeof ndjsonFileSpec>;
