import { describe, expect, it } from 'vitest';
import { recogniseColumns } from './columns.js';
import { detectEntity, parseEntity } from './entity.js';

const entityOf = (header: string[]) => detectEntity(recogniseColumns(header, { idColumn: header[0]! }).columns);

describe('detectEntity', () => {
  it.each([
    [['Id', 'Site name', 'Address', 'Zip', 'Phone'], 'organization', /organisation name column "Site name" and no person-name column/],
    [['id', 'Account Name', 'Website', 'Billing Street'], 'organization', /"Account Name"/],
    [['rec_id', 'given_name', 'surname', 'date_of_birth'], 'person', /person columns "given_name", "surname", "date_of_birth"/],
    // A contact list with employers: people.
    [['id', 'first_name', 'last_name', 'company'], 'person', /person columns/],
    [['id', 'name', 'company', 'email'], 'person', /person column "name"/],
    [['id', 'email', 'phone'], 'person', /no organisation name column/],
  ])('%o → %s', (header, entity, reason) => {
    const choice = entityOf(header);
    expect(choice.entity).toBe(entity);
    expect(choice.reason).toMatch(reason);
  });
});

describe('parseEntity', () => {
  it.each([
    ['person', 'person'], ['People', 'person'], ['organization', 'organization'], ['organisation', 'organization'], ['ORG', 'organization'],
  ])('%s → %s', (text, entity) => {
    expect(parseEntity(text)).toBe(entity);
  });

  it('refuses anything else', () => {
    expect(() => parseEntity('household')).toThrow(/--entity must be person or organization, got household/);
  });
});
