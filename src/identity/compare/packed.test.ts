import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../demo/prng.js';
import { typo } from '../../demo/text-noise.js';
import { FIRST_NAMES } from '../../demo/vocabulary.js';
import { buildBlockIndex, forEachCandidateChunk } from '../block/candidate-pairs.js';
import { placeholderSet } from '../block/rules.js';
import { dedupeRecords } from '../cluster/resolve.js';
import { PERSON_BLOCKING_RULES, PERSON_DETERMINISTIC_RULES } from '../csv/person-defaults.js';
import { personFeatures } from '../csv/person-features.js';
import { readIdentityCsv } from '../csv/read.js';
import { vectorCodec } from '../score/comparison-vector.js';
import { matchingRule } from '../score/deterministic.js';
import type { IdentityRecord } from '../types.js';
import { companyNameComparison, defaultPersonComparisons, nameComparison, stringComparison } from './comparisons.js';
import { jaroWinklerAtLeastBytes, packRecords, withinOneEdit } from './packed.js';
import { damerauLevenshtein, jaroWinklerAtLeast } from './strings.js';

const placeholders = placeholderSet();
const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** Generated people with corrupted copies, and records built to hit every packed edge case. */
function people(count: number, seed: number): IdentityRecord[] {
  const rng = new Rng(seed);
  const streets = ['main street', 'oak road', 'high st', 'station rd', 'church lane'];
  const records: IdentityRecord[] = [];
  for (let e = 0; records.length < count; e++) {
    const first = rng.pick(FIRST_NAMES).name;
    const last = rng.pick(['Smith', 'Smyth', 'Jones', 'Müller', 'Mueller', 'Nguyen', 'Brown', 'Browne', 'Łukasiewicz', 'O\'Neil', 'Oneil']);
    const base: Record<string, string> = {
      first_name: first, last_name: last, dob: `19${rng.int(40, 99)}-0${rng.int(1, 9)}-1${rng.int(0, 9)}`,
      email: `${first}.${last}${rng.int(1, 9)}@${rng.pick(['gmail.com', 'example.org', 'yahoo.com'])}`.toLowerCase(),
      phone: `+1415555${String(rng.int(1000, 9999))}`, address_1: `${rng.int(1, 99)} ${rng.pick(streets)}`,
      city: rng.pick(['London', 'Leeds', 'Paris', 'Zürich']), postcode: String(rng.int(10000, 10100)),
    };
    if (rng.chance(0.2)) base['identifier'] = String(rng.int(100, 130));
    for (let c = 0; c < 3; c++) {
      const attrs = { ...base };
      if (c > 0) {
        for (const key of ['first_name', 'last_name', 'email', 'address_1', 'city', 'phone', 'dob', 'postcode']) {
          if (rng.chance(0.3)) attrs[key] = typo(attrs[key]!, rng);
          else if (rng.chance(0.1)) delete attrs[key];
        }
        if (rng.chance(0.1)) [attrs['first_name'], attrs['last_name']] = [attrs['last_name']!, attrs['first_name']!];
        if (rng.chance(0.1)) attrs['email'] = `info@${rng.pick(['a.com', 'b.com'])}`;
      }
      records.push({ id: `p${records.length}`, features: personFeatures(attrs, 'GB') });
    }
  }
  const f = records[0]!.features;
  const edge: Record<string, unknown>[] = [
    { ...f, screened: undefined },                                      // hand-built: placeholders checked by the comparisons
    { ...f, first_name: 'zoë', first_name_nick: [] },                   // a one-byte accent, an empty nickname list
    { ...f, last_name: 'wołowski' },                                    // a character past U+00FF
    { ...f, street_tokens: Array.from({ length: 14 }, (_, i) => `t${i}`) },  // more tokens than slots
    { ...f, street_tokens: [], street: 'x' },                           // empty token set
    { ...f, first_name_dm: ['SMT'], last_name_dm: undefined },         // short and absent code arrays
    { ...f, email: 'n/a', last_name: f['last_name'] },                  // a placeholder a rule ignores
    { ...f, identifier: 12345, dob: f['dob'] },                         // a number where a rule reads
    { ...f, dob_year: undefined, dob_month: undefined, dob_day: undefined, dob_days: Number.NaN },
    { ...f, first_name: '', city: '' },                                 // empty strings: absent
    { ...f, email_local: 'info', email: 'info@x.com', email_provider: 'info@x.com' },
    { ...f, first_name_nick: ['robert', 7] },                           // a non-string element
  ];
  for (const e of edge) records.push({ id: `e${records.length}`, features: e });
  return records;
}

function expectSameAsComparisons(records: readonly IdentityRecord[], pairs: Iterable<readonly [number, number]>): number {
  const comparisons = defaultPersonComparisons();
  const codec = vectorCodec(comparisons);
  const packed = packRecords(records, comparisons, codec, PERSON_DETERMINISTIC_RULES, placeholders)!;
  expect(packed).toBeDefined();
  let checked = 0;
  for (const [a, b] of pairs) {
    const code = codec.encodePair(records[a]!, records[b]!);
    if (packed.encode(a, b) !== code) expect.fail(`pair ${records[a]!.id} / ${records[b]!.id}: packed ${String(codec.decode(packed.encode(a, b)))}, comparisons ${String(codec.decode(code))}`);
    expect(packed.rule(a, b)).toBe(matchingRule(records[a]!, records[b]!, PERSON_DETERMINISTIC_RULES, placeholders));
    checked++;
  }
  return checked;
}

function* allPairs(n: number): Generator<readonly [number, number]> {
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) if (a !== b) yield [a, b];
}

describe('packed comparer', () => {
  it('gives every pair the comparisons\' vector and rule, edge cases included', () => {
    const records = people(420, 5);
    const comparisons = defaultPersonComparisons();
    const packed = packRecords(records, comparisons, vectorCodec(comparisons), PERSON_DETERMINISTIC_RULES, placeholders)!;
    // The unscreened, wide-character, too-many-tokens, number-in-a-rule-key and non-string-element records, and
    // every generated Łukasiewicz.
    expect(packed.unpacked).toBeGreaterThanOrEqual(5);
    expect(packed.unpacked).toBeLessThan(records.length / 4);
    expect(expectSameAsComparisons(records, allPairs(records.length))).toBe(records.length * (records.length - 1));
  });

  const FEBRL = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'datasets', 'febrl', 'dataset3.csv');
  it.skipIf(!existsSync(FEBRL))('agrees on every candidate pair of FEBRL 3 and on 100,000 random pairs', async () => {
    const read = await readIdentityCsv(FEBRL, { idColumn: 'rec_id', toFeatures: (a) => personFeatures(a, 'AU') });
    const records = read.records;
    const index = buildBlockIndex(records, PERSON_BLOCKING_RULES, { mode: 'dedupe' });
    const pairs: Array<readonly [number, number]> = [];
    forEachCandidateChunk(index, (l, r, n) => {
      for (let k = 0; k < n; k++) pairs.push([l[k]!, r[k]!]);
    });
    const rng = new Rng(9);
    for (let k = 0; k < 100_000; k++) pairs.push([rng.int(0, records.length - 1), rng.int(0, records.length - 1)]);
    expect(expectSameAsComparisons(records, pairs)).toBeGreaterThan(100_000);
  });
  if (!existsSync(FEBRL)) console.log(`skipping the FEBRL 3 packed-comparer check: ${FEBRL} is absent (the shared data sets are not mounted)`);

  it('declines comparisons without a plan, so they run as written', () => {
    const records = people(6, 1);
    const custom = [...defaultPersonComparisons(), { name: 'gender', levels: ['exact', 'else'], compare: () => 0, values: () => ['', ''] as const }];
    expect(packRecords(records, custom, vectorCodec(custom), [], placeholders)).toBeUndefined();
    expect(packRecords(records, [companyNameComparison()], vectorCodec([companyNameComparison()]), [], placeholders)).toBeUndefined();
    // A comparison given its own placeholder detector checks every value: no plan.
    const own = [nameComparison('first_name', { placeholder: () => false })];
    expect(packRecords(records, own, vectorCodec(own), [], placeholders)).toBeUndefined();
    // One key wanted as a string and as a list: declined.
    const clash = [stringComparison('street_tokens'), ...defaultPersonComparisons()];
    expect(packRecords(records, clash, vectorCodec(clash), [], placeholders)).toBeUndefined();
  });

  it('resolves to the same pairs, vectors and clusters as the comparisons on the feature objects', () => {
    const records = people(900, 3);
    const options = { comparisons: defaultPersonComparisons(), blockingRules: PERSON_BLOCKING_RULES, deterministicRules: PERSON_DETERMINISTIC_RULES, randomPairs: 20_000, scoreWithinClusters: true };
    const packed = dedupeRecords(records, options);
    const objects = dedupeRecords(records, { ...options, packed: false });
    expect(packed.parameters).toEqual(objects.parameters);
    expect(Array.from(packed.matches.left)).toEqual(Array.from(objects.matches.left));
    expect(Array.from(packed.matches.right)).toEqual(Array.from(objects.matches.right));
    expect(Array.from(packed.matches.probability)).toEqual(Array.from(objects.matches.probability));
    expect(packed.clusters.clusterIds).toEqual(objects.clusters.clusterIds);
  });
});

describe('packed kernels', () => {
  const rng = new Rng(77);
  const word = (alphabet: string, max: number): string => Array.from({ length: rng.int(0, max) }, () => alphabet[rng.int(0, alphabet.length - 1)]).join('');

  it.each([
    ['short strings, four letters', 'abcd', 8],
    ['names, full alphabet', 'abcdefghijklmnopqrstuvwxyz', 12],
    ['digits', '0123456789', 11],
    ['long strings past 32 units', 'abcdef', 45],
  ])('jaroWinklerAtLeastBytes equals jaroWinklerAtLeast (%s)', (_name, alphabet, max) => {
    for (let k = 0; k < 20_000; k++) {
      const a = word(alphabet, max);
      const b = rng.chance(0.3) ? typo(a, rng) : word(alphabet, max);
      const min = [0.8, 0.88, 0.9, 0.92, 0.5][k % 5]!;
      const bytes = latin1(`${a}|${b}`);
      expect(jaroWinklerAtLeastBytes(bytes, 0, a.length, a.length + 1, b.length, min)).toBe(jaroWinklerAtLeast(a, b, min));
    }
  });

  it.each([
    ['letters', 'abc', 7],
    ['digits', '0123456789', 10],
  ])('withinOneEdit equals damerauLevenshtein(x, y, 1) <= 1 (%s)', (_name, alphabet, max) => {
    for (let k = 0; k < 20_000; k++) {
      const a = word(alphabet, max);
      const b = rng.chance(0.5) ? typo(a, rng) : word(alphabet, max);
      const bytes = latin1(`${a}|${b}`);
      expect(withinOneEdit(bytes, 0, a.length, a.length + 1, b.length)).toBe(damerauLevenshtein(a, b, 1) <= 1);
    }
  });
});
