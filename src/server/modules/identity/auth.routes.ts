// Bridges Fastify to better-auth under /api/auth/*, and rewrites its errors into Rost's error shape.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CommonErrors, defineErrors, errorBody } from '../../platform/errors.js';
import type { RoutesPlugin } from '../../platform/routes.js';

export const AuthErrors = defineErrors({
  INVALID_CREDENTIALS: {
    kind: 'unauthenticated',
    ru: 'Неверный e-mail или пароль.',
    en: 'Invalid e-mail or password.',
  },
  PASSWORD_TOO_SHORT: {
    kind: 'invalid',
    ru: 'Пароль должен быть не короче 8 символов.',
    en: 'The password must be at least 8 characters long.',
  },
  PASSWORD_TOO_LONG: { kind: 'invalid', ru: 'Пароль слишком длинный.', en: 'The password is too long.' },
  INVALID_TOKEN: {
    kind: 'invalid',
    ru: 'Ссылка недействительна или устарела. Запросите новую.',
    en: 'The link is invalid or has expired. Please request a new one.',
  },
  ACCOUNT_DISABLED: {
    kind: 'forbidden',
    ru: 'Учётная запись отключена. Обратитесь к администратору.',
    en: 'The account is disabled. Please contact the administrator.',
  },
  AUTH_REJECTED: { kind: 'invalid', ru: 'Запрос отклонён.', en: 'The request was rejected.' },
  UNTRUSTED_ORIGIN: {
    kind: 'forbidden',
    ru: (p) =>
      `Вход возможен только с адреса ${p.publicUrl}. Откройте «Рост» по этому адресу или задайте PUBLIC_URL.`,
    en: (p) => `Sign-in works only from ${p.publicUrl}. Open Rost there or set PUBLIC_URL.`,
  },
});

const CODE_MAP: Record<string, keyof typeof AuthErrors> = {
  INVALID_EMAIL_OR_PASSWORD: 'INVALID_CREDENTIALS',
  INVALID_EMAIL: 'INVALID_CREDENTIALS',
  INVALID_PASSWORD: 'INVALID_CREDENTIALS',
  USER_NOT_FOUND: 'INVALID_CREDENTIALS',
  CREDENTIAL_ACCOUNT_NOT_FOUND: 'INVALID_CREDENTIALS',
  PASSWORD_TOO_SHORT: 'PASSWORD_TOO_SHORT',
  PASSWORD_TOO_LONG: 'PASSWORD_TOO_LONG',
  INVALID_TOKEN: 'INVALID_TOKEN',
  ACCOUNT_DISABLED: 'ACCOUNT_DISABLED',
};

export const authRoutes: RoutesPlugin = async (app) => {
  const handler = async (req: FastifyRequest, reply: FastifyReply) => {
    const { auth, config } = app.ctx;
    const url = new URL(req.url, config.publicUrl);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) {
      if (v === undefined || k === 'x-rost-client-ip') continue;
      headers.set(k, Array.isArray(v) ? v.join(', ') : String(v));
    }
    headers.set('x-rost-client-ip', req.ip);
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD' && req.body !== undefined;
    const res = await auth.handler(
      new Request(url, { method: req.method, headers, body: hasBody ? JSON.stringify(req.body) : undefined }),
    );
    reply.status(res.status);
    res.headers.forEach((value, key) => {
      if (key !== 'set-cookie' && key !== 'content-length') reply.header(key, value);
    });
    const cookies = res.headers.getSetCookie();
    if (cookies.length) reply.header('set-cookie', cookies);
    const text = await res.text();
    if (res.status >= 400) {
      const err = translate(res.status, text, config.publicUrl);
      reply.header('content-type', 'application/json; charset=utf-8');
      return reply.send(errorBody(err, req.lang));
    }
    return reply.send(text.length ? text : null);
  };
  app.route({ method: ['GET', 'POST'], url: '/*', schema: { hide: true }, handler });
};

function translate(status: number, text: string, publicUrl: string) {
  let code: string | undefined;
  try {
    code = (JSON.parse(text) as { code?: string }).code;
  } catch {
    /* not JSON */
  }
  if (status === 429) return CommonErrors.TOO_MANY_REQUESTS();
  if (code === 'INVALID_ORIGIN' || code === 'MISSING_OR_NULL_ORIGIN')
    return AuthErrors.UNTRUSTED_ORIGIN({ publicUrl });
  const mapped = code ? CODE_MAP[code] : undefined;
  if (mapped) return AuthErrors[mapped]();
  if (status === 401) return AuthErrors.INVALID_CREDENTIALS();
  return AuthErrors.AUTH_REJECTED({}, code ? { authCode: code } : undefined);
}
