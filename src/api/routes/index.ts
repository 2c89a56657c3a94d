/**
 * Every route module of the HTTP API, in registration order. `buildApp` registers each one after the shared
 * hooks (auth, errors, OpenAPI), so a module only declares its routes and their schemas.
 *
 * @example
 * for (const register of routeModules) await register(app, ctx);
 */
import type { RegisterRoutes } from '../context.js';

export const routeModules: RegisterRoutes[] = [
];
