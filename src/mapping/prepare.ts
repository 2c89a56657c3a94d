/**
 * Checks a mapping and resolves it once: record keys, targets (`Entity[key].property`), transforms and `set`
 * values. Both directions (compile.ts, reverse.ts) start from this.
 */
import { ConcordError } from '../core/errors.js';
import { createIdFunction, type IdFunction } from './fast-id.js';
import { createPhoneNormalizer, type PhoneNormalizer } from './normalize/index.js';
import { COMPANION, MAIN, type Part } from './row-state.js';
import { TRANSFORMS, defaultTransformFor, type CompiledTransform, type ResolvedTarget } from './transforms.js';
import type { CompileOptions, FieldMap, JsonValue, RecordSpec, SetValue, StreamMapping } from './types.js';

export type PreparedSet =
  | { readonly kind: 'value'; readonly property: string; readonly value: JsonValue }
  | { readonly kind: 'ref'; readonly property: string; readonly record: number; readonly tag: boolean }
  | { readonly kind: 'system'; readonly property: string; readonly name: string; readonly datePart: boolean }
  | { readonly kind: 'referenceData'; readonly property: string; readonly entity: string; readonly value: string; readonly nameProperty: string };

export interface PreparedRecord {
  readonly index: number;
  readonly spec: RecordSpec;
  /** 0 always, 1 mapped, 2 mapped or any of `anyOf`. */
  readonly when: 0 | 1 | 2;
  readonly anyOf: readonly number[];
  readonly set: readonly PreparedSet[];
  readonly companionSet: readonly PreparedSet[];
}

export interface PreparedField {
  readonly map: FieldMap;
  readonly transformName: string;
  readonly target: ResolvedTarget;
  readonly compiled: CompiledTransform;
  readonly readOnly: boolean;
  readonly defaultValue: JsonValue | undefined;
}

export interface PreparedMapping {
  readonly mapping: StreamMapping;
  readonly system: string;
  readonly stream: string;
  readonly externalSourceId: string;
  readonly idKind: 'salesforce' | 'guid' | 'string';
  readonly records: readonly PreparedRecord[];
  readonly fields: readonly PreparedField[];
  readonly id: IdFunction;
  readonly phone: PhoneNormalizer;
}

// Entity, optional [key], optional property (an extension property carries a namespace: concord:ownerId).
const TARGET = /^([A-Za-z][A-Za-z0-9_]*)(?:\[([^\]]+)\])?(?:\.((?:[a-z]+:)?[A-Za-z][A-Za-z0-9_]*))?$/;

function invalid(mapping: StreamMapping, message: string, field?: string): ConcordError {
  const context: Record<string, string> = { system: mapping.system, stream: mapping.stream };
  if (field !== undefined) context['field'] = field;
  return new ConcordError('MAPPING_INVALID', message, { kind: 'config', context });
}

/**
 * Resolves `Entity.property`, `Entity[key].property` or `Entity[key]` against the mapping's records. A
 * companion entity (`ContactPoint[Email].primaryFlag`) resolves to the companion row of that record.
 */
export function resolveTarget(mapping: StreamMapping, target: string, field?: string): ResolvedTarget {
  const m = TARGET.exec(target);
  if (m === null) throw invalid(mapping, `target "${target}" is not Entity.property or Entity[key].property`, field);
  const entity = m[1]!;
  const key = m[2];
  const property = m[3] ?? '';
  const candidates: Array<{ record: number; part: Part }> = [];
  mapping.records.forEach((r, i) => {
    if (key !== undefined && r.key !== key) return;
    if (r.entity === entity) candidates.push({ record: i, part: MAIN });
    else if (r.companion === entity) candidates.push({ record: i, part: COMPANION });
  });
  if (candidates.length === 0) {
    const known = [...new Set(mapping.records.map((r) => (r.companion ? `${r.entity}, ${r.companion}` : r.entity)))].join(', ');
    throw invalid(mapping, `target "${target}": no record ${key === undefined ? `of entity ${entity}` : `${entity}[${key}]`} in the ${mapping.system} ${mapping.stream} mapping (records: ${known})`, field);
  }
  if (candidates.length > 1) {
    const keys = candidates.map((c) => `${entity}[${mapping.records[c.record]!.key}]`).join(', ');
    throw invalid(mapping, `target "${target}" is ambiguous: name the record, one of ${keys}`, field);
  }
  return { ...candidates[0]!, entity, property };
}

function prepareSet(mapping: StreamMapping, keys: ReadonlyMap<string, number>, set: Readonly<Record<string, SetValue>> | undefined): PreparedSet[] {
  const out: PreparedSet[] = [];
  for (const [property, value] of Object.entries(set ?? {})) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const v = value as Record<string, JsonValue>;
      const refKey = typeof v['ref'] === 'string' ? v['ref'] : typeof v['tag'] === 'string' ? v['tag'] : undefined;
      if (refKey !== undefined) {
        const record = keys.get(refKey);
        if (record === undefined) throw invalid(mapping, `set ${property}: no record with key "${refKey}"`);
        out.push({ kind: 'ref', property, record, tag: typeof v['tag'] === 'string' });
        continue;
      }
      if (typeof v['referenceData'] === 'string' && typeof v['value'] === 'string') {
        const nameProperty = typeof v['property'] === 'string' ? v['property'] : 'name';
        out.push({ kind: 'referenceData', property, entity: v['referenceData'], value: v['value'], nameProperty });
        continue;
      }
      if (typeof v['system'] === 'string') {
        out.push({ kind: 'system', property, name: v['system'], datePart: v['datePart'] === true });
        continue;
      }
    }
    out.push({ kind: 'value', property, value: value as JsonValue });
  }
  return out;
}

/** Validates and resolves a mapping for the given connection. Throws MAPPING_INVALID naming the problem. */
export function prepareMapping(mapping: StreamMapping, options: CompileOptions): PreparedMapping {
  const keys = new Map<string, number>();
  mapping.records.forEach((r, i) => {
    if (keys.has(r.key)) throw invalid(mapping, `two records share the key "${r.key}"`);
    keys.set(r.key, i);
  });
  if (!mapping.records.some((r) => r.when === 'always')) throw invalid(mapping, 'no record is emitted always: a row would produce nothing');
  if (mapping.source[mapping.idField] === undefined) throw invalid(mapping, `id field ${mapping.idField} is not declared in source`);

  const records: PreparedRecord[] = mapping.records.map((spec, index) => {
    const when = spec.when ?? 'mapped';
    const anyOf = typeof when === 'object' ? when.anyOf.map((k) => {
      const i = keys.get(k);
      if (i === undefined) throw invalid(mapping, `record ${spec.key}: anyOf names unknown record "${k}"`);
      return i;
    }) : [];
    if (spec.companion !== undefined && spec.referenceData !== undefined) throw invalid(mapping, `record ${spec.key}: reference data has no companion`);
    return {
      index,
      spec,
      when: when === 'always' ? 0 : when === 'mapped' ? 1 : 2,
      anyOf,
      set: prepareSet(mapping, keys, spec.set),
      companionSet: prepareSet(mapping, keys, spec.companionSet),
    };
  });

  const id = createIdFunction();
  const phone = createPhoneNormalizer({ defaultRegion: options.defaultRegion, ...(options.phoneCacheSize === undefined ? {} : { cacheSize: options.phoneCacheSize }) });
  const idKind = mapping.idKind ?? 'string';
  const system = options.system;
  const fields: PreparedField[] = mapping.fields.map((map) => {
    const spec = mapping.source[map.source];
    if (spec === undefined) throw invalid(mapping, `field map source ${map.source} is not declared in source`, map.source);
    const transformName = map.transform?.name ?? defaultTransformFor(spec.type);
    const def = TRANSFORMS.get(transformName);
    if (def === undefined) throw invalid(mapping, `unknown transform "${transformName}" (known: ${[...TRANSFORMS.keys()].join(', ')})`, map.source);
    const target = resolveTarget(mapping, map.target, map.source);
    if (target.property === '' && def.wholeRecord !== true) throw invalid(mapping, `target "${map.target}" names no property`, map.source);
    const compiled = def.compile({
      source: map.source,
      spec,
      target,
      args: map.transform?.args ?? {},
      system,
      idKind,
      id,
      phone,
      defaultRegion: options.defaultRegion,
      resolve: (t) => resolveTarget(mapping, t, map.source),
    });
    return { map, transformName, target, compiled, readOnly: spec.readOnly === true, defaultValue: map.default };
  });

  return {
    mapping,
    system,
    stream: options.stream ?? mapping.stream,
    externalSourceId: options.externalSourceId,
    idKind,
    records,
    fields,
    id,
    phone,
  };
}
