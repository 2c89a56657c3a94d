/**
 * Harness of the SIGKILL tests of the live connectors: runs `concord sync` of one system in a child process
 * (test/emulators/sync-child.ts) against an emulator in this process, kills it once enough rows are committed,
 * and compares stores row by row.
 *
 * @example
 * const child = startSync({ name: 'crm', config, env, store });
 * const atKill = await killAfterRows(child, store, 'crm', 600);
 * await finishSync({ name: 'crm', config, env, store }); // { status: 'succeeded', balanced: true }
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

const CHILD = join(import.meta.dirname, '..', 'emulators', 'sync-child.ts');

export interface SyncTarget {
  /** System name in the config. */
  name: string;
  /** The system's settings (concord.yaml shape), streams included. */
  config: Record<string, unknown>;
  /** Secrets the config names. */
  env: NodeJS.ProcessEnv;
  /** SQLite file. */
  store: string;
}

export function startSync(target: SyncTarget): ChildProcessWithoutNullStreams {
  const env = { ...process.env, ...target.env, SYSTEM_NAME: target.name, SYSTEM_CONFIG: JSON.stringify(target.config), STORE_PATH: target.store };
  return spawn(process.execPath, ['--import', 'tsx', CHILD], { env, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Runs a sync to its end; the report's status line. */
export async function finishSync(target: SyncTarget): Promise<{ status: string; balanced: boolean }> {
  const child = startSync(target);
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`sync child exited ${code}: ${err}`);
  return JSON.parse(out.trim().split('\n').at(-1)!) as { status: string; balanced: boolean };
}

/** Source rows of `system` committed in the store so far (0 before its tables exist). */
export function countRows(store: string, system: string): number {
  if (!existsSync(store)) return 0;
  const db = new Database(store, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM source_records WHERE system = ?').get(system) as { n: number }).n;
  } catch {
    return 0; // tables not created yet
  } finally {
    db.close();
  }
}

/**
 * Kills the child with SIGKILL as soon as at least `rows` source rows are committed (or when it ends by itself);
 * the number of rows committed when it died, and whether it was killed.
 */
export async function killAfterRows(child: ChildProcessWithoutNullStreams, store: string, system: string, rows: number, timeoutMs = 60_000): Promise<{ rows: number; killed: boolean }> {
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  let seen = 0;
  for (let waited = 0; waited < timeoutMs && !exited && seen < rows; waited += 20) {
    await new Promise((r) => setTimeout(r, 20));
    seen = countRows(store, system);
  }
  const killed = !exited;
  if (killed) child.kill('SIGKILL');
  await exit;
  return { rows: countRows(store, system), killed };
}

export interface SourceRow {
  stream: string;
  record_id: string;
  deleted: number;
  hash: string;
  fields: string;
}

export interface StoreSnapshot {
  sources: SourceRow[];
  /** Live CIM records per entity: count and distinct external ids. */
  cim: Array<{ entity: string; n: number; d: number }>;
}

export function snapshot(store: string, system: string): StoreSnapshot {
  const db = new Database(store, { readonly: true, fileMustExist: true });
  try {
    return {
      sources: db.prepare('SELECT stream, record_id, deleted, hash, fields FROM source_records WHERE system = ? ORDER BY stream, record_id').all(system) as SourceRow[],
      cim: db.prepare('SELECT entity, count(*) AS n, count(DISTINCT external_record_id) AS d FROM cim_records WHERE deleted = 0 GROUP BY entity ORDER BY entity').all() as StoreSnapshot['cim'],
    };
  } finally {
    db.close();
  }
}

/**
 * The live rows that differ between two stores, with the fields that differ, so a failure names the record and
 * how. A row hard-deleted before one store ever saw it is only a tombstone in the other, so tombstones are left
 * out; so are `ignore`d fields (formula fields, computed on read: they change without the row's modstamp moving).
 */
export function differences(a: readonly SourceRow[], b: readonly SourceRow[], ignore: ReadonlySet<string> = new Set()): Array<{ key: string; resumed?: unknown; reference?: unknown }> {
  const key = (r: SourceRow) => `${r.stream}/${r.record_id}`;
  const left = new Map(a.filter((r) => r.deleted === 0).map((r) => [key(r), r]));
  const right = new Map(b.filter((r) => r.deleted === 0).map((r) => [key(r), r]));
  const out: Array<{ key: string; resumed?: unknown; reference?: unknown }> = [];
  for (const k of new Set([...left.keys(), ...right.keys()])) {
    const l = left.get(k);
    const r = right.get(k);
    if (l?.hash === r?.hash) continue;
    const fl = l ? (JSON.parse(l.fields) as Record<string, unknown>) : {};
    const fr = r ? (JSON.parse(r.fields) as Record<string, unknown>) : {};
    const changed = [...new Set([...Object.keys(fl), ...Object.keys(fr)])].filter((f) => fl[f] !== fr[f] && !ignore.has(f));
    if (l && r && changed.length === 0) continue;
    out.push({ key: k, resumed: l && Object.fromEntries(changed.map((f) => [f, fl[f]])), reference: r && Object.fromEntries(changed.map((f) => [f, fr[f]])) });
  }
  return out;
}
