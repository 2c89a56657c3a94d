/**
 * Survivorship rule chains from the configuration reach the stored golden values: by default the most recent
 * record wins; a per-attribute chain (source priority for email) overrides it for that attribute only.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { resolvePersons } from '../../src/identity/resolve.js';
import type { Store } from '../../src/store/store.js';
import { STORES } from '../support/stores.js';
import { distinctPeople, individualId, storePeople, type PersonSpec } from './people.js';

const people = distinctPeople(40);
const p0 = people[0]!;
/** p0 in the erp, changed later, with another phone and the same email in capitals. */
const p0erp: PersonSpec = { ...p0, system: 'erp', id: 'erp-0', email: p0.email!.toUpperCase(), phone: '+14155559999', modstamp: '2025-06-01T00:00:00.000Z' };

for (const backend of STORES) {
  describe(`survivorship from the config (${backend.name})`, () => {
    let store: Store | undefined;
    afterEach(async () => store?.close());

    it.each([
      ['default chain: the newer erp record wins every attribute', undefined, 'erp', 'erp'],
      ['email by source priority (crm first), phone still most recent', { attributes: { email: ['source-priority', 'most-recent'] } }, 'crm', 'erp'],
    ] as const)('%s', async (_name, survivorship, emailFrom, phoneFrom) => {
      store = await backend.open();
      await store.migrate();
      await storePeople(store, [...people, p0erp]);
      await resolvePersons(store, { sourcePriority: ['crm', 'erp'], ...(survivorship && { survivorship }) });
      const unifiedId = (await store.profileOfRecord(individualId(p0)))!.unifiedId;
      expect((await store.profileOfRecord(individualId(p0erp)))?.unifiedId).toBe(unifiedId);
      const golden = (await store.getProfile(unifiedId))!.attributes;
      expect(golden['email']?.provenance.system).toBe(emailFrom);
      expect(golden['phone']?.provenance.system).toBe(phoneFrom);
      expect(golden['phone']?.rule).toBe('most recent');
    });
  });
}
