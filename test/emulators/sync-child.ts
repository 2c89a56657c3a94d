/**
 * A `concord sync` of one live system in a child process, for the SIGKILL tests: the emulator runs in the parent,
 * this process plans from a concord.yaml-shaped config and runs the real pipeline into a SQLite store, then prints
 * the report's status as one JSON line.
 * Inputs by environment: SYSTEM_NAME, SYSTEM_CONFIG (the system's settings as JSON, streams included), STORE_PATH,
 * and the secrets the config names.
 *
 * @example
 * spawn(process.execPath, ['--import', 'tsx', 'test/emulators/sync-child.ts'], { env })
 */
import { configSchema } from '../../src/config/schema.js';
import { planSync } from '../../src/pipeline/plan.js';
import { runSync } from '../../src/pipeline/run-sync.js';
import { modelValidator, realPlanDeps } from '../../src/pipeline/wiring.js';
import { openStore } from '../../src/store/open.js';

const env = process.env;
const name = env['SYSTEM_NAME'] ?? 'crm';
const config = configSchema.parse({ systems: { [name]: JSON.parse(env['SYSTEM_CONFIG'] ?? '{}') as unknown } });
const store = await openStore(`sqlite:${env['STORE_PATH']}`);
const plan = await planSync({ config, file: undefined, baseDir: '.' }, { full: false }, realPlanDeps(config, env));
const report = await runSync(store, plan.plans, plan.skipped, { pageSize: 200, validate: modelValidator('practical'), request: { command: 'sync' } });
await store.close();
process.stdout.write(`${JSON.stringify({ status: report.status, balanced: report.balanced, totals: report.totals })}\n`);
