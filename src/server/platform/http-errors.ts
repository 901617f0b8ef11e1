// Turns every thrown thing into { error: { code, message, details } } with the right status; never a 500 for bad input.
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, CommonErrors, errorBody } from './errors.js';
import { WEB_DIST } from './version.js';

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError & { code?: string }, req, reply) => {
    const appErr = toAppError(err);
    if (appErr.status >= 500) req.log.error({ err }, 'unhandled error');
    reply.status(appErr.status).send(errorBody(appErr, req.lang ?? 'ru'));
  });
  app.setNotFoundHandler((req, reply) => {
    const webIndex = path.join(WEB_DIST, 'index.html');
    if (req.method === 'GET' && !req.url.startsWith('/api/') && fs.existsSync(webIndex)) {
      reply.type('text/html').send(fs.createReadStream(webIndex));
      return;
    }
    reply.status(404).send(errorBody(CommonErrors.ROUTE_NOT_FOUND(), req.lang ?? 'ru'));
  });
}

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as FastifyError & { code?: string; statusCode?: number; constraint?: string };
  if (hasZodFastifySchemaValidationErrors(e)) {
    const details = e.validation.map((v) => ({
      path: [
        e.validationContext,
        ...String(v.instancePath ?? '')
          .split('/')
          .filter(Boolean),
      ].join('.'),
      message: v.message,
    }));
    return CommonErrors.VALIDATION_FAILED({}, details);
  }
  if (e?.validation) {
    return CommonErrors.VALIDATION_FAILED(
      {},
      e.validation.map((v) => ({ path: v.instancePath, message: v.message })),
    );
  }
  const pgErr = postgresErrorOf(err);
  if (pgErr) {
    switch (pgErr.code) {
      case '23505':
        return CommonErrors.CONFLICT({}, { constraint: pgErr.constraint });
      case '23503':
        return CommonErrors.IN_USE({}, { constraint: pgErr.constraint });
      case '22P02':
      case '22007':
      case '22008':
      case '22001':
        return CommonErrors.VALIDATION_FAILED({}, [{ path: 'body', message: 'Неверный формат значения' }]);
    }
  }
  switch (e?.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return CommonErrors.MALFORMED_BODY();
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return CommonErrors.UNSUPPORTED_FILE();
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
      return CommonErrors.PAYLOAD_TOO_LARGE();
  }
  if (e?.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    if (e.statusCode === 404) return CommonErrors.NOT_FOUND();
    if (e.statusCode === 413) return CommonErrors.PAYLOAD_TOO_LARGE();
    if (e.statusCode === 415) return CommonErrors.UNSUPPORTED_FILE();
    if (e.statusCode === 429) return CommonErrors.TOO_MANY_REQUESTS();
    return CommonErrors.VALIDATION_FAILED({}, [{ path: '', message: e.message }]);
  }
  return CommonErrors.INTERNAL();
}

/** A PostgreSQL error, also when drizzle wraps it (`DrizzleQueryError.cause`). */
export function postgresErrorOf(err: unknown): { code: string; constraint?: string } | null {
  let e = err as { code?: unknown; constraint?: string; cause?: unknown } | undefined;
  for (let i = 0; i < 4 && e; i++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code))
      return { code: e.code, constraint: e.constraint };
    e = e.cause as typeof e;
  }
  return null;
}
