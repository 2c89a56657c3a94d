import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { explainPair } from '../explain/explain-pair.js';
import type { ScoredPairs } from '../cluster/resolve.js';
import { runDedupeCsv, runLinkCsv } from './job.js';
import { personComparisons } from './person-features.js';

/**
 * Term-frequency adjustments in the CSV jobs: 400 seeded people, 40% named Smith, half in London, half of them
 * with a copy (a typo in the first name, the email kept on some). The model's value counts come from the file;
 * turned off, the same model (EM runs without them) scores every pair without the adjustment.
 */
const dir = mkdtempSync(join(tmpdir(), 'concord-tf-job-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SYL = ['bar', 'cal', 'dor', 'fen', 'gil', 'hal', 'kor', 'lan', 'mor', 'nor', 'pel', 'ros', 'tal', 'ver', 'wen', 'zan'];
const END = ['ton', 'ley', 'wood', 'ford', 'well', 'more', 'wick', 'dale', 'croft', 'holt'];
const FIRST = ['jon', 'mary', 'ada', 'omar', 'sofia', 'pat', 'kim', 'alex', 'ruth', 'ivan', 'lena', 'hugo'];

function people(n: number, seed: number): string[] {
  let state = seed;
  const next = (): number => ((state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const first = pick(FIRST);
    const last = next() < 0.4 ? 'smith' : `${pick(SYL)}${pick(END)}`;
    const city = next() < 0.5 ? 'london' : `${pick(SYL)}${pick(END)}`;
    const dob = `19${50 + Math.floor(next() * 50)}-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 10)}`;
    const phone = `+4420${String(7_000_000 + i * 7).padStart(8, '0')}`;
    lines.push(`p${i},${first},${last},${dob},${first}.${last}${i}@mail.com,${phone},${city}`);
    if (next() < 0.5) lines.push(`c${i},${first}e,${last},${dob},${next() < 0.5 ? `${first}.${last}${i}@mail.com` : ''},${phone},${city}`);
  }
  return lines;
}

const HEADER = 'id,first_name,last_name,dob,email,phone,city';
const file = join(dir, 'people.csv');
const rows = people(400, 5);
writeFileSync(file, `${[HEADER, ...rows].join('\n')}\n`);

/** Weight of every scored pair (matches and review), by record ids. */
function weights(pairs: readonly ScoredPairs[], ids: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of pairs) for (let k = 0; k < p.count; k++) out.set(`${ids[p.left[k]!]}|${ids[p.right[k]!]}`, p.weight[k]!);
  return out;
}

describe('CSV jobs with term-frequency adjustments', () => {
  it('dedupe counts first name, last name and city over the file, and moves each pair by its shared values', async () => {
    const on = await runDedupeCsv({ file, idColumn: 'id', region: 'GB', resolve: { reviewThreshold: 1e-9 } });
    const off = await runDedupeCsv({ file, idColumn: 'id', region: 'GB', resolve: { reviewThreshold: 1e-9, termFrequencies: false } });
    const tables = on.parameters.termFrequencies ?? [];
    expect(tables.map((t) => t.comparison)).toEqual(['first_name', 'last_name', 'city']);
    const smiths = rows.filter((r) => r.split(',')[2] === 'smith').length;
    const lastName = tables[1]!;
    expect(lastName.records).toBe(rows.length);
    expect(lastName.values[0]).toBe('smith');
    expect(lastName.counts[0]).toBe(smiths);
    expect(off.parameters.termFrequencies).toBeUndefined();
    const { termFrequencies: _, ...model } = on.parameters;
    expect(model).toStrictEqual(off.parameters);

    const ids = on.result.matchedRecords.map((r) => r.id);
    const withTf = weights([on.result.matches, on.result.review], ids);
    const without = weights([off.result.matches, off.result.review], ids);
    const byId = new Map(on.result.matchedRecords.map((r) => [r.id, r] as const));
    let down = 0;
    let up = 0;
    let checked = 0;
    for (const [key, w] of withTf) {
      const before = without.get(key);
      if (before === undefined) continue;
      const [a, b] = key.split('|') as [string, string];
      const steps = explainPair(byId.get(a)!, byId.get(b)!, personComparisons(), on.parameters).steps.filter((s) => s.termFrequency !== undefined);
      const adjustment = steps.reduce((s, x) => s + x.weight, 0);
      expect(w - before).toBeCloseTo(adjustment, 9);
      if (adjustment < -1e-9) down++;
      if (adjustment > 1e-9) up++;
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
    expect(down).toBeGreaterThan(0); // same smith, same london
    expect(up).toBeGreaterThan(0); // a rarer shared name
  });

  it('link counts the values over both files', async () => {
    const left = join(dir, 'left.csv');
    const right = join(dir, 'right.csv');
    writeFileSync(left, `${[HEADER, ...rows.filter((r) => r.startsWith('p'))].join('\n')}\n`);
    writeFileSync(right, `${[HEADER, ...rows.filter((r) => r.startsWith('c'))].join('\n')}\n`);
    const linked = await runLinkCsv({ left, right, idColumn: 'id', region: 'GB' });
    const lastName = linked.parameters.termFrequencies?.find((t) => t.comparison === 'last_name');
    expect(lastName?.records).toBe(rows.length);
    expect(lastName?.counts[0]).toBe(rows.filter((r) => r.split(',')[2] === 'smith').length);
    expect(linked.links).toBeGreaterThan(0);
    const plain = await runLinkCsv({ left, right, idColumn: 'id', region: 'GB', resolve: { termFrequencies: false } });
    expect(plain.parameters.termFrequencies).toBeUndefined();
  });
});
