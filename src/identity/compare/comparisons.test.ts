import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NULL_LEVEL } from '../types.js';
import type { Comparison, IdentityRecord } from '../types.js';
import { buildOrganizationFeatures, buildPersonFeatures } from '../normalize/features.js';
import type { OrganizationAttributes, PersonAttributes } from '../normalize/features.js';
import { createPlaceholderDetector } from '../normalize/placeholder.js';
import {
  addressComparison,
  companyNameComparison,
  defaultOrganizationComparisons,
  defaultPersonComparisons,
  dobComparison,
  emailComparison,
  exactComparison,
  identifierComparison,
  nameComparison,
  phoneComparison,
  postcodeComparison,
  stringComparison,
} from './comparisons.js';

const person = (attrs: PersonAttributes, region = 'US'): IdentityRecord => ({
  id: JSON.stringify(attrs),
  features: buildPersonFeatures(attrs, { region }),
});
const org = (attrs: OrganizationAttributes): IdentityRecord => ({
  id: JSON.stringify(attrs),
  features: buildOrganizationFeatures(attrs, { region: 'US' }),
});
const label = (c: Comparison, a: IdentityRecord, b: IdentityRecord): string => {
  const level = c.compare(a, b);
  expect(c.compare(b, a)).toBe(level);
  return level === NULL_LEVEL ? 'NULL' : (c.levels[level] ?? `?${level}`);
};

describe('nameComparison (first names)', () => {
  const first = nameComparison('first_name', { thresholds: [0.92, 0.8] });
  it('has Splink-style levels', () => {
    expect(first.levels).toEqual([
      'exact', 'nickname', 'jaro_winkler >= 0.92', 'jaro_winkler >= 0.8', 'damerau_levenshtein <= 1', 'phonetic', 'else',
    ]);
  });
  it.each([
    ['Martha', 'MARTHA', 'exact'],
    ['José', 'Jose', 'exact'],
    ['Bob', 'Robert', 'nickname'],
    ['Bill', 'Liam', 'nickname'],
    ['Martha', 'Marhta', 'jaro_winkler >= 0.92'],
    ['Jonathon', 'Jonathan', 'jaro_winkler >= 0.92'],
    ['Dwayne', 'Duane', 'jaro_winkler >= 0.8'],
    ['Dixon', 'Dicksonx', 'jaro_winkler >= 0.8'],
    ['Al', 'El', 'damerau_levenshtein <= 1'],
    ['Geoff', 'Jeph', 'phonetic'],
    ['Ashcraft', 'Aschroft', 'jaro_winkler >= 0.8'],
    ['Zara', 'Sara', 'jaro_winkler >= 0.8'],
    ['Phillip', 'Filip', 'phonetic'],
    ['Ada', 'Zebedee', 'else'],
    ['Ada', '', 'NULL'],
    ['Ada', 'N/A', 'NULL'],
    ['unknown', 'unknown', 'NULL'],
  ])('%s / %s → %s', (x, y, expected) => {
    expect(label(first, person({ firstName: x }), person({ firstName: y }))).toBe(expected);
  });
});

describe('nameComparison with swapped names', () => {
  const first = nameComparison('first_name', { swappedWith: 'last_name' });
  it('adds a level for first and last names entered in each other\'s field', () => {
    expect(first.levels.slice(0, 3)).toEqual(['exact', 'swapped with last_name (jaro_winkler >= 0.88)', 'nickname']);
  });
  const swapped = 'swapped with last_name (jaro_winkler >= 0.88)';
  it.each([
    [{ firstName: 'Joselyn', lastName: 'Dakin' }, { firstName: 'Dakin', lastName: 'Joselyn' }, swapped],
    // Crossed with a typo on either side (splink fake_1000: "Matilda Barker" / "Brker Matilda").
    [{ firstName: 'Matilda', lastName: 'Barker' }, { firstName: 'Brker', lastName: 'Matilda' }, swapped],
    [{ firstName: 'Caleb', lastName: 'Rwoe' }, { firstName: 'Rowe', lastName: 'Caleb' }, swapped],
    [{ firstName: 'Joselyn', lastName: 'Dakin' }, { firstName: 'Dakin', lastName: 'Smith' }, 'else'],
    [{ firstName: 'James', lastName: 'James' }, { firstName: 'James', lastName: 'Dakin' }, 'exact'],
    [{ firstName: 'Joselyn' }, { firstName: 'Dakin', lastName: 'Joselyn' }, 'else'],
    // Similar as they stand: the direct level wins over a fuzzy crossing.
    [{ firstName: 'Ann', lastName: 'Anne' }, { firstName: 'Anne', lastName: 'Ann' }, swapped],
    [{ firstName: 'Dakin', lastName: 'Dakins' }, { firstName: 'Dakinz', lastName: 'Dakin' }, 'jaro_winkler >= 0.92'],
  ])('%o / %o → %s', (x, y, expected) => {
    expect(label(first, person(x), person(y))).toBe(expected);
  });
  it('gives the last name the same level, so a swapped pair is not a last-name disagreement', () => {
    const last = nameComparison('last_name', { swappedWith: 'first_name' });
    const x = person({ firstName: 'Matilda', lastName: 'Barker' });
    const y = person({ firstName: 'Brker', lastName: 'Matilda' });
    expect(label(last, x, y)).toBe('swapped with first_name (jaro_winkler >= 0.88)');
    expect(label(last, person({ firstName: 'Ann', lastName: 'Smith' }), person({ firstName: 'Bob', lastName: 'Jones' }))).toBe('else');
  });
});

describe('nameComparison (last names, FEBRL-like typos)', () => {
  const last = nameComparison('last_name', { thresholds: [0.92, 0.8] });
  it('has no nickname level by default', () => {
    expect(last.levels).not.toContain('nickname');
  });
  it.each([
    ['reid', 'reid', 'exact'],
    ['white', 'whiet', 'jaro_winkler >= 0.92'],
    ['campbell', 'campbel', 'jaro_winkler >= 0.92'],
    ['smith', 'smyth', 'jaro_winkler >= 0.8'],
    ['ng', 'ny', 'damerau_levenshtein <= 1'],
    ['schmidt', 'smith', 'phonetic'],
    ['pfeiffer', 'fifer', 'jaro_winkler >= 0.8'],
    ['lee', 'leigh', 'phonetic'],
    ['schmidt', 'smyth', 'phonetic'],
    ['smith', 'jones', 'else'],
  ])('%s / %s → %s', (x, y, expected) => {
    expect(label(last, person({ lastName: x }), person({ lastName: y }))).toBe(expected);
  });
  it('honours custom thresholds and switches', () => {
    const c = nameComparison('last_name', { thresholds: [0.95], phonetic: false, name: 'surname' });
    expect(c.name).toBe('surname');
    expect(c.levels).toEqual(['exact', 'jaro_winkler >= 0.95', 'damerau_levenshtein <= 1', 'else']);
    expect(label(c, person({ lastName: 'schmidt' }), person({ lastName: 'smith' }))).toBe('else');
  });
});

describe('dobComparison', () => {
  const dob = dobComparison();
  it.each([
    ['1956-01-12', '19560112', 'exact'],
    ['1956-01-12', '1956-12-01', 'day and month swapped'],
    ['1956-01-12', '1956-01-21', 'one component differs or damerau_levenshtein(digits) <= 1'],
    ['1956-01-12', '1957-01-12', 'one component differs or damerau_levenshtein(digits) <= 1'],
    ['1956-01-12', '1965-01-12', 'one component differs or damerau_levenshtein(digits) <= 1'],
    ['1956-01-12', '1956-11-13', 'within 1 year'],
    ['1956-12-30', '1957-01-02', 'within 1 year'],
    ['2001-06-09', '2011-05-06', 'within 10 years'],
    ['1956-01-12', '1966-01-11', 'within 10 years'],
    ['1956-01-12', '1980-07-30', 'else'],
    ['1956-01-12', '', 'NULL'],
    ['1900-01-01', '1900-01-01', 'NULL'],
  ])('%s / %s → %s', (x, y, expected) => {
    expect(label(dob, person({ dob: x }), person({ dob: y }))).toBe(expected);
  });
});

describe('emailComparison', () => {
  const email = emailComparison();
  it.each([
    ['Ada@Acme.com', 'ada@acme.com', 'exact'],
    ['a.d.a+crm@gmail.com', 'ada@googlemail.com', 'exact after gmail dots/+tag folding'],
    ['ada@acme.com', 'ada@gmail.com', 'same local part, different domain'],
    ['info@acme.com', 'info@initech.com', 'else'],
    ['info@acme.com', 'INFO@acme.com', 'exact'],
    ['ada.king@acme.com', 'ada.kinq@acme.com', 'jaro_winkler(local part) >= 0.88'],
    ['ada@acme.com', 'bob@acme.com', 'else'],
    ['test@test.com', 'test@test.com', 'NULL'],
    ['ada@acme.com', 'noemail@acme.com', 'NULL'],
    ['ada@acme.com', '', 'NULL'],
  ])('%s / %s → %s', (x, y, expected) => {
    expect(label(email, person({ email: x }), person({ email: y }))).toBe(expected);
  });
});

describe('phoneComparison', () => {
  const phone = phoneComparison();
  it.each([
    ['(415) 555-2671', '+1 415 555 2671', 'exact'],
    ['(415) 555-2671', '(650) 555-2671', 'last 7 digits equal or damerau_levenshtein <= 1'],
    ['(415) 555-2671', '(415) 555-2761', 'last 7 digits equal or damerau_levenshtein <= 1'],
    ['(415) 555-2671', '(415) 555-2679', 'last 7 digits equal or damerau_levenshtein <= 1'],
    ['(415) 555-2671', '(212) 555-0199', 'else'],
    ['0000000000', '0000000000', 'NULL'],
    ['(415) 555-2671', '', 'NULL'],
  ])('%s / %s → %s', (x, y, expected) => {
    expect(label(phone, person({ phone: x }), person({ phone: y }))).toBe(expected);
  });
});

describe('addressComparison', () => {
  const address = addressComparison();
  it.each([
    [{ street: '12 Main Street' }, { street: '12 MAIN ST.' }, 'exact'],
    [{ street: 'Main Street', streetNumber: '12' }, { street: '12 Main St' }, 'exact'],
    [{ street: '12 Main St Unit 4' }, { street: '12 Main St Apt 4 Rear' }, 'token set >= 0.8'],
    [{ street: 'Salkauskas Crescent', streetNumber: '38' }, { street: 'salkauskas cres klea', streetNumber: '38' }, 'token set >= 0.25 and jaro_winkler >= 0.9'],
    [{ street: '925 Carpenter Close' }, { street: '952 carpenter cl' }, 'token set >= 0.25 and jaro_winkler >= 0.9'],
    [{ street: '12 Main St' }, { street: '45 Oak St' }, 'else'],
    [{ street: '12 Main St', postcode: '62704' }, { street: '14 Elm Rd', postcode: '62704' }, 'postcode equal'],
    [{ street: '12 Main St', postcode: '62704' }, { street: '14 Elm Rd', postcode: '62701' }, 'else'],
    [{ street: '12 Main St' }, {}, 'NULL'],
  ])('%o / %o → %s', (x, y, expected) => {
    expect(label(address, person(x), person(y))).toBe(expected);
  });
});

describe('postcode, exact, string and identifier comparisons', () => {
  it.each([
    ['2000', '2000', 'exact'],
    ['2000', '2001', 'damerau_levenshtein <= 1'],
    ['2614', '2641', 'damerau_levenshtein <= 1'],
    ['2614', '3000', 'else'],
    ['2614', '', 'NULL'],
  ])('postcode %s / %s → %s', (x, y, expected) => {
    expect(label(postcodeComparison(), person({ postcode: x }, 'AU'), person({ postcode: y }, 'AU'))).toBe(expected);
  });

  it.each([
    ['sw1a1aa', 'SW1A 1AA', 'exact'],
    ['SW1A 1AA', 'SW1P 3BT', 'same first 3 characters'],
  ])('UK postcode %s / %s → %s', (x, y, expected) => {
    expect(label(postcodeComparison(), person({ postcode: x }, 'GB'), person({ postcode: y }, 'GB'))).toBe(expected);
  });

  it.each([
    ['M', 'm', 'exact'],
    ['M', 'F', 'else'],
    ['M', 'unknown', 'NULL'],
  ])('exact gender %s / %s → %s', (x, y, expected) => {
    expect(label(exactComparison('gender'), person({ gender: x }), person({ gender: y }))).toBe(expected);
  });

  it.each([
    ['Springfield', 'springfield', 'exact'],
    ['Springfield', 'Springfeld', 'jaro_winkler >= 0.9'],
    ['Springfield', 'Shelbyville', 'else'],
  ])('city %s / %s → %s', (x, y, expected) => {
    expect(label(stringComparison('city'), person({ city: x }), person({ city: y }))).toBe(expected);
  });

  it.each([
    ['123-45-6780', '123456780', 'exact'],
    ['123456780', '123456870', 'damerau_levenshtein <= 1'],
    ['123456780', '123456781', 'damerau_levenshtein <= 1'],
    ['123456780', '123456789', 'NULL'],
    ['123456780', '987654320', 'else'],
    ['123456780', '000-00-0000', 'NULL'],
  ])('identifier %s / %s → %s', (x, y, expected) => {
    expect(label(identifierComparison(), person({ identifier: x }), person({ identifier: y }))).toBe(expected);
  });
});

describe('companyNameComparison', () => {
  const name = companyNameComparison();
  it.each([
    ['Acme Corp.', 'The ACME Corporation', 'exact'],
    ['Acme Inc', 'Acme LLC', 'exact apart from legal form'],
    ['Acme Inc', 'Acme', 'exact apart from legal form'],
    ['Acme Industries', 'Acme Industrie', 'jaro_winkler >= 0.92'],
    ['Global Widget Holdings', 'Holdings Global Widget', 'token set >= 0.6'],
    ['Northwind', 'North Wind Traders', 'jaro_winkler >= 0.8'],
    ['Smith and Sons', 'Smith Brothers', 'else'],
    ['Acme', 'Initech', 'else'],
    ['Acme', '', 'NULL'],
  ])('%s / %s → %s', (x, y, expected) => {
    expect(label(name, org({ name: x }), org({ name: y }))).toBe(expected);
  });
});

describe('placeholders in hand-built features', () => {
  it('are treated as missing by every comparison, with a configurable list', () => {
    const a: IdentityRecord = { id: 'a', features: { first_name: 'n/a', email: 'test@test.com', phone: '9999999999' } };
    const b: IdentityRecord = { id: 'b', features: { first_name: 'n/a', email: 'test@test.com', phone: '9999999999' } };
    expect(nameComparison('first_name').compare(a, b)).toBe(NULL_LEVEL);
    expect(emailComparison().compare(a, b)).toBe(NULL_LEVEL);
    expect(phoneComparison().compare(a, b)).toBe(NULL_LEVEL);
    const custom = createPlaceholderDetector({ name: ['ada'] });
    const ada: IdentityRecord = { id: 'c', features: { first_name: 'ada' } };
    expect(nameComparison('first_name').compare(ada, ada)).toBe(0);
    expect(nameComparison('first_name', { placeholder: custom }).compare(ada, ada)).toBe(NULL_LEVEL);
  });
});

describe('default comparison sets', () => {
  it('compare two FEBRL-like records of one person field by field', () => {
    const a = person({
      firstName: 'michaela', lastName: 'neumann', streetNumber: '8', street: 'stanley street', city: 'miami',
      postcode: '4223', dob: '19151111', identifier: '5304218', phone: '07 4601 2345',
    }, 'AU');
    const b = person({
      firstName: 'michaela', lastName: 'neumann', streetNumber: '8', street: 'stanley st', city: 'miami',
      postcode: '4223', dob: '19151111', identifier: '5304218', phone: '07 4601 2345',
    }, 'AU');
    const c = person({
      firstName: 'micheala', lastName: 'nuemann', streetNumber: '8', street: 'stanlee street', city: 'miama',
      postcode: '4232', dob: '19151110', identifier: '5304281',
    }, 'AU');
    const comparisons = defaultPersonComparisons();
    expect(comparisons.map((cmp) => cmp.name)).toEqual([
      'first_name', 'last_name', 'dob', 'email', 'phone', 'address', 'city', 'postcode', 'identifier',
    ]);
    expect(comparisons.map((cmp) => cmp.compare(a, b))).toEqual([0, 0, 0, NULL_LEVEL, 0, 0, 0, 0, 0]);
    expect(comparisons.map((cmp) => label(cmp, a, c))).toEqual([
      'jaro_winkler >= 0.92', 'jaro_winkler >= 0.92', 'one component differs or damerau_levenshtein(digits) <= 1',
      'NULL', 'NULL', 'token set >= 0.25 and jaro_winkler >= 0.9', 'jaro_winkler >= 0.9', 'damerau_levenshtein <= 1', 'damerau_levenshtein <= 1',
    ]);
  });

  it('organization set reads organization features', () => {
    const a = org({ name: 'Acme Corp', website: 'acme.com', city: 'Springfield' });
    const b = org({ name: 'ACME Corporation', website: 'https://www.acme.com', city: 'Springfield' });
    expect(defaultOrganizationComparisons().map((c) => c.compare(a, b))).toEqual([0, 0, NULL_LEVEL, NULL_LEVEL, 0, NULL_LEVEL, NULL_LEVEL]);
  });

  it('values() returns the two compared feature values', () => {
    const [first] = defaultPersonComparisons();
    expect(first?.values(person({ firstName: 'Jon' }), person({ firstName: 'John' }))).toEqual(['jon', 'john']);
  });
});

describe('properties of every default comparison', () => {
  const pool = <T extends string>(...values: T[]) => fc.option(fc.constantFrom(...values), { nil: undefined });
  const personArb = fc.record({
    firstName: pool('Bob', 'Robert', 'Rob', 'Ann', 'Anna', 'Jon', 'John', 'N/A', 'Smith'),
    lastName: pool('Smith', 'Smyth', 'Schmidt', 'Jones', 'Bob', 'unknown'),
    dob: pool('1956-01-12', '1956-12-01', '19560121', '1957-01-12', '1980-07-30', '1900-01-01'),
    email: pool('bob@acme.com', 'b.o.b+x@gmail.com', 'bob@gmail.com', 'rob@acme.com', 'test@test.com'),
    phone: pool('(415) 555-2671', '(650) 555-2671', '(415) 555-2761', '0000000000'),
    street: pool('12 Main Street', '12 Main St Apt 4', '14 Elm Rd', 'n/a'),
    city: pool('Springfield', 'Springfeld', 'Shelbyville'),
    postcode: pool('62704', '62701', '62740', '00000'),
    identifier: pool('123-45-6780', '123456708', '987654320'),
  });
  const orgArb = fc.record({
    name: pool('Acme Corp', 'ACME Inc', 'Acme Industries', 'Initech LLC', 'The Acme Corporation'),
    website: pool('acme.com', 'https://www.acme.com', 'initech.com'),
    phone: pool('(415) 555-2671', '(650) 555-2671'),
  });

  it('are symmetric, return a level index or NULL_LEVEL, and put a record at exact-or-NULL against itself', () => {
    const comparisons = defaultPersonComparisons();
    fc.assert(
      fc.property(personArb, personArb, (x, y) => {
        const a = person(x);
        const b = person(y);
        for (const c of comparisons) {
          const level = c.compare(a, b);
          expect(c.compare(b, a)).toBe(level);
          expect(level === NULL_LEVEL || (Number.isInteger(level) && level >= 0 && level < c.levels.length)).toBe(true);
          expect([0, NULL_LEVEL]).toContain(c.compare(a, a));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('hold for the organization comparisons too', () => {
    const comparisons = defaultOrganizationComparisons();
    fc.assert(
      fc.property(orgArb, orgArb, (x, y) => {
        const a = org(x);
        const b = org(y);
        for (const c of comparisons) {
          const level = c.compare(a, b);
          expect(c.compare(b, a)).toBe(level);
          expect(level === NULL_LEVEL || (level >= 0 && level < c.levels.length)).toBe(true);
          expect([0, NULL_LEVEL]).toContain(c.compare(a, a));
        }
      }),
      { numRuns: 200 },
    );
  });
});
