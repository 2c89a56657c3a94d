/**
 * A tiny JSON Schema (2020-12) checker covering exactly the keywords `toJsonSchema` emits: type, properties,
 * required, additionalProperties: false, anyOf, enum, pattern, minLength, minimum, maximum, items. Unknown
 * keywords other than annotations (`x-…`, title, format) make it throw, so the schema cannot silently outgrow it.
 */
const ANNOTATIONS = new Set(['title', 'format', '$schema', '$id']);
const KNOWN = new Set(['type', 'properties', 'required', 'additionalProperties', 'anyOf', 'enum', 'pattern', 'minLength', 'minimum', 'maximum', 'items']);

export function checkJsonSchema(schema: Record<string, unknown>, value: unknown, path = '$'): string[] {
  const errors: string[] = [];
  for (const key of Object.keys(schema)) {
    if (!KNOWN.has(key) && !ANNOTATIONS.has(key) && !key.startsWith('x-')) throw new Error(`checker does not support keyword ${key}`);
  }
  const type = schema['type'];
  if (typeof type === 'string' && !hasType(value, type)) return [`${path}: expected ${type}`];
  if (Array.isArray(schema['enum']) && !schema['enum'].includes(value)) errors.push(`${path}: not in enum`);
  if (typeof value === 'string') {
    if (typeof schema['pattern'] === 'string' && !new RegExp(schema['pattern'], 'u').test(value)) errors.push(`${path}: pattern`);
    if (typeof schema['minLength'] === 'number' && [...value].length < schema['minLength']) errors.push(`${path}: minLength`);
  }
  if (typeof value === 'number') {
    if (typeof schema['minimum'] === 'number' && value < schema['minimum']) errors.push(`${path}: minimum`);
    if (typeof schema['maximum'] === 'number' && value > schema['maximum']) errors.push(`${path}: maximum`);
  }
  if (Array.isArray(schema['anyOf'])) {
    const branches = schema['anyOf'] as Record<string, unknown>[];
    if (!branches.some((b) => checkJsonSchema(b, value, path).length === 0)) errors.push(`${path}: no anyOf branch matches`);
  }
  if (Array.isArray(value) && schema['items'] !== undefined) {
    value.forEach((item, i) => errors.push(...checkJsonSchema(schema['items'] as Record<string, unknown>, item, `${path}[${i}]`)));
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const object = value as Record<string, unknown>;
    const properties = (schema['properties'] ?? {}) as Record<string, Record<string, unknown>>;
    for (const key of (schema['required'] ?? []) as string[]) if (!(key in object)) errors.push(`${path}.${key}: required`);
    for (const [key, child] of Object.entries(object)) {
      const sub = properties[key];
      if (sub !== undefined) errors.push(...checkJsonSchema(sub, child, `${path}.${key}`));
      else if (schema['additionalProperties'] === false) errors.push(`${path}.${key}: additional property`);
    }
  }
  return errors;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    default:
      throw new Error(`checker does not support type ${type}`);
  }
}
