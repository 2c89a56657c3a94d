/**
 * Property: Salesforce → CIM → Salesforce keeps every mapped, writable field, for every shipped Salesforce
 * mapping — except where the mapping itself reported that a value could not be placed (RECORD_INCOMPLETE).
 * Rows are generated from each mapping's declared fields and types.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concordId, salesforceId18 } from '../../src/core/ids.js';
import { SALESFORCE_MAPPINGS } from '../../src/connectors/salesforce/mappings/index.js';
import { compileMapping, describeMapping, reverseMapping, unmapRecords } from '../../src/mapping/index.js';
import type { StreamMapping } from '../../src/mapping/types.js';
import { canonical, rowOf } from './arbitraries.js';

const OPTIONS = { defaultRegion: 'US', externalSourceId: 'salesforce:00D5g000004ABCDEAA', system: 'salesforce' } as const;

/** Concord id → native id for every reference value of the row, as the store would resolve it. */
function resolverFor(mapping: StreamMapping, row: Record<string, unknown>): (id: string) => string | undefined {
  const ids = new Map<string, string>();
  for (const f of mapping.fields) {
    if (f.transform?.name !== 'lookup') continue;
    const value = row[f.source];
    if (typeof value !== 'string') continue;
    const native = salesforceId18(value);
    const stream = String(f.transform.args?.['stream']);
    const slot = f.transform.args?.['slot'];
    ids.set(slot === undefined ? concordId('salesforce', stream, native) : concordId('salesforce', stream, native, String(slot)), native);
  }
  return (id) => ids.get(id);
}

describe.each(SALESFORCE_MAPPINGS.map((m) => [m.stream, m] as const))('Salesforce %s round trip', (_stream, mapping) => {
  const map = compileMapping(mapping, OPTIONS);
  const writable = reverseMapping(mapping).writable;
  const datePartOnly = new Set(describeMapping(mapping).rows.filter((r) => r.written && r.transform === 'datetime(date part)').map((r) => r.source));

  it('keeps every writable field', () => {
    fc.assert(
      fc.property(rowOf(mapping), (row) => {
        const outcome = map({ system: 'salesforce', stream: mapping.stream, recordId: String(row[mapping.idField]), fields: row });
        expect(outcome.issues.filter((i) => i.severity === 'error')).toEqual([]);
        const excused = new Set(outcome.issues.filter((i) => i.code === 'RECORD_INCOMPLETE').flatMap((i) => (Array.isArray(i.value) ? (i.value as string[]) : [])));
        const back = unmapRecords(mapping, outcome.records, { resolveRef: resolverFor(mapping, row) });
        expect(back[mapping.idField]).toBe(salesforceId18(String(row[mapping.idField])));
        for (const field of writable) {
          if (excused.has(field)) continue;
          const spec = mapping.source[field];
          let want = canonical(spec, row[field]);
          let got = canonical(spec, back[field]);
          if (spec?.type === 'boolean') {
            want ??= false;
            got ??= false;
          }
          // Declared loss: CIM keeps the date of the instant only.
          if (datePartOnly.has(field) && typeof want === 'string') want = want.slice(0, 10);
          if (datePartOnly.has(field) && typeof got === 'string') got = got.slice(0, 10);
          expect({ field, value: got }).toEqual({ field, value: want });
        }
      }),
      { numRuns: 150 },
    );
  });
});
