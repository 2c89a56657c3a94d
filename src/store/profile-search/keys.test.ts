import { describe, expect, it } from 'vitest';
import { ConcordError } from '../../core/errors.js';
import { emailSearchValues, nameTokens, parseSearchText, phoneSearchValue, profileSearchKeys, searchTermsOf } from './keys.js';

describe('search keys', () => {
  it.each([
    ['Ada@Example.COM', ['ada@example.com']],
    ['J.Smith+news@GoogleMail.com', ['j.smith+news@googlemail.com', 'jsmith@gmail.com']],
    ['not an email', []],
    ['', []],
  ])('email %s → %j', (raw, values) => {
    expect(emailSearchValues(raw)).toEqual(values);
  });

  it.each([
    ['(415) 555-2671', 'US', '+14155552671'],
    ['+44 20 7946 0958', 'US', '+442079460958'],
    ['020 7946 0958', 'GB', '+442079460958'],
    ['555-12', 'US', '55512'],
    ['12', 'US', undefined],
  ])('phone %s (%s) → %s', (raw, region, value) => {
    expect(phoneSearchValue(raw, region)).toBe(value);
  });

  it('folds names into tokens', () => {
    expect(nameTokens('  José  O’Brien-Smith ')).toEqual(['jose', 'obrien', 'smith']);
    expect(nameTokens('SØREN Ørsted')).toEqual(['soren', 'orsted']);
  });

  it('indexes golden values and every member record, once each', () => {
    const keys = profileSearchKeys({
      unifiedId: 'u-1',
      attributes: { personName: { value: 'Ada Lovelace' }, email: { value: 'ADA@example.com' }, phone: { value: '+14155552671' } },
      members: [
        { recordId: 'r-1', externalRecordId: '003A', names: ['Ada Lovelace', 'Ada', undefined], emails: ['ada@example.com'], phones: ['(415) 555-2671'] },
        { recordId: 'r-2', externalRecordId: 'x-2', names: ['Augusta Ada King'], emails: ['old@legacy.example', undefined], phones: [] },
      ],
    });
    expect(keys).toEqual([
      { kind: 'id', value: 'u-1' },
      { kind: 'name', value: 'ada' },
      { kind: 'name', value: 'lovelace' },
      { kind: 'email', value: 'ada@example.com' },
      { kind: 'phone', value: '+14155552671' },
      { kind: 'id', value: 'r-1' },
      { kind: 'id', value: '003A' },
      { kind: 'id', value: 'r-2' },
      { kind: 'id', value: 'x-2' },
      { kind: 'name', value: 'augusta' },
      { kind: 'name', value: 'king' },
      { kind: 'email', value: 'old@legacy.example' },
    ]);
  });

  it('indexes an organisation by the words of its golden name and of its members\' names', () => {
    const keys = profileSearchKeys({
      unifiedId: 'o-1',
      attributes: { organizationName: { value: 'Société Générale' }, phone: { value: '+14155552671' } },
      members: [{ recordId: 'r-9', externalRecordId: '001A', names: ['Societe Generale SA'], emails: [], phones: [] }],
    });
    expect(keys.filter((k) => k.kind === 'name').map((k) => k.value)).toEqual(['societe', 'generale', 'sa']);
    expect(keys.filter((k) => k.kind !== 'name').map((k) => k.value)).toEqual(['o-1', '+14155552671', 'r-9', '001A']);
  });
});

describe('parseSearchText', () => {
  it.each([
    ['ada@example.com', [{ kind: 'email', values: ['ada@example.com'] }]],
    ['6F1D2C3B-0000-4000-8000-00000000000A', [{ kind: 'id', values: ['6f1d2c3b-0000-4000-8000-00000000000a'] }]],
    ['+1 (415) 555-2671', [{ kind: 'phone', values: ['+14155552671', '14155552671'] }]],
    ['0033c00000GuAR3AAN', [{ kind: 'id', values: ['0033c00000GuAR3AAN', '0033c00000guar3aan'] }]],
    ['Ada Lov', [{ kind: 'name', prefix: 'ada' }, { kind: 'name', prefix: 'lov' }]],
    ['jo john', [{ kind: 'name', prefix: 'john' }]],
    ['   ', []],
  ])('%s', (q, terms) => {
    expect(parseSearchText(q)).toEqual(terms);
  });

  it('rejects text with nothing to search for and too many words', () => {
    expect(() => parseSearchText('—!?')).toThrow(ConcordError);
    expect(() => parseSearchText('a b c d e f g')).toThrow(/at most 6/);
  });

  it('combines filters; a bad email or phone filter is a usage error naming the field', () => {
    expect(searchTermsOf({ email: 'Ada@Example.com', name: 'ada' })).toEqual([{ kind: 'email', values: ['ada@example.com'] }, { kind: 'name', prefix: 'ada' }]);
    expect(searchTermsOf({})).toEqual([]);
    expect(() => searchTermsOf({ email: 'nope' })).toThrow(expect.objectContaining({ code: 'BAD_REQUEST', kind: 'usage', context: { field: 'email' } }));
    expect(() => searchTermsOf({ phone: '12' })).toThrow(expect.objectContaining({ code: 'BAD_REQUEST', context: { field: 'phone' } }));
  });
});
