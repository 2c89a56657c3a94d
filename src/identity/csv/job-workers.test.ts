import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDedupeCsv } from './job.js';

/**
 * The CSV jobs build features on two threads from 50,000 rows on (25,000 a thread): the clusters must be those of
 * one thread. 40,000 seeded people, a third with a corrupted copy — ~53,000 rows (dedupe and link share the code
 * that builds the features, so one job is checked).
 */
const dir = mkdtempSync(join(tmpdir(), 'concord-job-workers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writePeople(file: string, n: number, seed: number): void {
  let state = seed;
  const next = (): number => ((state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32);
  const firsts = ['jon', 'mary', 'ada', 'li', 'omar', 'sofia', 'pat', 'kim', 'alex', 'ruth'];
  const lines = ['id,first_name,last_name,dob,email,phone,postcode'];
  for (let i = 0; i < n; i++) {
    const first = firsts[Math.floor(next() * firsts.length)]!;
    const last = `smith${Math.floor(next() * 3000)}`;
    const dob = `19${50 + Math.floor(next() * 50)}-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 10)}`;
    lines.push(`p${i},${first},${last},${dob},${first}.${last}.${i}@mail.com,+1415${String(2_000_000 + i).padStart(7, '0')},${10_000 + (i % 900)}`);
    if (next() < 0.33) lines.push(`c${i},${first.slice(0, -1)}e,${last},${dob},,+1415${String(2_000_000 + i).padStart(7, '0')},`);
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

describe('CSV jobs on two threads', () => {
  const a = join(dir, 'a.csv');
  writePeople(a, 40_000, 11);

  it('dedupe gives the clusters of one thread', async () => {
    const one = await runDedupeCsv({ file: a, idColumn: 'id', workers: 1 });
    const two = await runDedupeCsv({ file: a, idColumn: 'id', workers: 2 });
    expect(one.records).toBeGreaterThan(50_000);
    expect(one.matchedPairs).toBeGreaterThan(5_000);
    expect(two.result.parameters).toStrictEqual(one.result.parameters);
    expect(two.result.matches).toStrictEqual(one.result.matches);
    expect(two.result.clusters.clusterIds).toEqual(one.result.clusters.clusterIds);
  }, 120_000);
});
