/**
 * The emulated org's metadata: one describe per object, built from the demo's column lists with the field types
 * the Salesforce field reference gives them (vendor notes A4, A12), plus the compound address fields, a formula
 * field and a base64 field that real orgs have and connectors must handle (compound and base64 fields cannot go
 * through Bulk; formula fields change without touching SystemModstamp).
 *
 * @example
 * const schema = orgSchema();
 * schema.get('Contact')!.fields.find((f) => f.name === 'Email')!.type; // 'email'
 */
import { KEY_PREFIX } from '../../demo/demo-ids.js';
import { SALESFORCE_COLUMNS, type SalesforceObject } from '../../demo/columns.js';

export type FieldType =
  | 'id' | 'string' | 'textarea' | 'boolean' | 'int' | 'double' | 'currency' | 'percent' | 'date' | 'datetime'
  | 'picklist' | 'reference' | 'email' | 'phone' | 'url' | 'address' | 'base64';

/** One `fields[]` entry of a describe (the keys a connector reads; the rest of the real entry is left out). */
export interface FieldDescribe {
  name: string;
  label: string;
  type: FieldType;
  length: number;
  nillable: boolean;
  createable: boolean;
  updateable: boolean;
  calculated: boolean;
  filterable: boolean;
  sortable: boolean;
  externalId: boolean;
  referenceTo: string[];
  compoundFieldName: string | null;
}

export interface ObjectSchema {
  name: string;
  keyPrefix: string;
  queryable: boolean;
  replicateable: boolean;
  fields: FieldDescribe[];
}

const PICKLISTS = new Set(['Type', 'Industry', 'Rating', 'LeadSource', 'AccountSource', 'Status', 'StageName', 'Salutation', 'ForecastCategory', 'ForecastCategoryName', 'Reason', 'Origin', 'Priority', 'UserType', 'TimeZoneSidKey', 'LocaleSidKey', 'EmailEncodingKey', 'LanguageLocaleKey']);
const DATES = new Set(['Birthdate', 'CloseDate', 'ConvertedDate', 'StartDate', 'EndDate', 'FirstRespondedDate']);
const CURRENCY = new Set(['AnnualRevenue', 'Amount', 'ExpectedRevenue', 'BudgetedCost', 'ActualCost']);
const READ_ONLY = new Set(['Id', 'IsDeleted', 'Name', 'CreatedDate', 'CreatedById', 'LastModifiedDate', 'LastModifiedById', 'SystemModstamp', 'MasterRecordId', 'CaseNumber', 'IsClosed', 'IsWon', 'HasResponded']);

/** Field type of a demo column, by the names the field reference uses. */
export function fieldType(object: string, name: string): FieldType {
  if (name === 'Id') return 'id';
  if (/^(Is|Has)[A-Z]/.test(name) || name === 'DoNotCall') return 'boolean';
  if (name.endsWith('Id')) return 'reference';
  if (DATES.has(name)) return 'date';
  if (/Date$/.test(name) || name === 'SystemModstamp') return 'datetime';
  if (CURRENCY.has(name)) return 'currency';
  if (name === 'NumberOfEmployees') return 'int';
  if (name === 'Probability' || name === 'ExpectedResponse') return 'percent';
  if (name === 'NumberSent') return 'double';
  if (/Email$/.test(name) || (name === 'Username' && object === 'User')) return 'email';
  if (/Phone$/.test(name) || name === 'Fax') return 'phone';
  if (name === 'Website') return 'url';
  if (/Street$/.test(name) || name === 'Street' || name === 'Description') return 'textarea';
  if (PICKLISTS.has(name)) return 'picklist';
  return 'string';
}

function referenceTo(name: string): string[] {
  if (/^(Owner|CreatedBy|LastModifiedBy)Id$/.test(name)) return ['User'];
  if (name === 'MasterRecordId' || name === 'ParentId') return [];
  const target = name.replace(/^(Converted)/, '').replace(/Id$/, '');
  return target ? [target] : [];
}

function field(object: string, name: string, overrides: Partial<FieldDescribe> = {}): FieldDescribe {
  const type = overrides.type ?? fieldType(object, name);
  return {
    name,
    label: name.replace(/([a-z])([A-Z])/g, '$1 $2'),
    type,
    length: type === 'string' || type === 'email' || type === 'phone' || type === 'url' || type === 'picklist' ? 255 : type === 'textarea' ? 32000 : type === 'id' || type === 'reference' ? 18 : 0,
    nillable: !['Id', 'IsDeleted', 'LastName', 'CreatedDate', 'SystemModstamp', 'LastModifiedDate'].includes(name),
    createable: !READ_ONLY.has(name),
    updateable: !READ_ONLY.has(name),
    calculated: false,
    filterable: type !== 'textarea' && type !== 'address' && type !== 'base64',
    sortable: type !== 'textarea' && type !== 'address' && type !== 'base64',
    externalId: false,
    referenceTo: type === 'reference' ? referenceTo(name) : [],
    compoundFieldName: null,
    ...overrides,
  };
}

/** Compound address fields: the aggregate and the prefix of its components (Lead's has none). */
const ADDRESSES: Partial<Record<SalesforceObject, Array<[compound: string, prefix: string]>>> = {
  Account: [['BillingAddress', 'Billing'], ['ShippingAddress', 'Shipping']],
  Contact: [['MailingAddress', 'Mailing']],
  Lead: [['Address', '']],
};
const ADDRESS_PARTS = ['Street', 'City', 'State', 'PostalCode', 'Country'];

/**
 * The describe of every emulated object. Contact gets a formula field (`Days_Since_Created__c`) and Account a
 * base64 field (`Logo__c`), so connectors meet both kinds.
 *
 * @example
 * orgSchema().get('Account')!.keyPrefix; // '001'
 * orgSchema().get('Contact')!.fields.find((f) => f.externalId)!.name; // 'Concord_Id__c'
 */
export function orgSchema(): Map<string, ObjectSchema> {
  const out = new Map<string, ObjectSchema>();
  for (const [object, columns] of Object.entries(SALESFORCE_COLUMNS) as Array<[SalesforceObject, readonly string[]]>) {
    const fields = columns.map((name) => field(object, name));
    for (const [compound, prefix] of ADDRESSES[object] ?? []) {
      for (const f of fields) if (ADDRESS_PARTS.some((p) => f.name === `${prefix}${p}`)) f.compoundFieldName = compound;
      fields.push(field(object, compound, { type: 'address', createable: false, updateable: false }));
    }
    if (object === 'Contact') fields.push(field(object, 'Days_Since_Created__c', { type: 'double', calculated: true, createable: false, updateable: false }));
    if (object === 'Account') fields.push(field(object, 'Logo__c', { type: 'base64' }));
    // An external id for write-back by upsert (A7): unique, set by the integration.
    if (object === 'Account' || object === 'Contact') fields.push(field(object, 'Concord_Id__c', { externalId: true, length: 64 }));
    out.set(object, { name: object, keyPrefix: KEY_PREFIX[object], queryable: true, replicateable: true, fields });
  }
  return out;
}
