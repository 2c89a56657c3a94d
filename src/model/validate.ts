/**
 * The validator on the pipeline's path: checks a `CimRecord` against the model under a profile and names every
 * problem (entity, field, value, rule). Checks are compiled once per entity and profile into plain closures —
 * zod is about an order of magnitude slower here; `schemas.ts` builds equivalent zod schemas from the same table
 * and a test holds the two to the same verdicts.
 *
 * Rules: `unknown-entity`, `not-object` (data is not an object), `unknown-property` (both profiles: a misspelt
 * property would otherwise be dropped silently), `required`, `type`, `format`, `ref` (a malformed reference or a
 * tagged reference to a type outside the union), `enum`. `null` and `undefined` mean "absent".
 *
 * @example
 * const r = validateRecord({ entity: 'ContactPointEmail', data: { id, externalSourceId, externalRecordId, emailAddress: 'a@b.c' } }, 'practical');
 * if (!r.ok) for (const issue of r.error) console.log(issue.message);
 */
import { err, ok, type Result } from '../core/result.js';
import type { EntityDef, Profile, PropertyDef } from './define.js';
import { ENTITIES } from './model.js';
import type { CimRecord } from './record.js';
import { DATE_PATTERN, DATETIME_PATTERN, TIME_PATTERN, isDecimal } from './values.js';

export type ValidationRule = 'unknown-entity' | 'not-object' | 'unknown-property' | 'required' | 'type' | 'format' | 'ref' | 'enum';

export interface ValidationIssue {
  readonly entity: string;
  /** The property at fault; empty for entity-level issues. */
  readonly field: string;
  readonly value: unknown;
  readonly rule: ValidationRule;
  readonly message: string;
}

/** A value check: undefined when fine, else the rule broken and a reason. */
type Check = (value: unknown) => readonly [ValidationRule, string] | undefined;

interface Compiled {
  readonly checks: ReadonlyMap<string, Check>;
  readonly required: readonly string[];
}

const compiled: Record<Profile, Map<string, Compiled>> = { strict: new Map(), practical: new Map() };
for (const def of ENTITIES) {
  compiled.strict.set(def.name, compile(def, 'strict'));
  compiled.practical.set(def.name, compile(def, 'practical'));
}

/**
 * Validates one record. Returns the record itself when valid, else every issue found.
 *
 * @example
 * validateRecord({ entity: 'Nope', data: {} }, 'strict') // err([{ rule: 'unknown-entity', … }])
 */
export function validateRecord(record: CimRecord, profile: Profile): Result<CimRecord, ValidationIssue[]> {
  const entity = compiled[profile].get(record.entity);
  if (entity === undefined) {
    return err([{ entity: record.entity, field: '', value: record.entity, rule: 'unknown-entity', message: `unknown entity ${record.entity}` }]);
  }
  const data = record.data as unknown;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return err([{ entity: record.entity, field: '', value: data, rule: 'not-object', message: `${record.entity}: data must be an object` }]);
  }
  let issues: ValidationIssue[] | undefined;
  const values = data as Record<string, unknown>;
  for (const field in values) {
    const value = values[field];
    const check = entity.checks.get(field);
    if (check === undefined) {
      (issues ??= []).push({ entity: record.entity, field, value, rule: 'unknown-property', message: `${record.entity} has no property ${field}` });
      continue;
    }
    if (value === null || value === undefined) continue;
    const problem = check(value);
    if (problem !== undefined) {
      (issues ??= []).push({ entity: record.entity, field, value, rule: problem[0], message: `${record.entity}.${field} ${problem[1]}` });
    }
  }
  for (const field of entity.required) {
    const value = values[field];
    if (value === null || value === undefined) {
      (issues ??= []).push({ entity: record.entity, field, value, rule: 'required', message: `${record.entity}.${field} is required (${profile} profile)` });
    }
  }
  return issues === undefined ? ok(record) : err(issues);
}

/** True when the record meets the profile; a shortcut for reports ("meets practical, not strict"). */
export function meetsProfile(record: CimRecord, profile: Profile): boolean {
  return validateRecord(record, profile).ok;
}

function compile(def: EntityDef, profile: Profile): Compiled {
  const checks = new Map<string, Check>();
  const required: string[] = [];
  for (const prop of def.properties) {
    checks.set(prop.name, checkFor(prop));
    if (profile === 'strict' ? prop.strict : prop.practical) required.push(prop.name);
  }
  if (profile === 'strict' && !required.includes('id')) required.unshift('id');
  return { checks, required };
}

const describe = (value: unknown): string => (Array.isArray(value) ? 'array' : typeof value);

function checkFor(prop: PropertyDef): Check {
  if (prop.collection) {
    const item = refCheck(prop.ref ?? []);
    return (v) => {
      if (!Array.isArray(v)) return ['type', `must be an array of references, got ${describe(v)}`];
      for (const entry of v) if (item(entry) !== undefined) return ['ref', 'must hold references only'];
      return undefined;
    };
  }
  if (prop.ref !== undefined) return refCheck(prop.ref);
  if (prop.enum !== undefined) {
    const allowed = new Set(prop.enum);
    const list = prop.enum.join(', ');
    return (v) => (typeof v !== 'string' ? ['type', `must be a string, got ${describe(v)}`] : allowed.has(v) ? undefined : ['enum', `must be one of ${list}`]);
  }
  return scalarCheck(prop.type);
}

function refCheck(ref: string | readonly string[]): Check {
  if (typeof ref === 'string') {
    return (v) => (typeof v === 'string' && v.length > 0 ? undefined : ['ref', `must be a non-empty id string referencing ${ref}`]);
  }
  const types = new Set(ref);
  const list = ref.join(' | ');
  return (v) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return ['ref', `must be a tagged reference { type, id } to ${list}`];
    const tagged = v as Record<string, unknown>;
    const keys = Object.keys(tagged);
    if (keys.length !== 2 || typeof tagged['id'] !== 'string' || tagged['id'].length === 0 || typeof tagged['type'] !== 'string') {
      return ['ref', `must be a tagged reference { type, id } to ${list}`];
    }
    return types.has(tagged['type']) ? undefined : ['ref', `type ${tagged['type']} is not one of ${list}`];
  };
}

function scalarCheck(type: PropertyDef['type']): Check {
  switch (type) {
    case 'string':
      return (v) => (typeof v === 'string' ? undefined : ['type', `must be a string, got ${describe(v)}`]);
    case 'id':
      return (v) => (typeof v === 'string' && v.length > 0 ? undefined : ['type', `must be a non-empty id string, got ${describe(v)}`]);
    case 'datetime':
      return pattern(DATETIME_PATTERN, 'an ISO-8601 date-time with a zone (2024-05-01T12:00:00Z)');
    case 'date':
      return pattern(DATE_PATTERN, 'an ISO-8601 date (2024-05-01)');
    case 'time':
      return pattern(TIME_PATTERN, 'a time of day (09:30 or 09:30:00Z)');
    case 'boolean':
      return (v) => (typeof v === 'boolean' ? undefined : ['type', `must be a boolean, got ${describe(v)}`]);
    case 'integer':
      return (v) => (typeof v !== 'number' ? ['type', `must be an integer, got ${describe(v)}`] : Number.isSafeInteger(v) ? undefined : ['format', 'must be a safe integer']);
    case 'decimal':
    case 'amount':
    case 'percentage':
      return (v) =>
        typeof v !== 'number' && typeof v !== 'string'
          ? ['type', `must be a number or a decimal string, got ${describe(v)}`]
          : isDecimal(v)
            ? undefined
            : ['format', 'must be a finite number or a decimal string (1234.50)'];
  }
}

function pattern(re: RegExp, what: string): Check {
  return (v) => (typeof v !== 'string' ? ['type', `must be a string, got ${describe(v)}`] : re.test(v) ? undefined : ['format', `must be ${what}`]);
}
