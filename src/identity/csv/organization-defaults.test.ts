import { describe, expect, it } from 'vitest';
import { blockingKey, placeholderSet } from '../block/rules.js';
import { dedupeRecords } from '../cluster/resolve.js';
import { matchingRule } from '../score/deterministic.js';
import type { IdentityRecord } from '../types.js';
import { guardChainPhones, ORGANIZATION_BLOCKING_RULES, ORGANIZATION_DETERMINISTIC_RULES, ORGANIZATION_GUARDS } from './organization-defaults.js';
import { organizationComparisons, organizationFeatures } from './organization-features.js';
import type { AttributeValues } from './read.js';

const rec = (id: string, a: AttributeValues): IdentityRecord => ({ id, features: organizationFeatures(a, 'US') });
const rule = (name: string) => ORGANIZATION_BLOCKING_RULES.find((r) => r.name === name)!;
const placeholders = placeholderSet();

describe('organisation blocking rules', () => {
  it.each([
    ['phone last 7 digits', { phone: '(773) 521-1600' }, '5211600'],
    ['phone last 7 digits', { phone: '5211600' }, '5211600'],
    ['website', { website: 'https://www.ymcachicago.org/' }, 'ymcachicago.org'],
    ['website', { website: 'No' }, undefined],
    ['street number + street name prefix', { address_1: '6330 S. Stony Island Ave' }, '6330 sto'],
    ['street number + street name prefix', { address_1: 'Stony Island Ave' }, undefined],
    ['name', { company: 'The Acme Corporation' }, 'acme'],
    ['name', { company: 'n/a' }, undefined],
    ['first distinctive name word + postcode', { company: 'Chicago Youth Centers', postcode: '60627' }, 'youth\u001f60627'],
    ['first distinctive name word + postcode', { company: 'St. Ann Day Care', postcode: '60627' }, 'ann\u001f60627'],
    ['first distinctive name word + street number', { company: 'Board Trustees City Colleges', address_1: '1900 W Van Buren' }, 'colleges\u001f1900'],
  ])('%s of %o is %s', (name, attrs, key) => {
    expect(blockingKey(rec('x', attrs), rule(name), placeholders)).toBe(key);
  });

  it('names every rule once', () => {
    const names = ORGANIZATION_BLOCKING_RULES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('organisation deterministic rules', () => {
  it.each([
    [{ company: 'Hay Academy', address_1: '1018 N. Laramie' }, { company: 'HAY ACADEMY', address_1: '1018 N LARAMIE AVE' }, 'same name and site'],
    [{ company: 'Acme Ltd', identifier: 'GB-123 456' }, { company: 'Acme Limited', identifier: 'gb123456' }, 'same identifier and name'],
    [{ company: 'Hay', phone: '5346000', address_1: '1018 N. Laramie' }, { company: 'Chicago Public Schools Hay Academy', phone: '(773) 534-6000', address_1: '1018 N Laramie Ave' }, 'same phone and site'],
    // Same phone, same chain name, other building: the model decides, not a rule.
    [{ company: 'YMCA', phone: '5211600', address_1: '1 Main St' }, { company: 'YMCA', phone: '5211600', address_1: '9 Elm St' }, undefined],
    [{ company: 'Acme', identifier: '123456' }, { company: 'Acme North', identifier: '123456' }, undefined],
  ])('%o ↔ %o: %s', (a, b, expected) => {
    const index = matchingRule(rec('a', a), rec('b', b), ORGANIZATION_DETERMINISTIC_RULES, placeholders);
    expect(index === -1 ? undefined : ORGANIZATION_DETERMINISTIC_RULES[index]!.name).toBe(expected);
  });
});

describe('guardChainPhones', () => {
  // One chain's switchboard on four buildings; one site's own line on two listings of the same building.
  const records = [
    rec('c1', { company: 'Carole Robertson Center', phone: '5211600', address_1: '2929 W 19th St' }),
    rec('c2', { company: 'Carole Robertson Center', phone: '5211600', address_1: '3701 W Ogden Ave' }),
    rec('c3', { company: 'Carole Robertson Center', phone: '5211600', address_1: '2020 W Roosevelt Rd' }),
    rec('c4', { company: 'Carole Robertson Center', phone: '(773) 521-1600', address_1: '1445 S Pulaski Rd' }),
    rec('c5', { company: 'Carole Robertson Center', phone: '5211600' }),
    rec('s1', { company: 'Hay Academy', phone: '5346000', address_1: '1018 N. Laramie' }),
    rec('s2', { company: 'Hay', phone: '5346000', address_1: '1018 N LARAMIE' }),
  ];

  it.each([
    [2, ['c1', 'c2', 'c3', 'c4', 'c5'], [{ key: 'phone_last7', value: '5211600', records: 5 }]],
    [4, [], []],
  ])('with at most %d sites per phone clears %o', (maxSites, cleared, dropped) => {
    const out = guardChainPhones(records, { maxSites });
    expect(out.records.filter((r) => r.features['phone_last7'] === undefined).map((r) => r.id)).toEqual(cleared);
    expect(out.dropped).toEqual(dropped);
    // Untouched records are the same objects.
    expect(out.records[5]).toBe(records[5]);
  });

  it('clears the phone features so the switchboard neither blocks nor scores', () => {
    const c1 = guardChainPhones(records).records[0]!;
    expect(c1.features).toMatchObject({ phone: undefined, phone_digits: undefined, phone_last7: undefined, phone_last9: undefined, name: 'carole robertson center' });
  });
});

it('resolves a small set of sites with the organisation defaults', () => {
  const records = [
    rec('a1', { company: 'Hay Academy', address_1: '1018 N. Laramie', phone: '5346000' }),
    rec('a2', { company: 'HAY ACADEMY', address_1: '1018 N LARAMIE AVE', phone: '(773) 534-6000' }),
    rec('b1', { company: 'Acme Day Care', address_1: '5 Elm St', phone: '5550101' }),
  ];
  const result = dedupeRecords(records, {
    comparisons: organizationComparisons(), blockingRules: ORGANIZATION_BLOCKING_RULES,
    deterministicRules: ORGANIZATION_DETERMINISTIC_RULES, guards: ORGANIZATION_GUARDS,
  });
  expect(result.clusters.clusterIds).toEqual(['a1', 'a1', 'b1']);
});
