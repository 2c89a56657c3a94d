import { describe, expect, it } from 'vitest';
import { recogniseColumns } from './columns.js';

const attributes = (header: string[], map?: string[]) =>
  Object.fromEntries(recogniseColumns(header, { idColumn: header[0]!, ...(map && { map }) }).columns.map((c) => [c.column, c.attribute]));

describe('recogniseColumns', () => {
  it.each([
    [['rec_id', 'given_name', 'surname', 'date_of_birth', 'soc_sec_id', 'suburb'], { given_name: 'first_name', surname: 'last_name', date_of_birth: 'dob', soc_sec_id: 'identifier', suburb: 'city' }],
    [['Id', 'First Name', 'Last Name', 'Email Address', 'Phone Number', 'ZIP'], { 'First Name': 'first_name', 'Last Name': 'last_name', 'Email Address': 'email', 'Phone Number': 'phone', ZIP: 'postcode' }],
    [['id', 'firstname', 'lastname', 'birthdate', 'address_1', 'address_2', 'town', 'zipcode', 'ssn'], { firstname: 'first_name', lastname: 'last_name', birthdate: 'dob', address_1: 'address_1', address_2: 'address_2', town: 'city', zipcode: 'postcode', ssn: 'identifier' }],
    [['id', 'Organisation', 'phone', 'website'], { Organisation: 'company', phone: 'phone', website: 'website' }],
    // The Chicago childcare listings (dedupe's csv_example): the fax and the program columns stay out.
    [['Id', 'True Id', 'Source', 'Site name', 'Address', 'Zip', 'Phone', 'Fax', 'Program Name', 'Agency', 'Website'],
      { Source: 'source', 'Site name': 'company', Address: 'address_1', Zip: 'postcode', Phone: 'phone', Website: 'website' }],
    [['id', 'Business Name', 'Main Phone', 'Home Page', 'Company Registration Number', 'Postal Code'],
      { 'Business Name': 'company', 'Main Phone': 'phone', 'Home Page': 'website', 'Company Registration Number': 'identifier', 'Postal Code': 'postcode' }],
    [['id', 'Legal Name', 'DUNS', 'Trading Name'], { 'Legal Name': 'company', DUNS: 'identifier' }],
  ])('recognises %o', (header, expected) => {
    expect(attributes(header)).toEqual(expected);
  });

  it('--map overrides recognition and can ignore a column', () => {
    expect(attributes(['id', 'name', 'nom', 'city'], ['nom=last_name', 'city=ignore'])).toEqual({ name: 'full_name', nom: 'last_name' });
  });

  it('moves an attribute to the mapped column', () => {
    expect(attributes(['id', 'surname', 'family'], ['family=last_name'])).toEqual({ family: 'last_name' });
  });

  it.each([
    [['id', 'x'], undefined, /no column was recognised/],
    [['id', 'surname'], ['nope=last_name'], /no column "nope"/],
    [['id', 'surname'], ['surname'], /write column=attribute/],
  ])('refuses %o %o', (header, map, message) => {
    expect(() => recogniseColumns(header, { idColumn: 'id', ...(map && { map }) })).toThrow(message);
  });

  it('names the file and lists the header when the id column is missing', () => {
    expect(() => recogniseColumns(['a', 'surname'], { idColumn: 'id', file: 'p.csv' })).toThrow(/id column "id" is not in the header/);
  });
});
