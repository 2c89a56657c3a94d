/**
 * The `concord` command: a router over one module per command (`commands/*.ts`). Errors print one line —
 * what, where, how to fix — and a stack trace only with `--debug`. Exit codes: see `exit-codes.ts`.
 */
import { Command, CommanderError } from 'commander';
import { createRequire } from 'node:module';
import type { ConcordError} from '../core/errors.js';
import { isConcordError, toConcordError } from '../core/errors.js';
import { EXIT } from './exit-codes.js';
import { processOutput, type Output } from './output.js';
import type { CommandContext } from './context.js';
import { COMMANDS } from './commands/index.js';

const require = createRequire(import.meta.url);
const { version } = require('../../package.json') as { version: string };

export interface MainOptions {
  output?: Output;
  env?: NodeJS.ProcessEnv;
}

/** Builds the program; exposed so tests and docs can walk the command tree. */
export function buildProgram(ctx: CommandContext, setExit: (code: number) => void): Command {
  const program = new Command('concord')
    .description('Customer data between Salesforce, Dynamics 365 / Dataverse, Marketing Cloud and files, through the Cloud Information Model.')
    .version(version, '-V, --version', 'print the version')
    .option('--debug', 'print stack traces and internal details')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => ctx.output.out(s.trimEnd()), writeErr: (s) => ctx.output.err(s.trimEnd()) })
    .exitOverride();
  for (const register of COMMANDS) register(program, ctx, setExit);
  return program;
}

/** Runs the CLI and returns the exit code (never calls process.exit, so output flushes). */
export async function main(argv: readonly string[], options: MainOptions = {}): Promise<number> {
  const output = options.output ?? processOutput;
  const debug = argv.includes('--debug');
  const ctx: CommandContext = { output, env: options.env ?? process.env, debug };
  let exitCode: number = EXIT.ok;
  const program = buildProgram(ctx, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    const concordError = isConcordError(error) ? error : toConcordError(error);
    output.err(`error: ${concordError.toLine()}`);
    if (debug && error instanceof Error && error.stack) output.err(error.stack);
    else if (concordError.kind === 'bug') output.err('(run again with --debug for details)');
    return exitCodeFor(concordError);
  }
}

function exitCodeFor(error: ConcordError): number {
  return error.kind === 'config' || error.kind === 'usage' ? EXIT.usage : EXIT.failure;
}
