/** What every command receives: where to print, the global flags, and the environment. */
import type { Output } from './output.js';

export interface CommandContext {
  output: Output;
  env: NodeJS.ProcessEnv;
  debug: boolean;
}
