/**
 * The model module's public surface: the entity table, validation, zod schemas and the exports (JSON Schema,
 * SQL, JSON-LD).
 *
 * @example
 * import { validateRecord, getEntity, toJsonSchema } from './model/index.js';
 */
export { type CimRecord, type TaggedRef, type CimKey, cimKeyOf } from './record.js';
export {
  entity,
  systemFields,
  PROPERTY_TYPES,
  KEY_PROPERTIES,
  SYSTEM_PROPERTIES,
  EXTENSION_PREFIX,
  type PropertyType,
  type PropertyDef,
  type EntityDef,
  type Namespace,
  type Profile,
} from './define.js';
export { ENTITIES, ENTITY_TABLE, getEntity, entityNames, type EntityName, type EntityData } from './model.js';
export { validateRecord, meetsProfile, type ValidationIssue, type ValidationRule } from './validate.js';
export { entitySchema, isEntityName } from './schemas.js';
export type * from './schemas.js';
export { toJsonSchema, type ModelJsonSchema } from './json-schema.js';
export { toSql, columnType, quoteIdent, type SqlDialect } from './sql.js';
export { toJsonLd, toJsonLdContext, idToIri, CIM_VOCAB, CONCORD_VOCAB } from './jsonld.js';
export { DEVIATIONS, TIME_OF_DAY_PROPERTIES, propertyDeviation, type Deviation } from './deviations.js';
