/**
 * Write-back keyed by something other than the record id: a Salesforce external id field and a Dataverse alternate
 * key, their values read from the stored copy of each member record. A member without a value is refused before any
 * call, with a reason, never written by a guess.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { resolvePersons } from '../../src/identity/resolve.js';
import { planSync } from '../../src/pipeline/plan.js';
import { runSync } from '../../src/pipeline/run-sync.js';
import { modelValidator, realPlanDeps } from '../../src/pipeline/wiring.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { runWriteBack } from '../../src/writeback/index.js';
import { startDataverseEmulator, type DataverseEmulator } from '../emulators/dataverse/index.js';
import * as dvHarness from '../emulators/dataverse/harness.js';
import { startSalesforceEmulator, type SalesforceEmulator } from '../emulators/salesforce/index.js';
import * as sfHarness from '../emulators/salesforce/harness.js';

describe('write-back by external id and alternate key', () => {
  let sf: SalesforceEmulator;
  let dv: DataverseEmulator;
  let store: Store;
  const stamped: string[] = [];
  beforeAll(async () => {
    sf = await startSalesforceEmulator({ seed: 77, people: 60 });
    dv = await startDataverseEmulator({ seed: 77, people: 60 });
    // Half the Salesforce contacts carry an external id.
    [...sf.org.table('Contact').keys()].forEach((id, i) => {
      if (i % 2 === 0) {
        sf.mutate.update('Contact', id, { Concord_Id__c: `ext-${i}` });
        stamped.push(id);
      }
    });
    store = await openStore('sqlite::memory:');
    await store.migrate();
  });
  afterAll(async () => {
    await store.close();
    await sf.close();
    await dv.close();
  });

  it('reads the key value from the stored record, and refuses members without one', async () => {
    const config = configSchema.parse({
      systems: { crm: { ...sfHarness.systemConfig(sf), streams: ['Contact'] }, dynamics: { ...dvHarness.systemConfig(dv), streams: ['contact'] } },
      // Fields no member holds yet, so every member with a golden value is planned.
      writeBack: [
        { system: 'crm', stream: 'Contact', externalId: 'Concord_Id__c', fields: { Title: 'email' } },
        { system: 'dynamics', stream: 'contact', externalId: ['emailaddress1'], fields: { jobtitle: 'phone' } },
      ],
    });
    const env = { ...sfHarness.envFor(sf), ...dvHarness.envFor(dv) };
    const plan = await planSync({ config, file: undefined, baseDir: '.' }, { full: false }, realPlanDeps(config, env));
    const report = await runSync(store, plan.plans, plan.skipped, { pageSize: 500, validate: modelValidator('practical'), request: {} });
    await resolvePersons(store, { region: 'US', run: report.runId });
    const before = { sf: sf.org.table('Contact').size, dv: dv.environment.table('contact').size };
    const result = await runWriteBack(store, config, { runId: report.runId, env, baseDir: '.' });
    const outcomes = await store.listWriteBackOutcomes({ runId: report.runId });

    const crm = outcomes.filter((o) => o.system === 'crm');
    expect(crm.length).toBeGreaterThan(0);
    for (const o of crm) {
      if (stamped.includes(o.recordId!)) {
        expect(o).toMatchObject({ outcome: 'updated', key: expect.stringMatching(/^ext-\d+$/) });
        expect(sf.org.table('Contact').get(o.recordId!)!['Title']).toBe(o.values['Title']);
      } else {
        expect(o).toMatchObject({ outcome: 'rejected', code: 'WRITEBACK_KEY_MISSING', message: 'the stored record has no value for Concord_Id__c' });
        expect(sf.org.table('Contact').get(o.recordId!)!['Title'] ?? null).not.toBe(o.values['Title']);
      }
    }
    expect(crm.some((o) => o.outcome === 'updated') && crm.some((o) => o.outcome === 'rejected')).toBe(true);

    const dynamics = outcomes.filter((o) => o.system === 'dynamics');
    expect(dynamics.length).toBeGreaterThan(0);
    for (const o of dynamics) {
      if (o.outcome === 'updated') {
        expect(o.key).toMatch(/^emailaddress1='/);
        // The row the alternate key names holds the value (the demo has duplicate emails; Dataverse keys are unique).
        const email = decodeURIComponent(/^emailaddress1='(.*)'$/.exec(o.key)![1]!).replace(/''/g, "'").toLowerCase();
        const keyed = [...dv.environment.table('contact').values()].filter((r) => String(r['emailaddress1'] ?? '').toLowerCase() === email);
        expect(keyed.some((r) => r['jobtitle'] === o.values['jobtitle'])).toBe(true);
      } else expect(o).toMatchObject({ outcome: 'rejected', code: 'WRITEBACK_KEY_MISSING' });
    }
    expect(result.rules.map((r) => r.created)).toEqual([0, 0]);
    expect({ sf: sf.org.table('Contact').size, dv: dv.environment.table('contact').size }).toEqual(before);
  });
});
