/**
 * `model.json` (CDM folder metadata 1.0): local entities with attributes in CSV column order and partitions
 * that each name one file. Unknown keys are accepted (producers add their own); reference entities (data in
 * another model) are skipped.
 *
 * @example
 * const folder = await readModelJson('/lake/crm/model.json');
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ConcordError } from '../../core/errors.js';
import { normaliseCdmType } from './cdm-types.js';
import { cdmEncoding, DEFAULT_CSV_FORMAT, resolveLocation, splitMetadataPath, type CdmCsvFormat, type CdmFolder } from './cdm-layout.js';

const formatSettingsSchema = z.looseObject({
  columnHeaders: z.boolean().optional(),
  delimiter: z.string().length(1).optional(),
  quoteStyle: z.string().optional(),
  csvStyle: z.string().optional(),
  encoding: z.string().optional(),
});

export const modelJsonSchema = z.looseObject({
  name: z.string(),
  version: z.string().optional(),
  entities: z.array(
    z.looseObject({
      $type: z.string().optional(),
      name: z.string(),
      attributes: z.array(z.looseObject({ name: z.string(), dataType: z.string().optional() })).optional(),
      partitions: z
        .array(z.looseObject({ name: z.string().optional(), location: z.string().optional(), fileFormatSettings: formatSettingsSchema.optional() }))
        .optional(),
    }),
  ),
});

/**
 * The CSV format of a partition's `fileFormatSettings`. `csvStyle` only says how a writer quotes
 * (`QuoteAlways` every field, `QuoteAfterDelimiter` when needed); a reader accepts both, so only
 * `quoteStyle` changes reading: `QuoteStyle.None` means quotes are data.
 *
 * @example
 * csvFormat({ columnHeaders: true, quoteStyle: 'QuoteStyle.None' }) // { columnHeaders: true, quote: null, … }
 */
export function csvFormat(settings: z.infer<typeof formatSettingsSchema> | undefined): CdmCsvFormat {
  if (!settings) return DEFAULT_CSV_FORMAT;
  return {
    columnHeaders: settings.columnHeaders ?? false,
    delimiter: settings.delimiter ?? ',',
    quote: settings.quoteStyle === 'QuoteStyle.None' ? null : '"',
    encoding: cdmEncoding(settings.encoding),
  };
}

/**
 * Reads and resolves a model.json.
 *
 * @example
 * (await readModelJson('/lake/crm/model.json')).entities.map((e) => e.name) // ['account', 'contact']
 */
export async function readModelJson(file: string): Promise<CdmFolder> {
  const { dir } = splitMetadataPath(file);
  const parsed = modelJsonSchema.safeParse(await readJson(file));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConcordError('CDM_METADATA_INVALID', `${file} is not a CDM model.json: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(), {
      kind: 'data',
      context: { file },
    });
  }
  const entities = [];
  for (const entity of parsed.data.entities) {
    if (entity.$type !== undefined && entity.$type !== 'LocalEntity') continue;
    const partitions = [];
    for (const partition of entity.partitions ?? []) {
      // A partition without a location is schema only.
      if (partition.location === undefined) continue;
      partitions.push({ location: partition.location, path: await resolveLocation(partition.location, dir, dir), format: csvFormat(partition.fileFormatSettings) });
    }
    entities.push({
      name: entity.name,
      attributes: (entity.attributes ?? []).map((a) => ({ name: a.name, type: normaliseCdmType(a.dataType) })),
      partitions,
    });
  }
  return { format: 'model.json', file, entities };
}

/**
 * Reads a JSON file; unreadable or malformed JSON is a data error naming the file.
 *
 * @example
 * await readJson('/lake/crm/model.json')
 */
export async function readJson(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8').catch((cause: unknown) => {
    throw new ConcordError('FILE_NOT_FOUND', `cannot read ${file}: ${(cause as Error).message}`, { kind: 'config', context: { file }, cause });
  });
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (cause) {
    throw new ConcordError('CDM_METADATA_INVALID', `${file} is not valid JSON: ${(cause as Error).message}`, { kind: 'data', context: { file }, cause });
  }
}
