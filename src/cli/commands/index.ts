/** Every command module, in the order `concord --help` lists them. */
import type { RegisterCommand } from './types.js';
import { registerInit } from './init.js';
import { registerConfig } from './config-check.js';
import { registerModel } from './model.js';
import { registerRuns } from './runs.js';
import { registerSync } from './sync.js';
import { registerCheck } from './check.js';
import { registerDemo } from './demo.js';
import { registerMapping } from './mapping.js';
import { registerDedupe } from './dedupe.js';
import { registerResolve } from './resolve.js';
import { registerServe } from './serve.js';
import { registerToken } from './token.js';

export const COMMANDS: readonly RegisterCommand[] = [registerDemo, registerInit, registerConfig, registerCheck, registerSync, registerRuns, registerModel, registerMapping, registerDedupe, registerResolve, registerServe, registerToken];
