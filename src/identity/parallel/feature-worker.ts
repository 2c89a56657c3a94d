/**
 * Worker thread of `buildFeatures`: loads the builder named in `workerData`, builds the features of its share of
 * the inputs, and posts them back in encoded batches (`feature-codec`), then `{ done: true }`. An error is posted
 * as `{ error }` with its message and code.
 *
 * @example
 * new Worker(new URL('./feature-worker.js', import.meta.url), { workerData: { builder, inputs, batch: 10_000 } });
 */
import { parentPort, workerData } from 'node:worker_threads';
import { encodeFeatures } from './feature-codec.js';
import { loadBuilder, type FeatureBuilderRef } from './load-builder.js';

interface Job {
  readonly builder: FeatureBuilderRef;
  readonly inputs: readonly unknown[];
  readonly batch: number;
}

const port = parentPort;
if (port) {
  const job = workerData as Job;
  try {
    const build = await loadBuilder(job.builder);
    for (let start = 0; start < job.inputs.length; start += job.batch) {
      const slice = job.inputs.slice(start, start + job.batch).map((input) => build(input));
      port.postMessage({ start, encoded: encodeFeatures(slice) });
    }
    port.postMessage({ done: true });
  } catch (error) {
    const e = error as { message?: unknown; code?: unknown; kind?: unknown };
    port.postMessage({ error: { message: String(e.message ?? error), code: typeof e.code === 'string' ? e.code : undefined, kind: typeof e.kind === 'string' ? e.kind : undefined } });
  }
}
