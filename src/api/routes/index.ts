/**
 * Every route module of the HTTP API, in registration order. `buildApp` registers each one after the shared
 * hooks (auth, errors, OpenAPI), so a module only declares its routes and their schemas.
 *
 * @example
 * for (const register of routeModules) await register(app, ctx);
 */
import type { RegisterRoutes } from '../context.js';
import { registerHealthRoutes } from './health.js';
import { registerStatsRoutes } from './stats.js';
import { registerRunRoutes } from './runs.js';
import { registerSystemRoutes } from './systems.js';
import { registerMappingRoutes } from './mappings.js';
import { registerProfileRoutes } from './profiles.js';
import { registerRecordRoutes } from './records.js';
import { registerExplainRoutes } from './explain.js';
import { registerMatchRoutes } from './match.js';
import { registerDecisionRoutes } from './decisions.js';

export const routeModules: RegisterRoutes[] = [
  registerHealthRoutes,
  registerStatsRoutes,
  registerRunRoutes,
  registerSystemRoutes,
  registerMappingRoutes,
  registerProfileRoutes,
  registerRecordRoutes,
  registerExplainRoutes,
  registerMatchRoutes,
  registerDecisionRoutes,
];
