/**
 * The HTTP app of `concord serve`: one Fastify instance with the hooks every route shares — bearer-token
 * auth, errors as problem+json, security headers, optional CORS, the OpenAPI document and its docs page —
 * then the route modules of `routes/index.ts`, then the built web UI (a single-page app) at `/`.
 *
 * Built without listening, so tests drive it with `app.inject`.
 *
 * @example
 * const app = await buildApp(ctx, { corsOrigins: ['https://crm.example.com'] });
 * const res = await app.inject({ url: '/api/health' }); // 200 { status: 'ok', … }
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { isConcordError } from '../core/errors.js';
import { createAuthenticator, isPublicPath, type AuthOptions } from './auth.js';
import type { ApiContext, RegisterRoutes } from './context.js';
import { problem, problemOf, PROBLEM_CONTENT_TYPE, type Problem } from './problem.js';
import { routeModules } from './routes/index.js';
import { SHARED_SCHEMAS } from './schemas.js';

const require = createRequire(import.meta.url);
const { version } = require('../../package.json') as { version: string };

/** Where `npm run build` puts the web UI; the same relative path from `src/api` (tsx) and `dist/api`. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));
/** Default bound of a request body. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export interface BuildAppOptions {
  /** A pino logger (or `false`, the default, for none). */
  logger?: FastifyBaseLogger | false | undefined;
  /** Origins allowed by CORS; CORS stays off when empty or absent. */
  corsOrigins?: readonly string[] | undefined;
  /** Largest request body in bytes (default 1 MiB); larger ones answer 413. */
  bodyLimit?: number | undefined;
  /** Folder of the built web UI (default `dist/web/` of the package). */
  webRoot?: string | undefined;
  /** Route modules (default: every module of `routes/index.ts`). */
  routes?: readonly RegisterRoutes[] | undefined;
  auth?: AuthOptions | undefined;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Name of the API token the request authenticated with. */
    apiTokenName: string | undefined;
  }
}

/** A CSP for the built UI and the docs page: scripts and styles from this origin only, no inline scripts. */
const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply.code(body.status).type(PROBLEM_CONTENT_TYPE).serializer(JSON.stringify).send(body);
}

/** The path of a request without its query string. */
export function pathOf(request: FastifyRequest): string {
  const q = request.url.indexOf('?');
  return q < 0 ? request.url : request.url.slice(0, q);
}

/** The field a Fastify validation error is about: `query.limit`, `body.recordIds`. */
function validationField(error: FastifyError): string {
  const first = error.validation?.[0];
  const context = error.validationContext === 'querystring' ? 'query' : (error.validationContext ?? 'request');
  if (!first) return context;
  const params = first.params as { missingProperty?: unknown; additionalProperty?: unknown } | undefined;
  const named = params?.missingProperty ?? params?.additionalProperty;
  const path = first.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const name = [path, typeof named === 'string' ? named : ''].filter(Boolean).join('.');
  return name ? `${context}.${name}` : context;
}

function errorProblem(error: FastifyError | Error, request: FastifyRequest): Problem {
  const instance = pathOf(request);
  if (isConcordError(error)) return problemOf(error, instance, error.kind === 'config' && error.code !== 'BAD_REQUEST');
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    const field = validationField(fastifyError);
    const message = fastifyError.validation[0]?.message ?? 'is not valid';
    return problem(400, 'BAD_REQUEST', `${field} ${message}`, instance, 'see the route in /api/docs for the accepted parameters');
  }
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem(413, 'PAYLOAD_TOO_LARGE', 'the request body is larger than the server accepts', instance, 'send a smaller body');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problem(415, 'UNSUPPORTED_MEDIA_TYPE', 'send the body as application/json', instance);
    default:
      break;
  }
  const status = fastifyError.statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    return problem(status, 'BAD_REQUEST', fastifyError.message, instance);
  }
  return problem(500, 'INTERNAL', 'the server failed to answer; the error is in its log', instance);
}

/** Builds the app (not listening). */
export async function buildApp(ctx: ApiContext, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // One line per request, written by the onResponse hook below.
    logController: new LogController({ disableRequestLogging: true }),
    // Validation errors become problems in the error handler, one per request.
    // Strict input: no silent coercion of a string into an array, no silent dropping of unknown fields.
    ajv: { customOptions: { allErrors: false, coerceTypes: true, removeAdditional: false } },
  }) as unknown as FastifyInstance;

  app.decorateRequest('apiTokenName', undefined);
  for (const schema of SHARED_SCHEMAS) app.addSchema(schema);

  await app.register(helmet, { contentSecurityPolicy: CONTENT_SECURITY_POLICY, crossOriginEmbedderPolicy: false });
  if (options.corsOrigins && options.corsOrigins.length > 0) {
    await app.register(cors, {
      origin: [...options.corsOrigins],
      methods: ['GET', 'POST'],
      allowedHeaders: ['Authorization', 'Content-Type'],
      maxAge: 600,
    });
  }

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Concord API',
        version,
        description: 'Unified customer profiles, identity decisions, sync runs, systems and mappings. Every route but health and the documentation needs `Authorization: Bearer <token>` (create one with `concord token create --name <name>`).',
      },
      tags: [
        { name: 'health', description: 'Is the server up' },
        { name: 'dashboard', description: 'Counts for the dashboard' },
        { name: 'runs', description: 'Sync runs: history, detail, trigger' },
        { name: 'systems', description: 'Configured systems and their streams' },
        { name: 'mappings', description: 'Source ⇄ CIM mappings as tables' },
        { name: 'profiles', description: 'Unified profiles: search, 360 view, merge and split' },
        { name: 'records', description: 'CIM and source records' },
        { name: 'identity', description: 'Match explanations and manual decisions' },
      ],
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An API token from `concord token create`.' } } },
      security: [{ bearer: [] }],
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json['$id'] === 'string' ? json['$id'] : `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { persistAuthorization: false }, staticCSP: false });
  // Swagger UI injects one <style> element; the docs page (no data, no inline scripts) may have inline styles.
  app.addHook('onSend', async (request, reply, payload) => {
    if (pathOf(request).startsWith('/api/docs')) {
      const csp = reply.getHeader('content-security-policy');
      if (typeof csp === 'string') reply.header('content-security-policy', csp.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"));
    }
    return payload;
  });

  const authenticate = createAuthenticator(ctx.store, options.auth);
  app.addHook('onRequest', async (request, reply) => {
    const path = pathOf(request);
    if (!path.startsWith('/api/') && path !== '/api') return;
    if (isPublicPath(request.method, path)) return;
    const outcome = await authenticate(request.headers.authorization);
    if (!outcome.ok) {
      reply.header('WWW-Authenticate', outcome.challenge);
      return sendProblem(reply, problem(401, outcome.code, outcome.detail, path, 'create a token with `concord token create --name <name>` and send it as `Authorization: Bearer <token>`'));
    }
    request.apiTokenName = outcome.name;
    return undefined;
  });

  app.addHook('onResponse', async (request, reply) => {
    request.log.info({ method: request.method, path: pathOf(request), status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10, tokenName: request.apiTokenName }, 'request');
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const body = errorProblem(error, request);
    if (body.status >= 500) request.log.error({ err: error, path: pathOf(request) }, 'request failed');
    return sendProblem(reply, body);
  });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  for (const register of options.routes ?? routeModules) await register(app, ctx);

  const webRoot = options.webRoot ?? DEFAULT_WEB_ROOT;
  const hasUi = existsSync(join(webRoot, 'index.html'));
  if (hasUi) {
    await app.register(fastifyStatic, {
      root: webRoot,
      prefix: '/',
      wildcard: true,
      index: ['index.html'],
      // Hashed asset names change with their content; index.html must be fetched again to find them.
      setHeaders: (res, path) => {
        res.setHeader('Cache-Control', path.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable');
      },
    });
  }

  app.setNotFoundHandler(async (request, reply) => {
    const path = pathOf(request);
    if (path.startsWith('/api/') || path === '/api' || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return sendProblem(reply, problem(404, 'ROUTE_NOT_FOUND', `no route ${request.method} ${path}`, path, 'the routes are listed at /api/docs'));
    }
    if (hasUi) return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
    return reply.code(path === '/' ? 200 : 404).type('text/html; charset=utf-8').send(NO_UI_PAGE);
  });

  return app;
}

const NO_UI_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Concord</title></head>
<body><h1>Concord</h1>
<p>The API is running (see <a href="/api/docs">/api/docs</a>), but the web UI is not built.
Run <code>npm run build</code> in the Concord folder and start <code>concord serve</code> again.</p>
</body></html>
`;
