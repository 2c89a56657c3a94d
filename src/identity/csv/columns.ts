/**
 * Which CSV column holds which person/organisation attribute, recognised from common header names
 * (`given_name`, `First Name`, `DOB`, `zip`, `soc_sec_id` …) after lower-casing and dropping spaces, dashes,
 * dots and underscores. `--map column=attribute` overrides or adds; `attribute` may be `ignore`.
 *
 * @example
 * recogniseColumns(['rec_id', 'given_name', 'surname', 'date_of_birth'], { idColumn: 'rec_id' });
 * // → { id: 'rec_id', columns: [{ column: 'given_name', attribute: 'first_name' }, …], ignored: [] }
 */
import { ConcordError } from '../../core/errors.js';

export const ATTRIBUTES = [
  'first_name', 'middle_name', 'last_name', 'full_name', 'dob', 'email', 'phone', 'street_number', 'address_1', 'address_2',
  'city', 'postcode', 'state', 'country', 'identifier', 'company', 'website', 'source',
] as const;
export type Attribute = (typeof ATTRIBUTES)[number];

const ALIASES: Readonly<Record<Attribute, readonly string[]>> = {
  first_name: ['givenname', 'firstname', 'forename', 'first', 'fname', 'given'],
  middle_name: ['middlename', 'middle', 'middleinitial'],
  last_name: ['surname', 'lastname', 'familyname', 'last', 'lname', 'family'],
  full_name: ['name', 'fullname', 'personname', 'contactname'],
  dob: ['dob', 'dateofbirth', 'birthdate', 'birthday', 'dateofbirthyyyymmdd'],
  email: ['email', 'emailaddress', 'mail', 'emailid', 'e-mail'],
  phone: ['phone', 'phonenumber', 'telephone', 'tel', 'mobile', 'mobilephone', 'cell', 'mobilenumber', 'mainphone', 'businessphone'],
  street_number: ['streetnumber', 'housenumber', 'streetno', 'houseno'],
  address_1: ['address1', 'address', 'street', 'streetaddress', 'addressline1', 'address_1', 'mailingstreet', 'billingstreet'],
  address_2: ['address2', 'addressline2', 'address_2'],
  city: ['city', 'town', 'suburb', 'locality', 'mailingcity', 'billingcity'],
  postcode: ['postcode', 'zip', 'zipcode', 'postalcode', 'postal', 'mailingpostalcode', 'billingpostalcode'],
  state: ['state', 'region', 'province', 'county'],
  country: ['country', 'countrycode'],
  identifier: [
    'socsecid', 'ssn', 'socialsecuritynumber', 'nationalid', 'taxid', 'nino',
    // Organisations' registration numbers.
    'registrationnumber', 'companynumber', 'companyregistrationnumber', 'duns', 'dunsnumber', 'ein', 'vatnumber', 'vatid', 'abn',
  ],
  company: [
    'company', 'organisation', 'organization', 'companyname', 'accountname', 'employer', 'sitename', 'orgname',
    'organisationname', 'organizationname', 'businessname', 'legalname', 'tradingname', 'providername', 'facilityname',
  ],
  website: ['website', 'url', 'web', 'domain', 'homepage', 'websiteurl', 'webaddress'],
  source: ['source', 'sourcesystem', 'system'],
};

const BY_ALIAS = new Map<string, Attribute>();
for (const attribute of ATTRIBUTES) for (const alias of ALIASES[attribute]) BY_ALIAS.set(squash(alias), attribute);

export interface ColumnMapping {
  /** The id column as it appears in the header. */
  readonly id: string;
  readonly columns: readonly { readonly column: string; readonly attribute: Attribute }[];
  /** Header columns that map to nothing. */
  readonly ignored: readonly string[];
}

export interface RecogniseOptions {
  readonly idColumn: string;
  /** `column=attribute` pairs from `--map`, applied after recognition. */
  readonly map?: readonly string[];
  /** For error messages. */
  readonly file?: string;
}

/**
 * @example
 * recogniseColumns(['id', 'Mail'], { idColumn: 'id', map: ['Mail=email'] }).columns; // [{ column: 'Mail', attribute: 'email' }]
 */
export function recogniseColumns(header: readonly string[], options: RecogniseOptions): ColumnMapping {
  const context = options.file === undefined ? {} : { file: options.file, line: 1 };
  const trimmed = header.map((h) => h.trim());
  if (!trimmed.includes(options.idColumn)) {
    throw new ConcordError('CSV_ID_COLUMN_MISSING', `id column "${options.idColumn}" is not in the header`, {
      kind: 'usage', context, hint: `the header has: ${trimmed.join(', ')}`,
    });
  }
  const assigned = new Map<string, Attribute | 'ignore'>();
  for (const column of trimmed) {
    if (column === options.idColumn) continue;
    const attribute = BY_ALIAS.get(squash(column));
    if (attribute !== undefined && ![...assigned.values()].includes(attribute)) assigned.set(column, attribute);
  }
  for (const entry of options.map ?? []) {
    const eq = entry.lastIndexOf('=');
    const column = entry.slice(0, eq).trim();
    const attribute = entry.slice(eq + 1).trim();
    if (eq <= 0 || !trimmed.includes(column)) {
      throw new ConcordError('CSV_MAP_INVALID', `--map ${entry}: ${eq <= 0 ? 'write column=attribute' : `no column "${column}" in the header`}`, { kind: 'usage', context, hint: `columns: ${trimmed.join(', ')}` });
    }
    if (attribute !== 'ignore' && !(ATTRIBUTES as readonly string[]).includes(attribute)) {
      throw new ConcordError('CSV_MAP_ATTRIBUTE', `--map ${entry}: unknown attribute "${attribute}"`, { kind: 'usage', context, hint: `use one of ${ATTRIBUTES.join(', ')} or ignore` });
    }
    // One column per attribute: a mapped attribute leaves the column it was recognised on.
    for (const [other, a] of assigned) if (a === attribute && other !== column) assigned.delete(other);
    assigned.set(column, attribute as Attribute | 'ignore');
  }
  const columns = trimmed.flatMap((column) => {
    const attribute = assigned.get(column);
    return attribute === undefined || attribute === 'ignore' ? [] : [{ column, attribute }];
  });
  const ignored = trimmed.filter((c) => c !== options.idColumn && !columns.some((m) => m.column === c));
  if (columns.length === 0) {
    throw new ConcordError('CSV_NO_ATTRIBUTES', 'no column was recognised as a name, date of birth, email, phone, address or identifier', {
      kind: 'usage', context, hint: 'name them with --map column=attribute, e.g. --map "Nom=last_name"',
    });
  }
  return { id: options.idColumn, columns, ignored };
}

function squash(header: string): string {
  return header.toLowerCase().replace(/^\ufeff/, '').replace(/[\s_.\-/]+/g, '');
}
