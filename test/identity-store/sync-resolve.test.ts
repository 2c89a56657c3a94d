/**
 * `concord sync` resolves the people it loaded: the first sync fully, the next ones incrementally, with the run id
 * in the profiles' history; `identity.resolveOnSync: false` leaves them alone.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureOutput } from '../support/capture-output.js';

const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

const FIRST = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Frances', 'John', 'Radia', 'Tim'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'McCarthy', 'Perlman', 'Lee'];

/** 40 people, every fourth one entered twice (same email and last name). */
function peopleCsv(extra: string[] = []): string {
  const rows = ['id,email,first,last'];
  for (let i = 0; i < 40; i++) {
    const row = `${FIRST[i % 10]},${LAST[Math.floor(i / 4) % 10]}${i}`;
    rows.push(`${i},person${i}@mail${i % 5}.io,${row}`);
    if (i % 4 === 0) rows.push(`${i}-again,PERSON${i}@mail${i % 5}.io,${row}`);
  }
  return [...rows, ...extra, ''].join('\n');
}

function project(resolveOnSync?: boolean): string {
  const folder = mkdtempSync(join(tmpdir(), 'concord-sync-resolve-'));
  dirs.push(folder);
  writeFileSync(join(folder, 'people.csv'), peopleCsv());
  writeFileSync(join(folder, 'concord.yaml'), [
    'store: sqlite:.concord/concord.db',
    'systems:',
    '  people:',
    '    type: csv',
    '    path: people.csv',
    '    stream: people',
    '    id: id',
    '    fields: { email: ContactPointEmail.emailAddress, first: Individual.firstName, last: Individual.lastName }',
    ...(resolveOnSync === undefined ? [] : ['identity:', `  resolveOnSync: ${resolveOnSync}`]),
    '',
  ].join('\n'));
  return folder;
}

async function sync(folder: string, json = true): Promise<{ code: number; text: string; report: Record<string, unknown> | undefined }> {
  const out = captureOutput();
  const code = await main(['node', 'concord', 'sync', '--config', join(folder, 'concord.yaml'), ...(json ? ['--json'] : [])], { output: out, env: {} });
  return { code, text: out.text(), report: json ? (JSON.parse(out.stdout.join('\n')) as Record<string, unknown>) : undefined };
}

describe('concord sync resolves the people it loads', () => {
  it('fully the first time, then only what changed, with the run id in history', async () => {
    const folder = project();
    const first = await sync(folder);
    expect(first.code).toBe(0);
    expect(first.report!['identity']).toMatchObject({ mode: 'full', changed: 50, records: 50, profiles: { active: 40, created: 40 } });

    const unchanged = await sync(folder);
    expect(unchanged.report!['identity']).toBeUndefined();

    writeFileSync(join(folder, 'people.csv'), peopleCsv(['7-again,person7@mail2.io,John,Lovelace7']));
    const second = await sync(folder, false);
    expect(second.text).toMatch(/profiles: 40 active — 0 created, 1 grew, 0 merged, 0 split, 0 moved, 0 retired\n {2}from 1 changed person record \(incremental, 2 re-clustered/);
    const runId = /run ([0-9a-f-]{36}): succeeded/.exec(second.text)?.[1];
    expect(runId).toBeDefined();

    const listed = captureOutput();
    await main(['node', 'concord', 'profiles', 'list', '--limit', '100', '--json', '--config', join(folder, 'concord.yaml')], { output: listed, env: {} });
    const ids = (JSON.parse(listed.stdout.join('\n')) as Array<{ unifiedId: string }>).map((p) => p.unifiedId);
    const histories = [];
    for (const id of ids) {
      const shown = captureOutput();
      await main(['node', 'concord', 'profiles', 'show', id, '--json', '--config', join(folder, 'concord.yaml')], { output: shown, env: {} });
      histories.push(...(JSON.parse(shown.stdout.join('\n')) as { history: Array<{ event: string; run?: string }> }).history);
    }
    expect(histories.filter((h) => h.event === 'grew')).toEqual([expect.objectContaining({ run: runId })]);
  }, 60_000);

  it('leaves resolution to `concord resolve` when identity.resolveOnSync is false', async () => {
    const folder = project(false);
    const first = await sync(folder);
    expect(first.code).toBe(0);
    expect(first.report!['identity']).toBeUndefined();
    expect((await sync(folder, false)).text).not.toMatch(/profiles:/);
  }, 60_000);
});
