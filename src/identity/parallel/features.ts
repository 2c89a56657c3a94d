/**
 * Feature building on several threads. Normalizing a million people (names, phonetic codes, phones through
 * libphonenumber) is the largest single cost of a million-record run and each record is independent, so the
 * inputs are cut into contiguous shares: this thread builds the first, one worker thread each of the others,
 * and the workers' features come back in encoded batches (`feature-codec`) into their input positions. The
 * result equals the single-threaded one, value for value and in order.
 *
 * Why not compare candidate pairs in workers too: a worker would need every record's features (any record can
 * pair with any other), a second copy of ~1.4 KB a person — 1.4 GB more at a million, over the 3 GB budget.
 *
 * @example
 * const features = await buildFeatures(rows, personFeatureBuilder('US'), { workers: 2 });
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ConcordError, type ErrorKind } from '../../core/errors.js';
import { decodeFeatures, type EncodedFeatures } from './feature-codec.js';
import { loadBuilder, type FeatureBuilderRef } from './load-builder.js';

export type { FeatureBuilderRef } from './load-builder.js';

export interface BuildFeaturesOptions {
  /** Threads that build, this one included (default 1: no worker). */
  readonly workers?: number;
  /**
   * Fewest inputs per thread (default 25,000): below it fewer threads are used — starting a worker and loading
   * the normalizers costs a few tenths of a second, more than building a few thousand records.
   */
  readonly minPerThread?: number;
  /** Records per message from a worker (default 10,000). */
  readonly batch?: number;
  /**
   * Empty the caller's `inputs` as the work proceeds (each entry set to undefined once built or handed to a
   * worker), so a million inputs are not held beside their features until the end. Default false.
   */
  readonly consume?: boolean;
}

/** Source files run under tsx (tests, benches); the built package runs the compiled `.js`. */
const SOURCE = import.meta.url.endsWith('.ts');
const EXT = SOURCE ? '.ts' : '.js';


/**
 * The person feature builder of the CSV jobs (`personFeatures(attributes, region)`), loadable by a worker.
 *
 * @example
 * await buildFeatures([{ first_name: 'Ada', last_name: 'King' }], personFeatureBuilder('GB'));
 */
export function personFeatureBuilder(region = 'US'): FeatureBuilderRef {
  return { module: new URL(`../csv/person-features${EXT}`, import.meta.url).href, name: 'personFeatures', args: [region] };
}

/**
 * The organisation feature builder of the CSV jobs (`organizationFeatures(attributes, region)`), loadable by a worker.
 *
 * @example
 * await buildFeatures([{ company: 'Acme Ltd', city: 'Leeds' }], organizationFeatureBuilder('GB'), { workers: 2 });
 */
export function organizationFeatureBuilder(region?: string): FeatureBuilderRef {
  return { module: new URL(`../csv/organization-features${EXT}`, import.meta.url).href, name: 'organizationFeatures', args: region === undefined ? [] : [region] };
}

/**
 * Threads to build features on by default: two where there are two cores or more. Small inputs stay on one
 * thread anyway (`minPerThread`).
 *
 * @example
 * defaultWorkers(); // 2 on a two-core machine
 */
export function defaultWorkers(): number {
  return Math.min(2, availableParallelism());
}

/**
 * Features of every input, in input order, built on up to `workers` threads.
 *
 * @example
 * const features = await buildFeatures(attributes, personFeatureBuilder('US'), { workers: 2 });
 * const records = features.map((f, i) => ({ id: ids[i]!, features: f }));
 */
export async function buildFeatures(inputs: readonly unknown[], builder: FeatureBuilderRef, options: BuildFeaturesOptions = {}): Promise<Record<string, unknown>[]> {
  const workers = options.workers ?? 1;
  if (!(Number.isInteger(workers) && workers >= 1)) throw new ConcordError('WORKERS_INVALID', `workers must be a whole number ≥ 1, got ${workers}`, { kind: 'usage' });
  const build = await loadBuilder(builder);
  const threads = Math.max(1, Math.min(workers, Math.floor(inputs.length / (options.minPerThread ?? 25_000))));
  const release = (from: number, to: number): void => {
    if (options.consume) (inputs as unknown[]).fill(undefined, from, to);
  };
  const out = new Array<Record<string, unknown>>(inputs.length);
  const share = threads === 1 ? inputs.length : Math.ceil(inputs.length / threads);
  const jobs: Promise<void>[] = [];
  for (let t = 1; t < threads; t++) {
    const from = t * share;
    const to = Math.min(inputs.length, from + share);
    // The worker gets a copy (structured clone, at once): the caller's entries can go now.
    jobs.push(inWorker(builder, inputs.slice(from, to), options.batch ?? 10_000, (start, features) => {
      for (let i = 0; i < features.length; i++) out[from + start + i] = features[i]!;
    }));
    release(from, to);
  }
  // Errors of a worker are awaited below, after this thread's share: mark them handled now.
  for (const job of jobs) job.catch(() => undefined);
  // This thread's share in slices, yielding between them: a worker's batches are decoded as they arrive rather
  // than queueing (encoded) until the end — at a million records the queue alone held ~350 MB.
  const batch = options.batch ?? 10_000;
  for (let start = 0; start < share; start += batch) {
    const end = Math.min(share, start + batch);
    for (let i = start; i < end; i++) out[i] = build(inputs[i]);
    release(start, end);
    if (threads > 1) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  await Promise.all(jobs);
  return out;
}

/** URL of tsx's ESM loader API, from its package's exports (only where the sources run, a development install). */
function tsxApi(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('tsx/package.json');
  const exports = (JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> }).exports;
  return pathToFileURL(join(dirname(manifest), exports['./esm/api']!.import.default)).href;
}

type WorkerMessage = { start: number; encoded: EncodedFeatures } | { done: true } | { error: { message: string; code?: string; kind?: ErrorKind } };

function inWorker(builder: FeatureBuilderRef, inputs: readonly unknown[], batch: number, onBatch: (start: number, features: Record<string, unknown>[]) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const entry = new URL(`./feature-worker${EXT}`, import.meta.url);
    // From source (tsx, vitest) the worker registers tsx's loader before it loads its TypeScript entry.
    const worker = SOURCE
      ? new Worker(`import(${JSON.stringify(tsxApi())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`, { eval: true, workerData: { builder, inputs, batch } })
      : new Worker(entry, { workerData: { builder, inputs, batch } });
    let done = false;
    const fail = (error: ConcordError): void => {
      done = true;
      reject(error);
      void worker.terminate();
    };
    worker.on('message', (message: WorkerMessage) => {
      if (done) return;
      if ('error' in message) {
        // The builder's own error, as this thread would have thrown it (its code and kind, the message kept).
        fail(new ConcordError(message.error.code ?? 'FEATURE_WORKER_FAILED', message.error.message, { kind: message.error.kind ?? 'bug', context: { module: builder.module, name: builder.name } }));
      } else if ('done' in message) {
        done = true;
        resolve();
      } else {
        onBatch(message.start, decodeFeatures(message.encoded));
      }
    });
    worker.on('error', (error) => {
      if (!done) fail(new ConcordError('FEATURE_WORKER_FAILED', `feature worker: ${error.message}`, { kind: 'bug', context: { module: builder.module, name: builder.name } }));
    });
    worker.on('exit', (code) => {
      if (!done) fail(new ConcordError('FEATURE_WORKER_FAILED', `feature worker exited with code ${code} before it finished`, { kind: 'bug' }));
    });
  });
}
