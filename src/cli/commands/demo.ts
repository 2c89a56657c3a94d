/**
 * `concord demo`: generates realistic, overlapping data for Salesforce, Dataverse and Marketing Cloud (with the
 * ground truth beside it), then runs the whole pipeline on an embedded SQLite store and prints what happened.
 */
import { join } from 'node:path';
import { ConcordError } from '../../core/errors.js';
import { loadConfig } from '../../config/load.js';
import { generateDemo, MAX_DEMO_PEOPLE, writeDemo, type DemoFiles } from '../../demo/index.js';
import { executeSync } from '../execute-sync.js';
import { startLiveDemo } from '../../emulators/live-demo.js';
import { profileAccuracy } from '../../identity/resolve.js';
import { readGroundTruth } from '../../identity/store/truth.js';
import { openConfigStore } from '../open-config-store.js';
import { printResolveSummary } from './resolve.js';
import { formatTable } from '../output.js';
import { serveDemo } from '../../api/demo-serve.js';
import type { RegisterCommand } from './types.js';

function positiveInt(name: string, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > max) {
      throw new ConcordError('DEMO_BAD_OPTION', `--${name} must be a whole number from 1 to ${max.toLocaleString('en-US')}, not "${value}"`, { kind: 'usage' });
    }
    return n;
  };
}

function portNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65_535) throw new ConcordError('DEMO_BAD_OPTION', `--port must be a whole number from 0 to 65535, not "${value}"`, { kind: 'usage' });
  return n;
}

/** Generates and writes the demo; the world is not kept, so the sync that follows has its memory back. */
async function generateFiles(people: number, seed: number, dir: string): Promise<DemoFiles> {
  return writeDemo(generateDemo({ people, seed }), dir);
}

export const registerDemo: RegisterCommand = (program, ctx, setExit) => {
  program
    .command('demo')
    .description('generate overlapping sample data for three systems and run Concord on it end to end')
    .option('-p, --people <n>', 'people in the generated world', positiveInt('people', MAX_DEMO_PEOPLE), 1000)
    .option('--seed <n>', 'random seed (same seed, same files)', positiveInt('seed', 2 ** 31 - 1), 42)
    .option('-d, --dir <dir>', 'where to write the data, its concord.yaml and the store', 'concord-demo')
    .option('--live', 'read Salesforce and Dataverse through the live connectors from local emulators of their APIs (Marketing Cloud stays a file export)')
    .option('--no-serve', 'do not start the web UI afterwards')
    .option('--port <port>', 'port of the web UI (default: serve.port, 4321; the next free one when taken; 0 picks any)', (v) => portNumber(v))
    .option('--json', 'print the run report as JSON')
    .action(async (opts: { people: number; seed: number; dir: string; live?: boolean; serve: boolean; port?: number; json?: boolean }) => {
      const started = performance.now();
      const files = await generateFiles(opts.people, opts.seed, opts.dir);
      const s = files.summary;
      if (!opts.json) {
        ctx.output.out(`generated ${s.people.toLocaleString('en-US')} people and ${s.companies.toLocaleString('en-US')} companies (seed ${s.seed}) in ${files.dir}`);
        ctx.output.out(
          formatTable(
            ['system', 'stream', 'records'],
            Object.entries(s.records).flatMap(([system, streams]) => Object.entries(streams).map(([stream, n]) => [system, stream, n])),
          ),
        );
        ctx.output.out(
          `people in 1 system: ${s.overlap.oneSystem}, in 2: ${s.overlap.twoSystems}, in all 3: ${s.overlap.threeSystems}; ground truth: ${files.groundTruth.path}\n`,
        );
      }
      // --live: the same world served by the emulators, read through the live connectors (credentials in env vars).
      const live = opts.live === true ? await startLiveDemo({ people: opts.people, seed: opts.seed, configPath: files.config }) : undefined;
      const runCtx = live ? { ...ctx, env: { ...ctx.env, ...live.env } } : ctx;
      if (live && !opts.json) ctx.output.out(`live: Salesforce emulator at ${live.salesforce.url}, Dataverse emulator at ${live.dataverse.url}\n`);
      const loaded = loadConfig(files.config, runCtx.env);
      // The sync resolves the people it loads into profiles; here they are measured against the ground truth.
      const { report, exitCode, identity } = await executeSync(loaded, { full: false, json: opts.json === true, progress: true }, runCtx).finally(() => live?.close());
      const store = await openConfigStore(loaded);
      try {
        await store.migrate();
        const truth = readGroundTruth(files.groundTruth.path);
        const accuracy = await profileAccuracy(store, truth);
        if (!opts.json) {
          ctx.output.out('');
          // The ground truth names the companies too: the organisations' column is measured as well.
          const organizations = identity?.organizations && { ...identity.organizations, accuracy: await profileAccuracy(store, truth, 'organization') };
          if (identity) printResolveSummary(ctx.output, { ...identity, accuracy, ...(organizations && { organizations }) });
          else ctx.output.out(`profiles unchanged; against the ground truth: precision ${accuracy.precision.toFixed(3)}, recall ${accuracy.recall.toFixed(3)}, F1 (pairs) ${accuracy.f1.toFixed(3)}`);
        }
      } finally {
        await store.close();
      }
      if (!opts.json) {
        ctx.output.out(`\ndemo finished in ${((performance.now() - started) / 1000).toFixed(1)}s. Try next:`);
        // Every hint names the config: `npx` finds this package from the project, not from a demo dir elsewhere.
        ctx.output.out(`  npx concord sync --config ${join(files.dir, 'concord.yaml')}   # a second sync finds everything unchanged`);
        ctx.output.out(`  npx concord runs show ${report.runId} --config ${join(files.dir, 'concord.yaml')}`);
        ctx.output.out(`  npx concord profiles list --config ${join(files.dir, 'concord.yaml')}   # unified profiles; then profiles show <id>`);
        ctx.output.out(`  npx concord profiles list --kind organization --config ${join(files.dir, 'concord.yaml')}   # the companies`);
      }
      setExit(exitCode);
      // Last: the web UI on the demo's store, signed in by the URL, until Ctrl-C.
      if (opts.serve) await serveDemo(loaded, { env: ctx.env, output: ctx.output, port: opts.port });
    });
};
