/**
 * A `concord sync` of one Salesforce system in a child process, for the SIGKILL test: the emulator runs in the
 * parent, this process plans from a concord.yaml-shaped config and runs the real pipeline into a SQLite store.
 * Inputs by environment: SF_EMULATOR_URL, SF_ORG_ID, SF_TEST_CLIENT_ID, SF_TEST_CLIENT_SECRET, STORE_PATH.
 *
 * @example
 * spawn(process.execPath, ['--import', 'tsx', 'test/emulators/salesforce/sync-child.ts'], { env })
 */
import { configSchema } from '../../../src/config/schema.js';
import { planSync } from '../../../src/pipeline/plan.js';
import { runSync } from '../../../src/pipeline/run-sync.js';
import { modelValidator, realPlanDeps } from '../../../src/pipeline/wiring.js';
import { openStore } from '../../../src/store/open.js';
import { ENV_NAMES } from './harness.js';

const env = process.env;
const config = configSchema.parse({
  systems: {
    crm: {
      type: 'salesforce',
      loginUrl: env['SF_EMULATOR_URL'],
      orgId: env['SF_ORG_ID'],
      apiVersion: '62.0',
      auth: { flow: 'client-credentials', clientIdEnv: ENV_NAMES.clientId, clientSecretEnv: ENV_NAMES.clientSecret },
      retryBaseSeconds: 0.01,
      streams: ['Contact', 'Lead'],
    },
  },
});
const store = await openStore(`sqlite:${env['STORE_PATH']}`);
const plan = await planSync({ config, file: undefined, baseDir: '.' }, { full: false }, realPlanDeps(config, env));
const report = await runSync(store, plan.plans, plan.skipped, { pageSize: 200, validate: modelValidator('practical'), request: { command: 'sync' } });
await store.close();
process.stdout.write(`${JSON.stringify({ status: report.status, balanced: report.balanced, totals: report.totals })}\n`);
