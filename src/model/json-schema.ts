/**
 * JSON Schema (draft 2020-12) of the model: one `$defs` entry per entity, keyed by its CIM name (extension
 * entities by their Concord name, marked `x-concord-namespace: "concord"`). Each entry describes a record's
 * `data` under the chosen profile (practical by default); optional properties also accept null.
 *
 * @example
 * const schema = toJsonSchema({ profile: 'strict' });
 * schema.$defs.Individual.required // ['id', 'createdDate', …, 'personName']
 */
import type { EntityDef, Profile, PropertyDef } from './define.js';
import { ENTITIES } from './model.js';
import { DATE_PATTERN, DATETIME_PATTERN, DECIMAL_PATTERN, TIME_PATTERN } from './values.js';

export type JsonSchema = { readonly [key: string]: unknown };

export interface ModelJsonSchema {
  readonly $schema: 'https://json-schema.org/draft/2020-12/schema';
  readonly $id: string;
  readonly title: string;
  readonly $defs: Readonly<Record<string, JsonSchema & { readonly properties: Record<string, JsonSchema>; readonly required: readonly string[] }>>;
}

/**
 * The whole model as JSON Schema.
 *
 * @example
 * JSON.stringify(toJsonSchema(), null, 2)
 */
export function toJsonSchema(options: { profile?: Profile } = {}): ModelJsonSchema {
  const profile = options.profile ?? 'practical';
  const defs: Record<string, JsonSchema & { properties: Record<string, JsonSchema>; required: string[] }> = {};
  for (const def of ENTITIES) defs[def.name] = entitySchema(def, profile);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://concord.dev/model/schema-${profile}.json`,
    title: `Concord CIM model (${profile} profile)`,
    $defs: defs,
  };
}

function entitySchema(def: EntityDef, profile: Profile): JsonSchema & { properties: Record<string, JsonSchema>; required: string[] } {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const prop of def.properties) {
    const isRequired = profile === 'strict' ? prop.strict || prop.name === 'id' : prop.practical;
    const value = valueSchema(prop);
    properties[prop.name] = isRequired ? value : { anyOf: [value, { type: 'null' }] };
    if (isRequired) required.push(prop.name);
  }
  return {
    type: 'object',
    title: def.name,
    'x-concord-namespace': def.namespace,
    ...(def.namespace === 'concord' ? { 'x-concord-extension': true } : {}),
    ...(def.extends === undefined ? {} : { 'x-cim-subClassOf': def.extends }),
    properties,
    required,
    additionalProperties: false,
  };
}

const idString = { type: 'string', minLength: 1 };

function refSchema(ref: string | readonly string[]): JsonSchema {
  if (typeof ref === 'string') return { ...idString, 'x-cim-reference': ref };
  return {
    type: 'object',
    properties: { type: { enum: [...ref] }, id: idString },
    required: ['type', 'id'],
    additionalProperties: false,
    'x-cim-reference': [...ref],
  };
}

function valueSchema(prop: PropertyDef): JsonSchema {
  const extension = prop.extension ? { 'x-concord-extension': true } : {};
  if (prop.collection) return { type: 'array', items: refSchema(prop.ref ?? []), 'x-cim-inverse-collection': true };
  if (prop.ref !== undefined) return { ...refSchema(prop.ref), ...extension };
  if (prop.enum !== undefined) return { type: 'string', enum: [...prop.enum], ...extension };
  switch (prop.type) {
    case 'string':
      return { type: 'string', ...extension };
    case 'id':
      return { ...idString, ...extension };
    case 'datetime':
      // No `format: date-time`: the pattern also admits Salesforce's `+0000` offsets, which RFC 3339 does not.
      return { type: 'string', pattern: DATETIME_PATTERN.source, 'x-cim-type': 'datetime', ...extension };
    case 'date':
      return { type: 'string', format: 'date', pattern: DATE_PATTERN.source, ...extension };
    case 'time':
      return { type: 'string', pattern: TIME_PATTERN.source, ...extension };
    case 'boolean':
      return { type: 'boolean', ...extension };
    case 'integer':
      return { type: 'integer', minimum: Number.MIN_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER, ...extension };
    case 'decimal':
    case 'amount':
    case 'percentage':
      return { anyOf: [{ type: 'number' }, { type: 'string', pattern: DECIMAL_PATTERN.source }], 'x-cim-type': prop.type, ...extension };
  }
}
