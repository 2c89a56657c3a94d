/**
 * Write-back end to end, over both stores and both emulators: sync a Salesforce org and a Dataverse environment
 * of the same people, resolve them, push golden email and phone back to the member records, and read them again.
 * The round trip is lossless (what was written reads back unchanged, golden values stay, nothing is written
 * twice); a row refused by the vendor is kept with its message and written again by the next run; a call whose
 * answer is lost after the vendor applied it creates nothing twice.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configSchema, type ConcordConfig } from '../../src/config/schema.js';
import { resolvePersons } from '../../src/identity/resolve.js';
import { planSync } from '../../src/pipeline/plan.js';
import { runSync } from '../../src/pipeline/run-sync.js';
import { modelValidator, realPlanDeps } from '../../src/pipeline/wiring.js';
import type { Store } from '../../src/store/store.js';
import { heldInFields, runWriteBack, sameValue } from '../../src/writeback/index.js';
import { startDataverseEmulator, type DataverseEmulator } from '../emulators/dataverse/index.js';
import * as dvHarness from '../emulators/dataverse/harness.js';
import { startSalesforceEmulator, type SalesforceEmulator } from '../emulators/salesforce/index.js';
import * as sfHarness from '../emulators/salesforce/harness.js';
import { STORES } from '../support/stores.js';

const SEED = 71;
const PHONES = heldInFields('salesforce', 'Contact').phone!;
const PEOPLE = 80;

for (const backend of STORES) {
  describe(`write-back (${backend.name})`, () => {
    let sf: SalesforceEmulator;
    let dv: DataverseEmulator;
    let store: Store;
    let changed: Array<{ dvId: string; sfId: string; phone: string }>;

    beforeEach(async () => {
      // Fresh emulators per test: every test starts from the seeded world.
      sf = await startSalesforceEmulator({ seed: SEED, people: PEOPLE });
      dv = await startDataverseEmulator({ seed: SEED, people: PEOPLE });
      store = await backend.open();
      await store.migrate();
      // People present in both systems get a new phone in Dataverse: the most recent value, so the golden one.
      const sfByEmail = new Map([...sf.org.table('Contact').values()].filter((r) => typeof r['Email'] === 'string').map((r) => [String(r['Email']).toLowerCase(), String(r['Id'])]));
      changed = [];
      for (const [id, row] of dv.environment.table('contact')) {
        const sfId = sfByEmail.get(String(row['emailaddress1'] ?? '').toLowerCase());
        if (sfId === undefined || changed.length >= 5) continue;
        const phone = `+1415555${String(1000 + changed.length)}`;
        dv.mutate.update('contact', id, { telephone1: phone });
        changed.push({ dvId: id, sfId, phone });
      }
    });
    afterEach(async () => {
      await store.close();
      await sf.close();
      await dv.close();
    });

    function config(overrides: { sf?: Record<string, unknown>; dv?: Record<string, unknown> } = {}): ConcordConfig {
      return configSchema.parse({
        systems: {
          crm: { ...sfHarness.systemConfig(sf, overrides.sf), streams: ['Contact'] },
          dynamics: { ...dvHarness.systemConfig(dv, overrides.dv), streams: ['contact'] },
        },
        writeBack: [
          { system: 'crm', stream: 'Contact', fields: { Email: 'email', Phone: 'phone' } },
          { system: 'dynamics', stream: 'contact', fields: { emailaddress1: 'email', telephone1: 'phone' } },
        ],
      });
    }
    const env = (): NodeJS.ProcessEnv => ({ ...sfHarness.envFor(sf), ...dvHarness.envFor(dv) });

    /** One run as `concord sync` does it: sync, resolve, write back. */
    async function run(cfg: ConcordConfig = config()) {
      const plan = await planSync({ config: cfg, file: undefined, baseDir: '.' }, { full: false }, realPlanDeps(cfg, env()));
      const report = await runSync(store, plan.plans, plan.skipped, { pageSize: 500, validate: modelValidator('practical'), request: { command: 'sync' } });
      expect(report.status).toBe('succeeded');
      await resolvePersons(store, { region: 'US', run: report.runId });
      const writeBack = await runWriteBack(store, cfg, { runId: report.runId, env: env(), baseDir: '.' });
      return { runId: report.runId, writeBack };
    }

    async function golden(): Promise<Map<string, { email?: string | undefined; phone?: string | undefined }>> {
      const out = new Map<string, { email?: string | undefined; phone?: string | undefined }>();
      for (const p of await store.listProfiles('person', { limit: 100_000 })) out.set(p.unifiedId, { email: p.attributes['email']?.value, phone: p.attributes['phone']?.value });
      return out;
    }

    /** Every Salesforce member of a profile holds the profile's golden email and phone. */
    async function expectSalesforceHoldsGolden(): Promise<void> {
      let checked = 0;
      for (const profile of await store.listProfiles('person', { limit: 100_000 })) {
        for (const member of await store.profileMembers(profile.unifiedId)) {
          const individual = await store.getCimRecordById(member.recordId);
          if (individual?.sourceSystem !== 'crm') continue;
          const held = sf.org.table('Contact').get(individual.sourceRecordId)!;
          const phone = profile.attributes['phone']?.value;
          const email = profile.attributes['email']?.value;
          // The golden phone is in Phone, or already was in another phone field of the record.
          if (phone !== undefined) expect(PHONES.some((f) => sameValue('phone', phone, held[f], 'US'))).toBe(true);
          if (email !== undefined) expect(sameValue('email', email, held['Email'], 'US')).toBe(true);
          checked += 1;
        }
      }
      expect(checked).toBeGreaterThan(0);
    }

    it('writes changed golden values to both systems, and they read back unchanged', async () => {
      const contactsBefore = sf.org.table('Contact').size;
      const dvBefore = dv.environment.table('contact').size;
      const first = await run();
      const crm = first.writeBack.rules.find((r) => r.system === 'crm')!;
      expect(crm.error).toBeUndefined();
      expect(crm.updated).toBeGreaterThanOrEqual(changed.length);
      expect(crm.rejected + crm.failed + crm.created).toBe(0);
      await expectSalesforceHoldsGolden();
      const outcomes = await store.listWriteBackOutcomes({ runId: first.runId });
      expect(outcomes).toHaveLength(first.writeBack.rules.reduce((n, r) => n + r.written, 0));
      const one = outcomes.find((o) => o.recordId === changed[0]!.sfId)!;
      expect(one).toMatchObject({ system: 'crm', stream: 'Contact', key: changed[0]!.sfId, outcome: 'updated', values: { Phone: changed[0]!.phone } });
      // Only changed fields were sent.
      expect(outcomes.every((o) => Object.keys(o.values).length > 0)).toBe(true);

      const goldenAfterFirst = await golden();
      const second = await run();
      // Concord → emulator → Concord: the store holds what was written, golden values are the same, nothing is left to write.
      for (const o of outcomes) {
        const held = await store.getSourceRecord(o.system, o.stream, o.recordId!);
        for (const [field, value] of Object.entries(o.values)) expect(held?.fields[field]).toBe(value);
      }
      // Golden emails are the same address. (Survivorship may now pick another member's spelling of it, and a golden
      // phone may move: a record has several phones and none is primary, and the written record is now the most
      // recent one, so survivorship may take another of its phones.)
      const goldenAfterSecond = await golden();
      for (const [id, values] of goldenAfterFirst) if (values.email !== undefined) expect(sameValue('email', values.email, goldenAfterSecond.get(id)?.email, 'US')).toBe(true);
      const rewritten = await store.listWriteBackOutcomes({ runId: second.runId });
      expect(rewritten.filter((o) => 'Email' in o.values || 'emailaddress1' in o.values)).toEqual([]);
      expect(rewritten.every((o) => o.outcome === 'updated')).toBe(true);
      expect(sf.org.table('Contact').size).toBe(contactsBefore);
      expect(dv.environment.table('contact').size).toBe(dvBefore);
    });

    it('keeps a refused row with the vendor message and writes it again on the next run', async () => {
      for (const c of changed) sf.faults.rejectRecord(c.sfId, 'UNABLE_TO_LOCK_ROW', `unable to obtain exclusive access to this record or 1 records: ${c.sfId}`);
      const first = await run();
      const refused = (await store.listWriteBackOutcomes({ runId: first.runId })).filter((o) => o.outcome === 'rejected');
      expect(refused.length).toBeGreaterThan(0);
      expect(first.writeBack.rules.find((r) => r.system === 'crm')!.rejected).toBe(refused.length);
      for (const o of refused) {
        expect(o).toMatchObject({ system: 'crm', code: 'UNABLE_TO_LOCK_ROW', message: `unable to obtain exclusive access to this record or 1 records: ${o.recordId!}` });
        // Refused: Salesforce still holds its own values.
        expect(sf.org.table('Contact').get(o.recordId!)).not.toMatchObject(o.values);
      }

      // The locks are gone by the next run (a refusal armed for a record run 1 did not write would otherwise refuse
      // run 2's write to it, should its golden value move in between).
      sf.faults.clear();
      const second = await run();
      const retried = await store.listWriteBackOutcomes({ runId: second.runId });
      for (const o of refused) {
        expect(retried.filter((r) => r.recordId === o.recordId)).toEqual([expect.objectContaining({ outcome: 'updated', values: o.values })]);
        expect(sf.org.table('Contact').get(o.recordId!)).toMatchObject(o.values);
      }
      await expectSalesforceHoldsGolden();
    });

    it('creates nothing twice when the vendor applied a write whose answer was lost', async () => {
      const contactsBefore = sf.org.table('Contact').size;
      const dvBefore = dv.environment.table('contact').size;
      // One attempt only: the call fails, so its rows are recorded as failed, though the vendor applied them.
      sf.faults.inject({ kind: 'drop-after', path: /\/composite\/sobjects\/Contact\// });
      dv.faults.inject({ kind: 'drop-after', path: /\$batch/ });
      const cfg = config({ sf: { maxAttempts: 1 }, dv: { maxAttempts: 1 } });
      const first = await run(cfg);
      const outcomes = await store.listWriteBackOutcomes({ runId: first.runId });
      const crmFailed = outcomes.filter((o) => o.system === 'crm');
      expect(crmFailed.length).toBeGreaterThan(0);
      expect(crmFailed.every((o) => o.outcome === 'failed')).toBe(true);
      // The vendor applied the failed rows.
      for (const o of crmFailed) expect(sf.org.table('Contact').get(o.recordId!)).toMatchObject(o.values);

      // Written again by key, without a sync in between (the store still holds the old values): updates, no new rows.
      const again = await runWriteBack(store, cfg, { runId: 'retry-run', env: env(), baseDir: '.' });
      expect(again.rules.find((r) => r.system === 'crm')!).toMatchObject({ written: crmFailed.length, updated: crmFailed.length, created: 0 });
      // The next full run reads the applied values back and does not send them again.
      const next = await run(cfg);
      const resent = await store.listWriteBackOutcomes({ runId: next.runId });
      for (const o of crmFailed) expect(resent.filter((r) => r.recordId === o.recordId && JSON.stringify(r.values) === JSON.stringify(o.values))).toEqual([]);
      expect(resent.every((r) => r.outcome === 'updated')).toBe(true);
      expect(sf.org.table('Contact').size).toBe(contactsBefore);
      expect(dv.environment.table('contact').size).toBe(dvBefore);
    });

    it('writes a Dataverse member by its primary key and refuses a record deleted meanwhile, never re-creating it', async () => {
      const cfg = config();
      await run(cfg);
      // A member deleted in Dataverse after the sync: the store still holds it live.
      const victim = changed[2]!;
      dv.mutate.delete('contact', victim.dvId);
      expect((await store.getSourceRecord('dynamics', 'contact', victim.dvId))?.deleted).toBeFalsy();
      const sizeBefore = dv.environment.table('contact').size;
      // A rule writing a value the member does not hold, so the deleted record is planned.
      const forced = configSchema.parse({ ...cfg, writeBack: [{ system: 'dynamics', stream: 'contact', fields: { jobtitle: 'email' } }] });
      const report = await runWriteBack(store, forced, { runId: 'deleted-run', env: env(), baseDir: '.' });
      const refused = (await store.listWriteBackOutcomes({ runId: 'deleted-run' })).find((o) => o.recordId === victim.dvId);
      expect(refused).toMatchObject({ outcome: 'rejected', code: '0x80040217', message: expect.stringContaining('Does Not Exist') });
      expect(report.rules[0]!.updated).toBeGreaterThan(0);
      expect(dv.environment.table('contact').size).toBe(sizeBefore);
      expect(dv.environment.table('contact').has(victim.dvId)).toBe(false);
    });
  });
}
