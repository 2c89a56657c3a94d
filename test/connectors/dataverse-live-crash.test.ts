/**
 * A sync through the live Dataverse connector killed with SIGKILL at several points (the first, change-tracked
 * read and the resumed ones) while the environment changes in between resumes on the next run with nothing lost
 * and nothing duplicated: the store then matches, row for row and field for field, a store filled by one
 * uninterrupted sync of the same environment.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDataverseEmulator, type DataverseEmulator } from '../emulators/dataverse/index.js';
import { envFor, systemConfig } from '../emulators/dataverse/harness.js';
import { differences, finishSync, killAfterRows, snapshot, startSync, type SyncTarget } from './crash-harness.js';

const STREAMS = ['account', 'contact', 'lead'];

let dv: DataverseEmulator;
let dir: string;
beforeAll(async () => {
  dv = await startDataverseEmulator({ seed: 43, people: 2000 });
  dir = mkdtempSync(join(tmpdir(), 'concord-dv-crash-'));
});
afterAll(async () => {
  await dv.close();
  rmSync(dir, { recursive: true, force: true });
});

function target(store: string): SyncTarget {
  return { name: 'dynamics', config: { ...systemConfig(dv), streams: STREAMS }, env: envFor(dv), store: join(dir, store) };
}

describe('a live Dataverse sync killed with SIGKILL', () => {
  it('resumes with nothing lost and nothing duplicated', async () => {
    const crashed = target('crashed.db');
    const total = STREAMS.reduce((n, t) => n + dv.environment.table(t).size, 0);
    const contacts = [...dv.environment.table('contact').keys()];
    const leads = [...dv.environment.table('lead').keys()];
    // While Concord is down the environment moves on: rows already read and rows not yet read change, go, and arrive.
    const meanwhile = [
      () => dv.mutate.update('contact', contacts.at(-1)!, { emailaddress1: 'moved.on@example.com' }),
      () => {
        dv.mutate.delete('contact', contacts.at(-2)!);
        dv.mutate.update('contact', contacts[0]!, { jobtitle: 'Changed after it was read' });
      },
      () => {
        dv.mutate.delete('lead', leads[0]!);
        dv.mutate.create('lead', { lastname: 'Afterwards', companyname: 'Later Ltd' });
      },
    ];
    // Slow pages, so each kill lands mid-read; kills at about 15%, 45% and 80% of the rows.
    dv.faults.inject({ kind: 'slow', ms: 60, path: /\/(accounts|contacts|leads)\b/, times: 100_000 });
    const kills: Array<{ rows: number; killed: boolean }> = [];
    for (const [i, share] of [0.15, 0.45, 0.8].entries()) {
      kills.push(await killAfterRows(startSync(crashed), crashed.store, 'dynamics', Math.round(total * share)));
      meanwhile[i]!();
    }
    dv.faults.clear();
    const midRead = kills.filter((k) => k.killed && k.rows > 0 && k.rows < total);
    expect(midRead.length, JSON.stringify(kills)).toBeGreaterThanOrEqual(2);

    expect(await finishSync(crashed)).toMatchObject({ status: 'succeeded', balanced: true });
    const clean = target('clean.db');
    expect(await finishSync(clean)).toMatchObject({ status: 'succeeded', balanced: true });
    const resumed = snapshot(crashed.store, 'dynamics');
    const reference = snapshot(clean.store, 'dynamics');
    expect(differences(resumed.sources, reference.sources)).toEqual([]);
    expect(resumed.cim).toEqual(reference.cim);
    for (const row of resumed.cim) expect(row.d).toBe(row.n);
    expect(resumed.sources.find((r) => r.record_id === leads[0])?.deleted ?? 1).toBe(1);
  }, 180_000);
});
