import { describe, expect, it } from 'vitest';
import { writeBackRuleSchema } from './config.js';
import { configSchema } from '../config/schema.js';
import { openStore } from '../store/open.js';
import { checkWritableFields, heldInFields, runWriteBack } from './run-writeback.js';

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

describe('runWriteBack', () => {
  it.each([
    ['an unknown system', { writeBack: [{ system: 'nowhere', stream: 'Contact', fields: { Email: 'email' } }] }, 'WRITEBACK_SYSTEM_UNKNOWN'],
    ['a file system', { systems: { files: { type: 'csv', path: 'x.csv' } }, writeBack: [{ system: 'files', stream: 'x', fields: { Email: 'email' } }] }, 'WRITEBACK_UNSUPPORTED'],
  ])('reports %s as the rule\'s error and records nothing', async (_name, raw, code) => {
    const store = await openStore('sqlite::memory:');
    try {
      await store.migrate();
      const report = await runWriteBack(store, configSchema.parse(raw), { runId: 'r', env: {}, baseDir: '.' });
      expect(report.rules).toEqual([expect.objectContaining({ written: 0, error: expect.stringContaining(code) })]);
      expect(await store.listWriteBackOutcomes()).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('does nothing without rules, or with every rule disabled', async () => {
    const store = await openStore('sqlite::memory:');
    try {
      await store.migrate();
      const config = configSchema.parse({ writeBack: [{ system: 'crm', stream: 'Contact', fields: { Email: 'email' }, enabled: false }] });
      expect(await runWriteBack(store, config, { runId: 'r', env: {}, baseDir: '.' })).toEqual({ runId: 'r', rules: [] });
    } finally {
      await store.close();
    }
  });
});
