import type { Command } from 'commander';
import type { CommandContext } from '../context.js';

/** A command module adds itself to the program; `setExit` records a non-zero exit code without throwing. */
export type RegisterCommand = (program: Command, ctx: CommandContext, setExit: (code: number) => void) => void;
