/**
 * Deterministic identifiers. Concord ids are RFC 4122 version-5 UUIDs (SHA-1 over a namespace and a name), so
 * mapping stays a pure function: the same source record always yields the same CIM ids.
 *
 * @example
 * concordId('salesforce', 'Contact', '0035g00000A1b2CAAR', 'Email') // '9b0c…' (stable)
 */
import { createHash } from 'node:crypto';

/** Concord's namespace UUID (a v4 UUID drawn once and fixed forever). */
export const CONCORD_NAMESPACE = '6f1c5d1e-2d3b-4c8a-9f57-3e0b8d2a7c41';

const namespaceBytes = uuidToBytes(CONCORD_NAMESPACE);

function uuidToBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex');
}

function bytesToUuid(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** RFC 4122 §4.3 name-based UUID, SHA-1 variant. */
export function uuidV5(name: string, namespace: Buffer = namespaceBytes): string {
  const hash = createHash('sha1').update(namespace).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  return bytesToUuid(bytes);
}

/** The Concord id of a record derived from (system, stream, native id, slot). Parts are joined unambiguously. */
export function concordId(...parts: ReadonlyArray<string | number>): string {
  return uuidV5(parts.map((p) => String(p).replace(/\\/g, '\\\\').replace(/\u001f/g, '\\u001f')).join('\u001f'));
}

/** Stable content hash (hex SHA-1) of a JSON-serialisable value with sorted keys. */
export function contentHash(value: unknown): string {
  return createHash('sha1').update(stableStringify(value)).digest('hex');
}

/** JSON.stringify with object keys sorted, so equal content gives equal text. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : stableStringify(v))).join(',')}]`;
  const entries = Object.keys(value as Record<string, unknown>)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableStringify((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

/**
 * Salesforce 15-character case-sensitive ids to their 18-character case-insensitive form (A11 of the vendor
 * notes); 18-character ids are returned unchanged.
 */
export function salesforceId18(id: string): string {
  if (id.length !== 15) return id;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id.charCodeAt(chunk * 5 + i);
      if (c >= 65 && c <= 90) bits |= 1 << i;
    }
    suffix += alphabet[bits];
  }
  return id + suffix;
}
