/**
 * Restartability: `concord sync` killed with SIGKILL in the middle of a file resumes from the last committed page
 * on the next run, and the store ends with every row exactly once.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'concord.js');
const dir = mkdtempSync(join(tmpdir(), 'concord-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ROWS = 15_000;

function writeInput(): void {
  const lines = ['id,first,last,email,phone'];
  for (let i = 0; i < ROWS; i++) lines.push(`C${i},First${i},Last${i},person${i}@example.com,+1 415 555 ${String(i % 10_000).padStart(4, '0')}`);
  writeFileSync(join(dir, 'people.csv'), `${lines.join('\n')}\n`);
  writeFileSync(
    join(dir, 'concord.yaml'),
    [
      'store: sqlite:.concord/concord.db',
      'defaults: { pageSize: 250 }',
      'systems:',
      '  crm:',
      '    type: csv',
      '    path: people.csv',
      '    stream: people',
      '    id: id',
      '    fields: { first: Individual.firstName, last: Individual.lastName, email: ContactPointEmail.emailAddress, phone: ContactPointPhone.telephoneNumber }',
      '',
    ].join('\n'),
  );
}

function committedRows(db: Database.Database): number {
  return (db.prepare('SELECT count(*) AS n FROM source_records').get() as { n: number }).n;
}

describe('a sync killed with SIGKILL', () => {
  it('resumes where it stopped, with nothing lost and nothing duplicated', async () => {
    if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: run `npm run build` (npm install does it)');
    writeInput();
    const dbFile = join(dir, '.concord', 'concord.db');
    const child = spawn(process.execPath, [bin, 'sync', '--config', join(dir, 'concord.yaml'), '--no-progress'], { stdio: 'ignore' });
    // Kill it once some pages, but not all, are committed.
    let before = 0;
    for (let waited = 0; waited < 60_000; waited += 20) {
      await new Promise((r) => setTimeout(r, 20));
      if (!existsSync(dbFile)) continue;
      const db = new Database(dbFile, { readonly: true, fileMustExist: true });
      try {
        before = committedRows(db);
      } catch {
        before = 0; // tables not created yet
      } finally {
        db.close();
      }
      if (before >= 2_000) break;
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(before).toBeGreaterThan(0);

    const db = new Database(dbFile, { readonly: true });
    const atKill = committedRows(db);
    db.close();
    expect(atKill).toBeLessThan(ROWS);
    expect(atKill % 250).toBe(0); // whole pages only: a page is one transaction

    const rerun = spawnSync(process.execPath, [bin, 'sync', '--config', join(dir, 'concord.yaml'), '--json', '--no-progress'], { encoding: 'utf8' });
    expect(rerun.status).toBe(0);
    const report = JSON.parse(rerun.stdout) as { totals: { read: number; loaded: number }; balanced: boolean };
    expect(report.balanced).toBe(true);
    // The resumed read starts after the last committed page.
    expect(report.totals.read).toBe(ROWS - atKill);
    expect(report.totals.loaded).toBe(ROWS - atKill);

    const after = new Database(dbFile, { readonly: true });
    try {
      expect(committedRows(after)).toBe(ROWS);
      const counts = after.prepare("SELECT entity, count(*) AS n, count(DISTINCT external_record_id) AS d FROM cim_records WHERE deleted = 0 GROUP BY entity ORDER BY entity").all() as Array<{ entity: string; n: number; d: number }>;
      const byEntity = Object.fromEntries(counts.map((c) => [c.entity, c.n]));
      for (const entity of ['Individual', 'Party', 'ContactPointEmail', 'ContactPointPhone']) expect(byEntity[entity]).toBe(ROWS);
      for (const c of counts) expect(c.d).toBe(c.n);
      // The killed run does not stay `running`: the next run closed it, saying why.
      const runs = after.prepare('SELECT status, error FROM runs ORDER BY started_at').all() as Array<{ status: string; error: string | null }>;
      expect(runs.map((r) => r.status)).toEqual(['failed', 'succeeded']);
      expect(runs[0]?.error).toMatch(/^interrupted: the process \(pid \d+ on .+\) ended without finishing this run/);
    } finally {
      after.close();
    }
  }, 120_000);
});
