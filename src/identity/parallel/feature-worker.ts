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
    const inputs = job.inputs as unknown[];
    for (let start = 0; start < inputs.length; start += job.batch) {
      const end = Math.min(inputs.length, start + job.batch);
      const slice: Record<string, unknown>[] = [];
      for (let i = start; i < end; i++) {
        slice.push(build(inputs[i]));
        // This thread's copy of the input is not needed again: let it go as the work proceeds.
        inputs[i] = undefined;
      }
      port.postMessage({ start, encoded: encodeFeatures(slice) });
    }
    port.postMessage({ done: true });
  } catch (error) {
    const e = error as { message?: unknown; code?: unknown; kind?: unknown };
    port.postMessage({ error: { message: String(e.message ?? error), code: typeof e.code === 'string' ? e.code : undefined, kind: typeof e.kind === 'string' ? e.kind : undefined } });
  }
}
