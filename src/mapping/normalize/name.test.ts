import { describe, expect, it } from 'vitest';
import { composePersonName, normalizeNameForMatch, splitFullName } from './name.js';

describe('composePersonName (T12)', () => {
  it.each([
    [{ salutation: 'Dr.', firstName: 'Ada', middleName: 'B.', lastName: 'King', suffix: 'Jr.' }, 'Dr. Ada B. King Jr.'],
    [{ firstName: 'Ada', lastName: 'King' }, 'Ada King'],
    [{ firstName: '  Ada ', middleName: '', lastName: ' King  ' }, 'Ada King'],
    [{ firstName: 'Mary  Ann', lastName: 'Smith' }, 'Mary Ann Smith'],
    [{ lastName: 'Cher' }, 'Cher'],
    [{ salutation: undefined, firstName: undefined }, ''],
  ])('%j → %j', (parts, name) => {
    expect(composePersonName(parts)).toBe(name);
  });
});

describe('normalizeNameForMatch', () => {
  it.each([
    ['Ada King', 'ada king'],
    ['  ADA   KING ', 'ada king'],
    ['José Müller', 'jose muller'],
    ['François Lefèvre', 'francois lefevre'],
    ['Søren Kierkegaard', 'soren kierkegaard'],
    ['Łukasz Straße', 'lukasz strasse'],
    ['O’Brien', "o'brien"],
    ["O'Brien-Smith", "o'brien-smith"],
    ['King, Ada, Jr.', 'king ada jr'],
    ['J.R.R. Tolkien', 'jrr tolkien'],
    ['-Ada- King-', 'ada king'],
    ["'Ada'", 'ada'],
    ['Ada (Lovelace) King!', 'ada lovelace king'],
    ['Zoë  de\tla Cruz', 'zoe de la cruz'],
    ['', ''],
  ])('%j → %j', (name, key) => {
    expect(normalizeNameForMatch(name)).toBe(key);
  });
});

describe('splitFullName', () => {
  it.each([
    ['Dr. Ada King', { salutation: 'Dr.', firstName: 'Ada', lastName: 'King' }],
    ['King, Ada', { firstName: 'Ada', lastName: 'King' }],
    ['Ada B. King Jr.', { firstName: 'Ada', middleName: 'B.', lastName: 'King', suffix: 'Jr.' }],
    ['Ada King, Jr.', { firstName: 'Ada', lastName: 'King', suffix: 'Jr.' }],
    ['King Jr., Ada B.', { firstName: 'Ada', middleName: 'B.', lastName: 'King', suffix: 'Jr.' }],
    ['King, Ada, PhD', { firstName: 'Ada', lastName: 'King', suffix: 'PhD' }],
    ['Mrs Mary Ann Smith-Jones III', { salutation: 'Mrs', firstName: 'Mary', middleName: 'Ann', lastName: 'Smith-Jones', suffix: 'III' }],
    ['Ludwig van Beethoven', { firstName: 'Ludwig', lastName: 'van Beethoven' }],
    ['Oscar de la Hoya', { firstName: 'Oscar', lastName: 'de la Hoya' }],
    ['  Ada   King  ', { firstName: 'Ada', lastName: 'King' }],
    ['Cher', { lastName: 'Cher' }],
    ['Mr. Bean', { salutation: 'Mr.', lastName: 'Bean' }],
    ['Prof. Dr. Ada King', { salutation: 'Prof. Dr.', firstName: 'Ada', lastName: 'King' }],
    ['', {}],
  ])('%j', (full, parts) => {
    expect(splitFullName(full)).toEqual(parts);
  });

  it('composes back to the cleaned name for simple names', () => {
    for (const full of ['Dr. Ada King', 'Ada B. King Jr.', 'Oscar de la Hoya']) {
      expect(composePersonName(splitFullName(full))).toBe(full);
    }
  });
});
