import { describe, expect, it } from 'vitest';
import { dedupeRecords } from '../cluster/resolve.js';
import { PERSON_BLOCKING_RULES, PERSON_DETERMINISTIC_RULES, PERSON_GUARDS } from '../csv/person-defaults.js';
import { personComparisons } from '../csv/person-features.js';
import type { AttributeValues } from '../csv/read.js';
import { buildFeatures, personFeatureBuilder } from './features.js';

/** Seeded people, a third with a corrupted copy (a typo in the first name, the phone dropped). */
function people(n: number, seed = 7): AttributeValues[] {
  let state = seed;
  const next = (): number => ((state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32);
  const firsts = ['jon', 'mary', 'ada', 'li', 'omar', 'sofia', 'pat', 'kim', 'alex', 'ruth'];
  const lasts = ['smith', 'king', 'nguyen', 'garcia', 'okafor', 'muller', 'rossi', 'tanaka', 'brown', 'silva'];
  const out: AttributeValues[] = [];
  for (let i = 0; out.length < n; i++) {
    const first = firsts[Math.floor(next() * firsts.length)]!;
    const last = `${lasts[Math.floor(next() * lasts.length)]!}${i % 37}`;
    const person: AttributeValues = {
      first_name: first, last_name: last, dob: `19${50 + Math.floor(next() * 50)}-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 10)}`,
      email: `${first}.${last}${i}@mail.com`, phone: `+1415${String(2_000_000 + i).padStart(7, '0')}`, postcode: String(10_000 + (i % 500)),
    };
    out.push(person);
    if (next() < 0.33) {
      const { phone: _dropped, ...copy } = person;
      out.push({ ...copy, first_name: `${first.slice(0, -1)}${first.at(-1) === 'a' ? 'e' : 'a'}` });
    }
  }
  return out.slice(0, n);
}

describe('buildFeatures', () => {
  const inputs = people(3000);
  const builder = personFeatureBuilder('US');

  it('builds on two threads what one thread builds, in input order', async () => {
    const one = await buildFeatures(inputs, builder, { workers: 1 });
    const two = await buildFeatures(inputs, builder, { workers: 2, minPerThread: 500, batch: 700 });
    const three = await buildFeatures(inputs, builder, { workers: 3, minPerThread: 500, batch: 256 });
    expect(two).toStrictEqual(one);
    expect(three).toStrictEqual(one);
    expect(one[0]!['first_name']).toBe(inputs[0]!.first_name);
  });

  it('gives the same pairs and clusters when the features come from two threads', async () => {
    const options = { comparisons: personComparisons(), blockingRules: PERSON_BLOCKING_RULES, deterministicRules: PERSON_DETERMINISTIC_RULES, guards: PERSON_GUARDS, seed: 3 };
    const records = (features: Record<string, unknown>[]) => features.map((f, i) => ({ id: `r${i}`, features: f }));
    const one = dedupeRecords(records(await buildFeatures(inputs, builder, { workers: 1 })), options);
    const two = dedupeRecords(records(await buildFeatures(inputs, builder, { workers: 2, minPerThread: 500 })), options);
    expect(one.matches.count).toBeGreaterThan(100);
    expect(two.candidatePairs).toBe(one.candidatePairs);
    expect(two.parameters).toStrictEqual(one.parameters);
    expect(two.matches).toStrictEqual(one.matches);
    expect(two.clusters.clusterIds).toEqual(one.clusters.clusterIds);
  });

  it.each([1, 2])('with consume, empties the caller\'s inputs and builds the same (%i threads)', async (workers) => {
    const copy: unknown[] = [...inputs];
    const features = await buildFeatures(copy, builder, { workers, minPerThread: 500, batch: 400, consume: true });
    expect(features).toStrictEqual(await buildFeatures(inputs, builder));
    expect(copy).toHaveLength(inputs.length);
    expect(copy.every((x) => x === undefined)).toBe(true);
  });

  it('stays on this thread below minPerThread per thread', async () => {
    const small = inputs.slice(0, 10);
    expect(await buildFeatures(small, builder, { workers: 2 })).toStrictEqual(await buildFeatures(small, builder));
  });

  it.each([
    ['an unknown export', { ...builder, name: 'noSuchBuilder' }, 'FEATURE_BUILDER_NOT_FOUND'],
    ['a builder that throws in the worker', { module: `data:text/javascript,${encodeURIComponent('export const f = (x) => { if (x.n >= 2000) throw Object.assign(new Error("bad row " + x.n), { code: "ROW_BAD", kind: "data" }); return { n: x.n }; };')}`, name: 'f' }, 'ROW_BAD'],
  ])('rejects %s', async (_, ref, code) => {
    const rows = inputs.map((_, n) => ({ n }));
    await expect(buildFeatures(rows, ref, { workers: 2, minPerThread: 500 })).rejects.toMatchObject({ code });
  });

  it('rejects a worker count that is not a whole number ≥ 1', async () => {
    await expect(buildFeatures(inputs, builder, { workers: 0 })).rejects.toMatchObject({ code: 'WORKERS_INVALID' });
  });
});
