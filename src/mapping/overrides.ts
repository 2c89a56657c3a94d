/**
 * concord.yaml mapping overrides: `mappings.<system>.<stream>.fields` retargets a source field (`'Entity.property'`)
 * or drops it (`null`); `values` adds or replaces entries of a field's value table. Overrides produce a new
 * mapping; the shipped one is never changed.
 *
 * @example
 * applyOverrides(salesforceContact, { fields: { Title: 'Individual.occupation', Fax: null },
 *   values: { LeadSource: { Web: 'Website' } } });
 */
import { ConcordError } from '../core/errors.js';
import { resolveTarget } from './prepare.js';
import { TRANSFORMS, defaultTransformFor } from './transforms.js';
import type { FieldMap, JsonValue, MappingOverride, SourceFieldSpec, StreamMapping } from './types.js';

/** Salesforce custom fields (`Loyalty_Tier__c`) may be mapped without being declared: they are org-specific. */
const CUSTOM_FIELD = /__c$/;

function overrideError(mapping: StreamMapping, code: string, message: string, field: string, hint: string): ConcordError {
  return new ConcordError(code, message, {
    kind: 'config',
    context: { key: `mappings.${mapping.system}.${mapping.stream}`, system: mapping.system, stream: mapping.stream, field },
    hint,
  });
}

/** Returns `mapping` with `override` applied; throws a ConcordError naming any unknown field or target. */
export function applyOverrides(mapping: StreamMapping, override: MappingOverride | undefined): StreamMapping {
  if (override === undefined || (override.fields === undefined && override.values === undefined)) return mapping;
  const source: Record<string, SourceFieldSpec> = { ...mapping.source };
  let fields: FieldMap[] = [...mapping.fields];
  const declared = Object.keys(mapping.source);

  for (const [field, target] of Object.entries(override.fields ?? {})) {
    if (source[field] === undefined) {
      if (!CUSTOM_FIELD.test(field) || target === null) {
        throw overrideError(mapping, 'MAPPING_OVERRIDE_UNKNOWN_FIELD', `mapping override names unknown field ${field} of ${mapping.system} ${mapping.stream}`, field, `known fields: ${declared.slice(0, 40).join(', ')}${declared.length > 40 ? ', …' : ''}`);
      }
      source[field] = { type: 'string' };
    }
    const existing = fields.filter((f) => f.source === field);
    fields = fields.filter((f) => f.source !== field);
    if (target === null) continue;
    const probe: StreamMapping = { ...mapping, source, fields };
    const resolved = resolveTarget(probe, target, field);
    // Keep the shipped transform when the new target is the same kind of record (a phone stays a phone).
    const keep = existing.find((f) => f.transform !== undefined && resolveTarget(probe, f.target, field).entity === resolved.entity);
    const transformName = keep?.transform?.name ?? defaultTransformFor(source[field]!.type);
    if (resolved.property === '' && TRANSFORMS.get(transformName)?.wholeRecord !== true) {
      throw overrideError(mapping, 'MAPPING_OVERRIDE_TARGET', `override target "${target}" for ${field} names no property`, field, 'write Entity.property, e.g. Individual.occupation');
    }
    const next: FieldMap = keep?.transform === undefined ? { source: field, target } : { source: field, target, transform: keep.transform };
    fields.push(next);
  }

  for (const [field, table] of Object.entries(override.values ?? {})) {
    if (source[field] === undefined) {
      throw overrideError(mapping, 'MAPPING_OVERRIDE_UNKNOWN_FIELD', `value override names unknown field ${field} of ${mapping.system} ${mapping.stream}`, field, `known fields: ${declared.slice(0, 40).join(', ')}`);
    }
    let touched = false;
    fields = fields.map((f) => {
      if (f.source !== field) return f;
      if (f.transform?.name !== 'choice') return f;
      touched = true;
      const args = f.transform.args ?? {};
      const base = (args['table'] ?? {}) as Readonly<Record<string, JsonValue>>;
      return { ...f, transform: { name: 'choice', args: { ...args, table: { ...base, ...table } } } };
    });
    if (!touched) {
      // A field without a value table gets one on its first field map.
      const first = fields.findIndex((f) => f.source === field);
      if (first < 0) throw overrideError(mapping, 'MAPPING_OVERRIDE_NOT_MAPPED', `value override for ${field}, which the mapping does not map`, field, `map it first: fields: { ${field}: Entity.property }`);
      const f = fields[first]!;
      if (f.transform !== undefined && f.transform.name !== 'copy' && f.transform.name !== 'trim') {
        throw overrideError(mapping, 'MAPPING_OVERRIDE_NOT_CHOICE', `${field} uses the ${f.transform.name} transform, which has no value table`, field, 'value overrides apply to picklist / option fields');
      }
      fields[first] = { ...f, transform: { name: 'choice', args: { table: { ...table } } } };
    }
  }
  return { ...mapping, source, fields };
}
