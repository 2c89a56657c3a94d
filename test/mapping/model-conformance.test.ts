/**
 * Every record a shipped mapping emits uses the model's entity and property names with the model's types:
 * generated rows are mapped and each record validated; only CIM-required values the generated row lacks
 * (a Salesforce row always has its Name) may be reported.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listMappings } from '../../src/connectors/mapping-registry.js';
import { compileMapping } from '../../src/mapping/index.js';
import { validateRecord } from '../../src/model/validate.js';
import { rowOf } from './arbitraries.js';

const OPTIONS = { defaultRegion: 'US', externalSourceId: 'salesforce:00D5g000004ABCDEAA', system: 'salesforce' } as const;

describe.each(listMappings().map((m) => [`${m.system} ${m.stream}`, m] as const))('%s emits model-conformant records', (_name, mapping) => {
  const map = compileMapping(mapping, OPTIONS);

  it('reference data', () => {
    for (const record of map.referenceRecords) expect(validateRecord(record, 'practical')).toEqual({ ok: true, value: record });
  });

  it('generated rows', () => {
    fc.assert(
      fc.property(rowOf(mapping), (row) => {
        const { records } = map({ system: mapping.system, stream: mapping.stream, recordId: String(row[mapping.idField]), fields: row });
        for (const record of records) {
          const result = validateRecord(record, 'practical');
          const problems = result.ok ? [] : result.error.filter((i) => i.rule !== 'required').map((i) => `${i.entity}.${i.field}: ${i.rule} ${i.message}`);
          expect(problems).toEqual([]);
        }
      }),
      { numRuns: 100 },
    );
  });
});
