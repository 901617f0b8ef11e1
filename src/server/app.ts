// Builds the Fastify app from platform plugins and module routes. Tests import it; main.ts listens.
import fs from 'node:fs';
import path from 'node:path';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { academicRoutes } from './modules/academic/index.js';
import { auditRoutes } from './modules/audit/index.js';
import { certificateRoutes } from './modules/certificates/index.js';
import { directoryRoutes } from './modules/directory/index.js';
import { eventsRoutes } from './modules/events/index.js';
import { authRoutes, identityRoutes, resolveActor } from './modules/identity/index.js';
import { importRoutes } from './modules/imports/index.js';
import { mailRoutes } from './modules/mail/index.js';
import { notificationRoutes } from './modules/notifications/index.js';
import type { AppContext } from './platform/context.js';
import { langOf } from './platform/errors.js';
import { healthRoutes } from './platform/health.js';
import { installErrorHandling } from './platform/http-errors.js';
import { VERSION, WEB_DIST } from './platform/version.js';

z.config(z.locales.ru());

export type BuildOptions = { logger?: boolean | object; trustProxy?: boolean };

export async function buildApp(ctx: AppContext, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    trustProxy: opts.trustProxy ?? false,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: ctx.config.uploadMaxBytes + 1024 * 1024,
    ajv: undefined,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('ctx', ctx);
  app.decorateRequest('actor', null);
  app.decorateRequest('lang', 'ru');
  installErrorHandling(app);

  await app.register(fastifyMultipart, { limits: { fileSize: ctx.config.uploadMaxBytes, files: 1 } });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Rost API',
        version: VERSION,
        description:
          'REST API платформы «Рост». Вход: POST /api/auth/sign-in/email { email, password } — сессия в cookie. ' +
          'Ошибки: { "error": { "code", "message", "details" } }, сообщения на русском (Accept-Language: en — на английском).',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'better-auth.session_token' } },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.addHook('onRequest', async (req) => {
    req.lang = langOf(req.headers['accept-language']);
  });
  app.addHook('preHandler', async (req) => {
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/auth/') || req.url.startsWith('/api/docs'))
      return;
    req.actor = await resolveActor(ctx, req.headers);
  });

  await app.register(healthRoutes, { prefix: '/api' });
  await app.register(authRoutes, { prefix: '/api/auth' });
  await app.register(identityRoutes, { prefix: '/api' });
  await app.register(directoryRoutes, { prefix: '/api' });
  await app.register(auditRoutes, { prefix: '/api' });
  await app.register(mailRoutes, { prefix: '/api' });
  await app.register(academicRoutes, { prefix: '/api' });
  await app.register(importRoutes, { prefix: '/api' });
  await app.register(eventsRoutes, { prefix: '/api' });
  await app.register(certificateRoutes, { prefix: '/api' });
  await app.register(notificationRoutes, { prefix: '/api' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  if (fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: true, index: false });
    // the static plugin answers the bare root as a directory (403 without an index): serve the app there too
    app.get('/', { schema: { hide: true } }, (_req, reply) =>
      reply.type('text/html').send(fs.createReadStream(path.join(WEB_DIST, 'index.html'))),
    );
  }
  return app;
}
