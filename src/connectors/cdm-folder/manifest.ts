/**
 * `*.manifest.cdm.json` with entity documents (`*.cdm.json`): entity declarations point at a definition
 * (`entityPath: "contact.cdm.json/contact"`), whose `hasAttributes` give the columns in order (attribute
 * groups are flattened); data is listed by `dataPartitions` and found by `dataPartitionPatterns` (a regular
 * expression or glob under `rootLocation`). Sub-manifests and referenced entities are not followed.
 *
 * @example
 * const folder = await readManifest('/lake/crm/default.manifest.cdm.json');
 */
import { join } from 'node:path';
import { z } from 'zod';
import { ConcordError } from '../../core/errors.js';
import { globToRegExp } from '../shared/paths.js';
import { normaliseCdmType } from './cdm-types.js';
import { cdmEncoding, DEFAULT_CSV_FORMAT, listFilesUnder, resolveLocation, splitMetadataPath, type CdmAttribute, type CdmCsvFormat, type CdmEntity, type CdmFolder, type CdmPartition } from './cdm-layout.js';
import { readJson } from './model-json.js';

const argumentSchema = z.looseObject({ name: z.string().optional(), value: z.unknown() });
const traitSchema = z.union([z.string(), z.looseObject({ traitReference: z.unknown().optional(), arguments: z.array(z.unknown()).optional() })]);

const manifestSchema = z.looseObject({
  manifestName: z.string().optional(),
  entities: z
    .array(
      z.looseObject({
        type: z.string().optional(),
        entityName: z.string(),
        entityPath: z.string().optional(),
        entitySchema: z.string().optional(),
        dataPartitions: z.array(z.looseObject({ location: z.string(), exhibitsTraits: z.array(traitSchema).optional() })).optional(),
        dataPartitionPatterns: z
          .array(
            z.looseObject({
              rootLocation: z.string(),
              regularExpression: z.string().optional(),
              globPattern: z.string().optional(),
              exhibitsTraits: z.array(traitSchema).optional(),
            }),
          )
          .optional(),
      }),
    )
    .default([]),
});

/**
 * The CSV format of a partition's `is.partition.format.CSV` trait arguments (values are strings).
 *
 * @example
 * traitFormat([{ traitReference: 'is.partition.format.CSV', arguments: [{ name: 'columnHeaders', value: 'true' }] }]).columnHeaders // true
 */
export function traitFormat(traits: ReadonlyArray<z.infer<typeof traitSchema>> | undefined): CdmCsvFormat {
  const format = { ...DEFAULT_CSV_FORMAT };
  for (const trait of traits ?? []) {
    if (typeof trait === 'string' || trait.traitReference !== 'is.partition.format.CSV') continue;
    for (const arg of trait.arguments ?? []) {
      const parsed = argumentSchema.safeParse(arg);
      if (!parsed.success) continue;
      const value = String(parsed.data.value);
      if (parsed.data.name === 'columnHeaders') format.columnHeaders = value.toLowerCase() === 'true';
      else if (parsed.data.name === 'delimiter' && value.length === 1) format.delimiter = value;
      else if (parsed.data.name === 'quoteStyle') format.quote = value === 'QuoteStyle.None' ? null : '"';
      else if (parsed.data.name === 'encoding') format.encoding = cdmEncoding(value);
    }
  }
  return format;
}

/**
 * Attributes of an entity definition, in order, with attribute groups flattened.
 *
 * @example
 * collectAttributes([{ name: 'contactid', dataType: 'entityId', purpose: 'identifiedBy' }]) // [{ name: 'contactid', type: 'string', isPrimaryKey: true }]
 */
export function collectAttributes(items: readonly unknown[]): CdmAttribute[] {
  const out: CdmAttribute[] = [];
  for (const item of items) {
    if (item === null || typeof item !== 'object') continue;
    const attr = item as Record<string, unknown>;
    if (typeof attr['name'] === 'string' && attr['dataType'] !== undefined) {
      const dataType = typeof attr['dataType'] === 'string' ? attr['dataType'] : (attr['dataType'] as Record<string, unknown>)['dataTypeReference'];
      const format = typeof attr['dataFormat'] === 'string' ? attr['dataFormat'] : undefined;
      const purpose = typeof attr['purpose'] === 'string' ? attr['purpose'] : undefined;
      const key = attr['isPrimaryKey'] === true || purpose === 'identifiedBy';
      out.push({ name: attr['name'], type: normaliseCdmType(format ?? (typeof dataType === 'string' ? dataType : undefined)), ...(key ? { isPrimaryKey: true } : {}) });
      continue;
    }
    const group = attr['attributeGroupReference'];
    if (group !== null && typeof group === 'object') {
      const members = (group as Record<string, unknown>)['members'];
      if (Array.isArray(members)) out.push(...collectAttributes(members));
    }
  }
  return out;
}

async function entityAttributes(manifestDir: string, entityPath: string, entityName: string, manifestFile: string): Promise<CdmAttribute[]> {
  const slash = entityPath.lastIndexOf('/');
  const documentPath = (slash >= 0 ? entityPath.slice(0, slash) : entityPath).replace(/^local:/, '').replace(/^\//, '');
  const definitionName = slash >= 0 ? entityPath.slice(slash + 1) : entityName;
  const document = (await readJson(join(manifestDir, documentPath))) as Record<string, unknown>;
  const definitions = Array.isArray(document['definitions']) ? (document['definitions'] as Array<Record<string, unknown>>) : [];
  const definition = definitions.find((d) => d['entityName'] === definitionName);
  if (!definition) {
    throw new ConcordError('CDM_ENTITY_MISSING', `${documentPath} defines no entity ${definitionName}`, {
      kind: 'data',
      context: { file: manifestFile, entity: entityName },
      hint: 'entityPath is <document>/<entity name>',
    });
  }
  return collectAttributes(Array.isArray(definition['hasAttributes']) ? definition['hasAttributes'] : []);
}

/**
 * Reads a manifest and its entity documents.
 *
 * @example
 * (await readManifest('/lake/crm/default.manifest.cdm.json')).entities[0]?.partitions
 */
export async function readManifest(file: string): Promise<CdmFolder> {
  const { dir } = splitMetadataPath(file);
  const parsed = manifestSchema.safeParse(await readJson(file));
  if (!parsed.success) {
    throw new ConcordError('CDM_METADATA_INVALID', `${file} is not a CDM manifest: ${parsed.error.issues[0]?.message ?? ''}`, { kind: 'data', context: { file } });
  }
  const entities: CdmEntity[] = [];
  for (const declaration of parsed.data.entities) {
    if (declaration.type !== undefined && declaration.type !== 'LocalEntity') continue;
    const entityPath = declaration.entityPath ?? declaration.entitySchema ?? `${declaration.entityName}.cdm.json/${declaration.entityName}`;
    const attributes = await entityAttributes(dir, entityPath, declaration.entityName, file);
    const partitions: CdmPartition[] = [];
    for (const partition of declaration.dataPartitions ?? []) {
      partitions.push({ location: partition.location, path: await resolveLocation(partition.location, dir, dir), format: traitFormat(partition.exhibitsTraits) });
    }
    const explicit = new Set(partitions.map((p) => p.path));
    for (const pattern of declaration.dataPartitionPatterns ?? []) {
      const root = join(dir, pattern.rootLocation.replace(/^[a-z][a-z0-9-]*:/i, '').replace(/^\//, ''));
      const regex = pattern.regularExpression !== undefined ? new RegExp(pattern.regularExpression) : pattern.globPattern !== undefined ? globPatternRegExp(pattern.globPattern) : /.*/;
      for (const relative of await listFilesUnder(root)) {
        // Patterns are matched against the path below rootLocation, with or without its leading slash.
        if (!regex.test(relative) && !regex.test(`/${relative}`)) continue;
        const path = join(root, relative);
        // Explicit partitions are never overwritten by inferred ones.
        if (explicit.has(path)) continue;
        explicit.add(path);
        partitions.push({ location: `${pattern.rootLocation.replace(/\/$/, '')}/${relative}`, path, format: traitFormat(pattern.exhibitsTraits) });
      }
    }
    entities.push({ name: declaration.entityName, attributes, partitions });
  }
  return { format: 'manifest', file, entities };
}

/** A CDM glob (`*` within a segment, `**` across segments) as an anchored regular expression. */
function globPatternRegExp(glob: string): RegExp {
  const trimmed = glob.replace(/^\//, '');
  if (!trimmed.includes('**')) return globToRegExp(trimmed);
  const body = trimmed
    .split('**')
    .map((part) => globToRegExp(part).source.slice(1, -1))
    .join('.*');
  return new RegExp(`^${body}$`);
}
