/**
 * Organisation member records for the API, assembled exactly as resolution assembles them (name, phone — never
 * the fax —, website, address, DUNS, and the match features), and the explanation of a pair of them under the
 * saved organisation model.
 *
 * @example
 * const [acme] = await organizationMembers(store, await store.liveCimRecordsByIds('Organization', [id]), 'US');
 * const why = await explainOrganizations(store, 'salesforce/Account/0013c00000EcjdwAAB', idOfAnother, 'US');
 */
import { ConcordError } from '../../core/errors.js';
import { explainPair, type Explanation } from '../../identity/explain/explain-pair.js';
import { ORGANIZATION_KIND, savedParameters } from '../../identity/resolve.js';
import { assembleOrganizations, type OrganizationRecord } from '../../identity/store/assemble-organizations.js';
import type { Store, StoredCimRecord } from '../../store/store.js';

/**
 * A view of the store in which the live Organizations are only `rows`, so that `assembleOrganizations` — which
 * pages through every Organization — assembles just these, with the same contact-point choices as resolution.
 */
function onlyOrganizations(store: Store, rows: readonly StoredCimRecord[]): Store {
  const sorted = [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
  const listCimRecords: Store['listCimRecords'] = async (entity, options) => {
    if (entity !== 'Organization') return store.listCimRecords(entity, options);
    const after = options?.after;
    const from = after === undefined ? sorted : sorted.filter((r) => r.id > after);
    return from.slice(0, options?.limit ?? from.length);
  };
  return new Proxy(store, {
    get(target, prop) {
      if (prop === 'listCimRecords') return listCimRecords;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * These Organization rows as organisation records, in id order.
 *
 * @example
 * (await organizationMembers(store, rows, 'US'))[0]?.values.website; // 'https://acme.example'
 */
export async function organizationMembers(store: Store, rows: readonly StoredCimRecord[], region: string | undefined): Promise<OrganizationRecord[]> {
  const out: OrganizationRecord[] = [];
  for await (const batch of assembleOrganizations(onlyOrganizations(store, rows), region === undefined ? {} : { region })) out.push(...batch);
  return out;
}

/**
 * The live Organization a reference names — a Concord id, or `system/stream/recordId` of the company's source
 * record — or undefined when it names none (a person record, say).
 */
export async function organizationRowOf(store: Store, ref: string): Promise<StoredCimRecord | undefined> {
  const parts = ref.split('/');
  if (parts.length < 3) {
    const [row] = await store.liveCimRecordsByIds('Organization', [ref]);
    return row;
  }
  const [system, stream, ...rest] = parts;
  return (await store.cimRecordsOfSource(system!, stream!, rest.join('/'))).find((r) => r.entity === 'Organization' && !r.deleted);
}

/**
 * Why two organisation records match or not under the saved organisation model: the waterfall `explainPair`
 * gives, with the organisation deterministic rules.
 */
export async function explainOrganizations(store: Store, a: StoredCimRecord, b: StoredCimRecord, region: string | undefined): Promise<{ explanation: Explanation; records: OrganizationRecord[] }> {
  const comparisons = ORGANIZATION_KIND.comparisons();
  const params = await savedParameters(store, comparisons, ORGANIZATION_KIND.paramsName);
  if (!params) throw new ConcordError('IDENTITY_NOT_TRAINED', 'no saved organisation model in the store', { kind: 'usage', hint: 'run `concord resolve` first' });
  const records = await organizationMembers(store, [a, b], region);
  const find = (id: string): OrganizationRecord => records.find((r) => r.record.id === id)!;
  const explanation = explainPair(find(a.id).record, find(b.id).record, comparisons, params, { deterministicRules: ORGANIZATION_KIND.deterministicRules });
  return { explanation, records };
}
