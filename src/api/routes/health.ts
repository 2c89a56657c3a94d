/**
 * `GET /api/health`: is the server up, which version, which store. Needs no token (load balancers and the
 * sign-in page ask it).
 *
 * @example
 * GET /api/health → { "status": "ok", "version": "0.1.0", "store": "sqlite" }
 */
import { createRequire } from 'node:module';
import type { RegisterRoutes } from '../context.js';

const require = createRequire(import.meta.url);
const { version } = require('../../../package.json') as { version: string };

export const registerHealthRoutes: RegisterRoutes = async (app, ctx) => {
  app.get('/api/health', {
    schema: {
      tags: ['health'],
      summary: 'Server health',
      description: 'Answers without a token.',
      security: [],
      response: {
        200: {
          type: 'object',
          required: ['status', 'version', 'store'],
          properties: { status: { type: 'string', enum: ['ok'] }, version: { type: 'string' }, store: { type: 'string', enum: ['sqlite', 'postgres'] } },
        },
      },
    },
  }, async () => ({ status: 'ok' as const, version, store: ctx.store.dialect }));
};
