/**
 * JSON-LD for CIM records, with CIM's own vocabulary: `@vocab` http://cloudinformationmodel.org/model/ (as in
 * CIM's `context.jsonld`), Concord extensions under the `concord` prefix, https://concord.dev/model/.
 *
 * - `@id` of a record: `urn:uuid:<id>` for UUID ids (Concord's ids are UUIDv5), else `urn:concord:id:<id>`.
 * - `@type`: the CIM entity name (`Individual`); extension entities `concord:ServiceCase`.
 * - references become `{ "@id": … }`; tagged references add the target `@type`.
 * - properties of extension entities are written `concord:<name>`, except CIM's system fields, which keep CIM's
 *   meaning; extension properties on CIM entities are already spelt `concord:<name>`.
 * - inverse collections are not written; null values are left out.
 *
 * @example
 * toJsonLd({ entity: 'ContactPointEmail', data: { id: '0b6e…', emailAddress: 'ada@example.com' } })
 * // { '@context': {…}, '@id': 'urn:uuid:0b6e…', '@type': 'ContactPointEmail', emailAddress: 'ada@example.com' }
 */
import { ConcordError } from '../core/errors.js';
import { EXTENSION_PREFIX, SYSTEM_PROPERTIES, type PropertyDef } from './define.js';
import { ENTITIES, getEntity } from './model.js';
import type { CimRecord } from './record.js';

export const CIM_VOCAB = 'http://cloudinformationmodel.org/model/';
export const CONCORD_VOCAB = 'https://concord.dev/model/';
const XSD = 'http://www.w3.org/2001/XMLSchema#';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The IRI of a record id.
 *
 * @example
 * idToIri('6f1c5d1e-2d3b-4c8a-9f57-3e0b8d2a7c41') // 'urn:uuid:6f1c5d1e-2d3b-4c8a-9f57-3e0b8d2a7c41'
 */
export function idToIri(id: string): string {
  return UUID_PATTERN.test(id) ? `urn:uuid:${id.toLowerCase()}` : `urn:concord:id:${encodeURIComponent(id)}`;
}

let cachedContext: Record<string, unknown> | undefined;

/**
 * The JSON-LD context: CIM's vocabulary and prefixes, the `concord` prefix, and datatype coercions for the
 * date-time and date properties whose type is the same on every entity.
 *
 * @example
 * toJsonLdContext()['@context']['@vocab'] // 'http://cloudinformationmodel.org/model/'
 */
export function toJsonLdContext(): { '@context': Record<string, unknown> } {
  cachedContext ??= buildContext();
  return { '@context': cachedContext };
}

function buildContext(): Record<string, unknown> {
  const context: Record<string, unknown> = {
    '@vocab': CIM_VOCAB,
    cim: CIM_VOCAB,
    concord: CONCORD_VOCAB,
    xsd: XSD,
  };
  const typesByName = new Map<string, Set<string>>();
  for (const def of ENTITIES) {
    for (const prop of def.properties) {
      if (prop.collection || prop.ref !== undefined || prop.enum !== undefined) continue;
      const key = jsonLdKey(def.namespace, prop);
      const types = typesByName.get(key) ?? new Set<string>();
      types.add(prop.type);
      typesByName.set(key, types);
    }
  }
  const xsdType: Partial<Record<string, string>> = { datetime: 'xsd:dateTime', date: 'xsd:date' };
  for (const [key, types] of [...typesByName].sort(([a], [b]) => a.localeCompare(b))) {
    const only = types.size === 1 ? [...types][0]! : undefined;
    const coerced = only === undefined ? undefined : xsdType[only];
    if (coerced !== undefined) context[key] = { '@type': coerced };
  }
  return context;
}

const systemNames = new Set<string>(SYSTEM_PROPERTIES);

function jsonLdKey(namespace: 'cim' | 'concord', prop: PropertyDef): string {
  if (namespace === 'concord' && !systemNames.has(prop.name) && !prop.name.startsWith(EXTENSION_PREFIX)) return `${EXTENSION_PREFIX}${prop.name}`;
  return prop.name;
}

/**
 * One record as a JSON-LD node. Throws MODEL_UNKNOWN_ENTITY for an entity the model lacks; properties the model
 * does not know are left out (validate first to be told about them).
 *
 * @example
 * toJsonLd(record, { context: 'https://concord.dev/model/context.jsonld' }) // reference the context instead of embedding it
 */
export function toJsonLd(record: CimRecord, options: { context?: 'embed' | string | false } = {}): Record<string, unknown> {
  const def = getEntity(record.entity);
  if (def === undefined) {
    throw new ConcordError('MODEL_UNKNOWN_ENTITY', `unknown entity ${record.entity}`, { kind: 'data', context: { entity: record.entity } });
  }
  const node: Record<string, unknown> = {};
  const context = options.context ?? 'embed';
  if (context === 'embed') node['@context'] = toJsonLdContext()['@context'];
  else if (context !== false) node['@context'] = context;
  const id = record.data['id'];
  if (typeof id === 'string' && id.length > 0) node['@id'] = idToIri(id);
  node['@type'] = def.namespace === 'concord' ? `${EXTENSION_PREFIX}${def.name}` : def.name;
  for (const prop of def.properties) {
    // `id` is the node's @id; inverse collections are not written.
    if (prop.collection || prop.name === 'id') continue;
    const value = record.data[prop.name];
    if (value === null || value === undefined) continue;
    node[jsonLdKey(def.namespace, prop)] = prop.ref === undefined ? value : referenceNode(value);
  }
  return node;
}

function referenceNode(value: unknown): unknown {
  if (typeof value === 'string') return { '@id': idToIri(value) };
  if (value !== null && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string') {
    const tagged = value as { id: string; type?: unknown };
    const type = typeof tagged.type === 'string' ? tagged.type : undefined;
    const targetDef = type === undefined ? undefined : getEntity(type);
    return {
      '@id': idToIri(tagged.id),
      ...(type === undefined ? {} : { '@type': targetDef?.namespace === 'concord' ? `${EXTENSION_PREFIX}${type}` : type }),
    };
  }
  return value;
}
