/**
 * A sync through the live Salesforce connector killed with SIGKILL at several points (first read, resumed reads)
 * while the org changes in between resumes on the next run with nothing lost and nothing duplicated: the store
 * then matches, row for row and field for field, a store filled by one uninterrupted sync of the same org.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSalesforceEmulator, type SalesforceEmulator } from '../emulators/salesforce/index.js';
import { envFor, systemConfig } from '../emulators/salesforce/harness.js';
import { differences, finishSync, killAfterRows, snapshot, startSync, type SyncTarget } from './crash-harness.js';

let sf: SalesforceEmulator;
let dir: string;
beforeAll(async () => {
  sf = await startSalesforceEmulator({ seed: 41, people: 3000 });
  dir = mkdtempSync(join(tmpdir(), 'concord-sf-crash-'));
});
afterAll(async () => {
  await sf.close();
  rmSync(dir, { recursive: true, force: true });
});

function target(store: string): SyncTarget {
  return { name: 'crm', config: { ...systemConfig(sf), streams: ['Contact', 'Lead'] }, env: envFor(sf), store: join(dir, store) };
}

describe('a live Salesforce sync killed with SIGKILL', () => {
  it('resumes from the last committed page with nothing lost and nothing duplicated', async () => {
    const crashed = target('crashed.db');
    const total = sf.org.table('Contact').size + sf.org.table('Lead').size;
    const contacts = [...sf.org.table('Contact').keys()];
    // While Concord is down the org moves on: rows already read and rows not yet read change, go, and arrive.
    const meanwhile = [
      () => sf.mutate.update('Contact', contacts.at(-1)!, { Email: 'moved.on@example.com' }),
      () => {
        sf.mutate.hardDelete('Contact', contacts.at(-2)!);
        sf.mutate.update('Contact', contacts[0]!, { Title: 'Changed after it was read' });
      },
      () => {
        sf.mutate.softDelete('Contact', contacts[1]!);
        sf.mutate.create('Lead', { LastName: 'Afterwards', Company: 'Later Ltd', Status: 'Open - Not Contacted' });
      },
    ];
    // Slow pages, so each kill lands mid-read; kills at about 15%, 45% and 80% of the rows.
    sf.faults.inject({ kind: 'slow', ms: 80, path: /\/query\/01g/, times: 100_000 });
    const kills: Array<{ rows: number; killed: boolean }> = [];
    for (const [i, share] of [0.15, 0.45, 0.8].entries()) {
      kills.push(await killAfterRows(startSync(crashed), crashed.store, 'crm', Math.round(total * share)));
      meanwhile[i]!();
    }
    sf.faults.clear();
    const midRead = kills.filter((k) => k.killed && k.rows > 0 && k.rows < total);
    expect(midRead.length, JSON.stringify(kills)).toBeGreaterThanOrEqual(2);

    expect(await finishSync(crashed)).toMatchObject({ status: 'succeeded', balanced: true });
    const clean = target('clean.db');
    expect(await finishSync(clean)).toMatchObject({ status: 'succeeded', balanced: true });
    const resumed = snapshot(crashed.store, 'crm');
    const reference = snapshot(clean.store, 'crm');
    // Formula fields are computed on read: a row read minutes earlier may rightly hold yesterday's value.
    const formulas = new Set([...sf.org.schema.values()].flatMap((o) => o.fields.filter((f) => f.calculated).map((f) => f.name)));
    expect(formulas.size).toBeGreaterThan(0);
    expect(differences(resumed.sources, reference.sources, formulas)).toEqual([]);
    expect(resumed.cim).toEqual(reference.cim);
    for (const row of resumed.cim) expect(row.d).toBe(row.n);
    expect(resumed.sources.find((r) => r.record_id === contacts[1])?.deleted).toBe(1);
  }, 180_000);
});
