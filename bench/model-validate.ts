/**
 * Validation throughput on the pipeline's path: 100,000 Individual records through `validateRecord` (both
 * profiles) and through the equivalent zod schema, for comparison. Run: `node --import tsx bench/model-validate.ts`.
 */
import { concordId } from '../src/core/ids.js';
import type { CimRecord } from '../src/model/record.js';
import { entitySchema } from '../src/model/schemas.js';
import { validateRecord } from '../src/model/validate.js';

const N = 100_000;
const first = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Frances', 'John'];
const last = ['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Backus'];
const records: CimRecord[] = [];
for (let i = 0; i < N; i++) {
  const id = concordId('salesforce', 'Contact', `003${i}`);
  const f = first[i % first.length]!;
  const l = last[(i * 7) % last.length]!;
  records.push({
    entity: 'Individual',
    data: {
      id,
      externalSourceId: 'salesforce:00D000000000001EAA',
      externalRecordId: `003000000000${String(i).padStart(6, '0')}`,
      createdDate: '2024-05-01T12:00:00.000+0000',
      lastModifiedDate: '2024-05-02T08:30:00.000+0000',
      systemModstamp: '2024-05-02T08:30:00.000+0000',
      implementorType: 'Concord',
      partyId: id,
      partyTypeId: { type: 'Individual', id },
      personName: `${f} ${l}`,
      firstName: f,
      lastName: l,
      salutation: i % 2 ? 'Ms.' : 'Mr.',
      birthDate: `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 9}`,
      primaryAccountId: concordId('salesforce', 'Account', `001${i % 1000}`),
      'concord:ownerId': '005000000000001AAA',
    },
  });
}

function measure(label: string, fn: (r: CimRecord) => boolean): void {
  for (let i = 0; i < 10_000; i++) fn(records[i]!); // warm-up
  const start = process.hrtime.bigint();
  let valid = 0;
  for (const r of records) if (fn(r)) valid++;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(`${label.padEnd(34)} ${Math.round(N / seconds).toLocaleString('en-US').padStart(12)} records/s  (${valid.toLocaleString('en-US')} valid of ${N.toLocaleString('en-US')})`);
}

const strictZod = entitySchema('Individual', 'strict');
const practicalZod = entitySchema('Individual', 'practical');
measure('validateRecord practical', (r) => validateRecord(r, 'practical').ok);
measure('validateRecord strict', (r) => validateRecord(r, 'strict').ok);
measure('zod practical (safeParse)', (r) => practicalZod.safeParse(r.data).success);
measure('zod strict (safeParse)', (r) => strictZod.safeParse(r.data).success);
