import { describe, expect, it } from 'vitest';
import { writeBackRuleSchema } from './config.js';
import { checkWritableFields, heldInFields } from './run-writeback.js';

describe('reverse mappings in write-back', () => {
  it.each([
    ['salesforce', 'Contact', 'phone', ['Phone', 'MobilePhone', 'HomePhone']],
    ['salesforce', 'Contact', 'email', ['Email']],
    ['dataverse', 'contact', 'email', ['emailaddress1', 'emailaddress2', 'emailaddress3']],
    ['dataverse', 'contact', 'phone', ['telephone1', 'mobilephone', 'telephone2']],
  ] as const)('%s %s holds %s in %j (among others)', (system, stream, attribute, fields) => {
    expect(heldInFields(system, stream)[attribute]).toEqual(expect.arrayContaining([...fields]));
  });

  it('knows no fields of a stream without a shipped mapping', () => {
    expect(heldInFields('salesforce', 'Custom__c')).toEqual({});
  });

  it('refuses a field the mapping never writes back, with the reason', () => {
    const rule = writeBackRuleSchema.parse({ system: 'crm', stream: 'Contact', fields: { Name: 'personName', Email: 'email' } });
    expect(() => checkWritableFields('salesforce', rule)).toThrow(/Name is not written back/);
    expect(() => checkWritableFields('salesforce', writeBackRuleSchema.parse({ ...rule, fields: { FirstName: 'firstName', Email: 'email' } }))).not.toThrow();
  });
});
