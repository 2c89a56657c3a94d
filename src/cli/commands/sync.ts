/** `concord sync`: extract → map → validate → load for the configured systems. */
import { loadConfig } from '../../config/load.js';
import { executeSync } from '../execute-sync.js';
import type { RegisterCommand } from './types.js';

export const registerSync: RegisterCommand = (program, ctx, setExit) => {
  program
    .command('sync')
    .description('read the configured systems, map to CIM, validate and load into the store (page by page, resumable)')
    .option('-c, --config <file>', 'config file (default: concord.yaml)')
    .option('-s, --stream <stream...>', 'only these streams: Contact or salesforce/Contact (repeatable)')
    .option('--full', 'ignore saved cursors and read everything (rows missing from a complete read become tombstones)')
    .option('--json', 'print the run report as JSON')
    .option('--no-progress', 'do not draw progress bars')
    .addHelpText(
      'after',
      '\nExit codes: 0 ok, 1 a stream failed (rerun to resume), 2 usage or config error, 3 finished with dead-lettered records.\nDead letters: concord runs show <run>',
    )
    .action(async (opts: { config?: string; stream?: string[]; full?: boolean; json?: boolean; progress: boolean }) => {
      const loaded = loadConfig(opts.config, ctx.env);
      const { exitCode } = await executeSync(loaded, { streams: opts.stream, full: opts.full === true, json: opts.json === true, progress: opts.progress }, ctx);
      setExit(exitCode);
    });
};
