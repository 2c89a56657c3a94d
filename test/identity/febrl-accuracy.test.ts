/**
 * Accuracy floors on the public FEBRL files (../shared/datasets/febrl), unsupervised, with the CSV job's
 * person defaults. Floors sit below the measured figures (bench/RESULTS.md) with margin; no timings asserted.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bcubed, pairwiseScores } from '../../src/identity/cluster/evaluate.js';
import { runDedupeCsv, runLinkCsv } from '../../src/identity/csv/job.js';

const FEBRL = join(import.meta.dirname, '..', '..', '..', 'shared', 'datasets', 'febrl');
const present = existsSync(join(FEBRL, 'dataset1.csv'));
if (!present) console.log(`skipping FEBRL accuracy: ${FEBRL} is absent (the shared data sets are not mounted)`);
const truthOf = (id: string): string => id.split('-')[1]!;

describe.skipIf(!present)('FEBRL accuracy', () => {
  it('FEBRL 1 dedupe: pairwise F1 ≥ 0.97 and B-cubed F1 ≥ 0.97 (measured 0.999)', async () => {
    const { result } = await runDedupeCsv({ file: join(FEBRL, 'dataset1.csv'), idColumn: 'rec_id', region: 'AU' });
    const truth = result.matchedRecords.map((r) => truthOf(r.id));
    expect(result.records).toBe(1000);
    expect(pairwiseScores(result.matches, truth).f1).toBeGreaterThanOrEqual(0.97);
    expect(bcubed(result.clusters.clusterOf, truth).f1).toBeGreaterThanOrEqual(0.97);
  });

  it('FEBRL 4a × 4b one-to-one link: F1 ≥ 0.98 (measured 0.999)', async () => {
    const { result } = await runLinkCsv({ left: join(FEBRL, 'dataset4a.csv'), right: join(FEBRL, 'dataset4b.csv'), idColumn: 'rec_id', region: 'AU', oneToOne: true });
    const left = result.matchedRecords.slice(0, 5000);
    const right = result.matchedRecords.slice(5000);
    let correct = 0;
    for (let k = 0; k < result.links.count; k++) if (truthOf(left[result.links.left[k]!]!.id) === truthOf(right[result.links.right[k]!]!.id)) correct++;
    const precision = correct / result.links.count;
    const recall = correct / 5000;
    expect((2 * precision * recall) / (precision + recall)).toBeGreaterThanOrEqual(0.98);
  });
});
