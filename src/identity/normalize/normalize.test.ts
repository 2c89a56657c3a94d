import { describe, expect, it } from 'vitest';
import { normalizeCompanyName } from './company.js';
import { emailKeys, phoneKeys } from './contact.js';
import { normalizeDob } from './dob.js';
import { buildOrganizationFeatures, buildPersonFeatures, websiteHost } from './features.js';
import { NICKNAME_GROUPS, areNicknameEquivalent, canonicalFirstName, nicknameGroups } from './nicknames.js';
import { normalizePersonName } from './person-name.js';
import { createPlaceholderDetector, isPlaceholder } from './placeholder.js';
import { addressTokens, normalizeStreet } from './street.js';

describe('normalizePersonName', () => {
  it.each([
    ['  José  O’Brien-Smith, Jr. ', 'jose obrien smith jr'],
    ['SØREN', 'soren'],
    ['Łukasz', 'lukasz'],
    ['Straße', 'strasse'],
    ['J.R.R. Tolkien', 'jrr tolkien'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(normalizePersonName(input)).toBe(expected);
  });
});

describe('nicknames', () => {
  it('has at least 150 groups', () => {
    expect(NICKNAME_GROUPS.size).toBeGreaterThanOrEqual(150);
  });

  it.each([
    ['Bob', 'Robert'], ['Bobby', 'Rob'], ['Bill', 'William'], ['Liam', 'Will'], ['Liz', 'Elizabeth'],
    ['Betty', 'Eliza'], ['Kate', 'Katherine'], ['Cathy', 'Kathy'], ['Peggy', 'Margaret'], ['Meg', 'Maggie'],
    ['Jim', 'James'], ['Dick', 'Richard'], ['Mick', 'Michael'], ['Jon', 'Jonathan'], ['Sasha', 'Alexander'],
    ['Pepe', 'José'], ['Paco', 'Francisco'], ['Sacha', 'Alex'],
  ])('%s ~ %s', (a, b) => {
    expect(areNicknameEquivalent(a, b)).toBe(true);
  });

  it.each([['Bob', 'William'], ['Kate', 'Margaret'], ['Jim', 'John']])('%s ≁ %s', (a, b) => {
    expect(areNicknameEquivalent(a, b)).toBe(false);
  });

  it('returns group keys, every group for ambiguous short forms, and the name itself when unknown', () => {
    expect(canonicalFirstName('Bobby')).toBe('robert');
    expect(canonicalFirstName('JOSÉ')).toBe('joseph');
    expect(canonicalFirstName('Zebedee')).toBe('zebedee');
    expect(nicknameGroups('Alex')).toEqual(['alexander', 'alexandra']);
    expect(nicknameGroups('Chris')).toEqual(['christine', 'christopher']);
    expect(nicknameGroups('Zebedee')).toEqual([]);
  });
});

describe('normalizeCompanyName', () => {
  it.each([
    ['The Acme Corporation', { name: 'acme', legalForm: 'corp' }],
    ['ACME Corp.', { name: 'acme', legalForm: 'corp' }],
    ['Acme, Inc.', { name: 'acme', legalForm: 'inc' }],
    ['Acme Incorporated', { name: 'acme', legalForm: 'inc' }],
    ['Acme L.L.C.', { name: 'acme', legalForm: 'llc' }],
    ['Acme Pty Ltd', { name: 'acme', legalForm: 'pty ltd' }],
    ['Foo Co., Ltd.', { name: 'foo', legalForm: 'co ltd' }],
    ['Müller GmbH & Co. KG', { name: 'muller', legalForm: 'gmbh and co kg' }],
    ['Siemens AG', { name: 'siemens', legalForm: 'ag' }],
    ['Danone S.A.', { name: 'danone', legalForm: 'sa' }],
    ['Philips N.V.', { name: 'philips', legalForm: 'nv' }],
    ['Unilever PLC', { name: 'unilever', legalForm: 'plc' }],
    ['Smith & Co', { name: 'smith', legalForm: 'co' }],
    ['Johnson & Johnson', { name: 'johnson and johnson' }],
    ['Limited', { name: 'limited' }],
    ['The', { name: 'the' }],
  ])('%s', (input, expected) => {
    expect(normalizeCompanyName(input)).toEqual(expected);
  });
});

describe('normalizeDob', () => {
  it.each([
    ['1956-01-12', '1956-01-12'],
    ['1956/1/2', '1956-01-02'],
    ['19560112', '1956-01-12'],
    ['1956-01-12T00:00:00Z', '1956-01-12'],
    ['25/12/1980', '1980-12-25'],
    ['12/25/1980', '1980-12-25'],
    ['5.5.1980', '1980-05-05'],
    ['12 Jan 1956', '1956-01-12'],
    ['January 12, 1956', '1956-01-12'],
    ['2000-02-29', '2000-02-29'],
  ])('%s → %s', (input, iso) => {
    expect(normalizeDob(input)?.iso).toBe(iso);
  });

  it.each(['05/06/1980', '2023-02-29', '1900-13-01', '19561301', 'not a date', '', '12 Foo 1956', '1956-04-31'])(
    '%s → undefined',
    (input) => {
      expect(normalizeDob(input)).toBeUndefined();
    },
  );

  it('reads ambiguous dates in the given order', () => {
    expect(normalizeDob('05/06/1980', { order: 'dmy' })).toEqual({ iso: '1980-06-05', year: 1980, month: 6, day: 5 });
    expect(normalizeDob('05/06/1980', { order: 'mdy' })?.iso).toBe('1980-05-06');
  });
});

describe('normalizeStreet', () => {
  it.each([
    ['12 Main Street, Apt. 4', '12 main st unit 4'],
    ['12 MAIN ST #4', '12 main st unit 4'],
    ['12 Main St., Suite 200', '12 main st unit 200'],
    ['400 North Avenue', '400 n ave'],
    ['7 Miller Road', '7 miller rd'],
    ['Hauptstraße 5', 'haupt st 5'],
    ['P.O. Box 12', 'po box 12'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeStreet(input)).toBe(expected);
  });

  it('gives sorted distinct tokens', () => {
    expect(addressTokens('Main Street 12, Main')).toEqual(['12', 'main', 'st']);
  });
});

describe('contacts', () => {
  it('folds Gmail dots and +tags and flags it', () => {
    expect(emailKeys('J.Smith+news@GoogleMail.com')).toEqual({
      canonical: 'j.smith+news@googlemail.com',
      local: 'j.smith+news',
      domain: 'googlemail.com',
      provider: 'jsmith@gmail.com',
      providerFolded: true,
      valid: true,
    });
    expect(emailKeys('Ann.Lee+x@example.org')?.provider).toBe('ann.lee+x@example.org');
    expect(emailKeys('Ann.Lee+x@example.org')?.providerFolded).toBe(false);
    expect(emailKeys('  ')).toBeUndefined();
  });

  it('builds E.164 and last-digit keys, and digit keys for unparsable numbers', () => {
    expect(phoneKeys('(415) 555-2671', 'US')).toEqual({
      e164: '+14155552671',
      digits: '4155552671',
      last7: '5552671',
      last9: '155552671',
    });
    expect(phoneKeys('020 7946 0958', 'GB')?.e164).toBe('+442079460958');
    expect(phoneKeys('55-26', 'US')).toBeUndefined();
    expect(phoneKeys('12-3456-78', 'US')).toEqual({ digits: '12345678', last7: '2345678', last9: '12345678' });
  });

  it('rejects an unknown region with the phone normalizer error', () => {
    expect(() => phoneKeys('555 2671', 'XX')).toThrow(/not a region/);
  });
});

describe('isPlaceholder', () => {
  it.each([
    ['text', 'N/A'], ['text', 'null'], ['text', 'Unknown'], ['text', 'NA'], ['postcode', 'na'], ['name', 'asdf'], ['name', 'FNU'],
    ['email', 'test@test.com'], ['email', 'noemail@acme.com'], ['email', 'someone@example.com'],
    ['email', 'NONE@none.com'], ['phone', '0000000000'], ['phone', '1234567890'], ['phone', '+1 (999) 999-9999'],
    ['phone', '+1 123-456-7890'], ['phone', '555'], ['dob', '1900-01-01'], ['identifier', '000-00-0000'],
    ['identifier', '111111111'], ['postcode', '00000'],
  ] as const)('%s %s is a placeholder', (kind, value) => {
    expect(isPlaceholder(kind, value)).toBe(true);
  });

  it.each([
    ['name', 'Ada'], ['name', 'Na'], ['name', 'Nan'], ['email', 'ada@acme.com'], ['phone', '+14155552671'], ['dob', '1956-01-12'],
    ['identifier', '123-45-6780'], ['postcode', '2000'],
  ] as const)('%s %s is not a placeholder', (kind, value) => {
    expect(isPlaceholder(kind, value)).toBe(false);
  });

  it('takes extra lists, or replaces the defaults', () => {
    const extra = createPlaceholderDetector({ name: ['Mickey Mouse'] });
    expect(extra('name', 'mickey mouse')).toBe(true);
    expect(extra('name', 'n/a')).toBe(true);
    const only = createPlaceholderDetector({ name: ['nobody'] }, { replaceDefaults: true });
    expect(only('name', 'n/a')).toBe(false);
    expect(only('name', 'Nobody')).toBe(true);
  });
});

describe('buildPersonFeatures', () => {
  it('precomputes every comparison key', () => {
    const f = buildPersonFeatures(
      {
        firstName: ' Bob ', lastName: 'Smith', dob: '19560112', email: 'Bob.Smith@Gmail.com', phone: '(415) 555-2671',
        street: 'Main Street', streetNumber: '12', city: 'Springfield', postcode: '62704', identifier: '123-45-6780',
        gender: 'M',
      },
      { region: 'US' },
    );
    expect(f).toMatchObject({
      first_name: 'bob', first_name_nick: ['robert'], first_name_nysiis: 'BAB', first_name_soundex: 'B100',
      last_name: 'smith', last_name_nysiis: 'SNAT', last_name_soundex: 'S530', full_name: 'bob smith',
      full_name_tokens: ['bob', 'smith'], dob: '1956-01-12', dob_year: 1956, dob_month: 1, dob_day: 12,
      dob_digits: '19560112', email: 'bob.smith@gmail.com', email_local: 'bob.smith', email_domain: 'gmail.com',
      email_provider: 'bobsmith@gmail.com', email_provider_folded: true, phone: '+14155552671',
      phone_digits: '4155552671', phone_last7: '5552671', street: '12 main st', street_tokens: ['12', 'main', 'st'],
      city: 'springfield', postcode: '62704', identifier: '123456780', gender: 'm',
    });
    expect(f.dob_days).toBe(Math.round(Date.UTC(1956, 0, 12) / 86_400_000));
  });

  it('splits a full name when parts are missing, and drops placeholders', () => {
    const f = buildPersonFeatures(
      { fullName: 'Smith, Robert', email: 'test@test.com', phone: '0000000000', dob: '1900-01-01', city: 'N/A' },
      { region: 'US' },
    );
    expect(f.first_name).toBe('robert');
    expect(f.last_name).toBe('smith');
    expect([f.email, f.phone, f.dob, f.city]).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('gives every record the same keys', () => {
    const a = buildPersonFeatures({}, { region: 'US' });
    const b = buildPersonFeatures({ firstName: 'Ada', email: 'ada@acme.com' }, { region: 'US' });
    expect(Object.keys(a)).toEqual(Object.keys(b));
  });
});

describe('buildOrganizationFeatures', () => {
  it('normalizes the name, legal form and website', () => {
    const f = buildOrganizationFeatures(
      { name: 'The Acme Corporation', website: 'https://WWW.Acme.com/about', phone: '+44 20 7946 0958', postcode: 'sw1a1aa', country: 'GB' },
      { region: 'US' },
    );
    expect(f).toMatchObject({ name: 'acme', legal_form: 'corp', name_tokens: ['acme'], website: 'acme.com', phone: '+442079460958', postcode: 'SW1A1AA' });
  });

  it.each([
    ['https://WWW.Acme.com/about', 'acme.com'],
    ['acme.co.uk:8080', 'acme.co.uk'],
    ['www2.acme.com.', 'acme.com'],
    ['localhost', undefined],
  ])('websiteHost(%s) = %s', (input, expected) => {
    expect(websiteHost(input)).toBe(expected);
  });
});
