// Errors with stable codes and people-readable messages (ru by default, en on request).
// One table maps each kind to its HTTP status; modules declare their codes with defineErrors().
export const STATUS_BY_KIND = {
  unauthenticated: 401,
  forbidden: 403,
  invalid: 400,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported: 415,
  too_many: 429,
  internal: 500,
} as const;
export type ErrorKind = keyof typeof STATUS_BY_KIND;

export type Lang = 'ru' | 'en';
type Message = string | ((p: Record<string, unknown>) => string);
export type ErrorDef = { kind: ErrorKind; ru: Message; en: Message };

const registry = new Map<string, ErrorDef>();

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, unknown> = {},
    readonly details?: unknown,
  ) {
    super(code);
  }
  get def(): ErrorDef {
    return registry.get(this.code) ?? registry.get('INTERNAL')!;
  }
  get status(): number {
    return STATUS_BY_KIND[this.def.kind];
  }
  messageFor(lang: Lang): string {
    const m = this.def[lang];
    return typeof m === 'function' ? m(this.params) : m;
  }
}

/** Registers codes and returns typed constructors: `const E = defineErrors({...}); throw E.PERSON_NOT_FOUND()`. */
export function defineErrors<T extends Record<string, ErrorDef>>(
  defs: T,
): { [K in keyof T]: (params?: Record<string, unknown>, details?: unknown) => AppError } {
  const out = {} as Record<string, (params?: Record<string, unknown>, details?: unknown) => AppError>;
  for (const [code, def] of Object.entries(defs)) {
    // Codes live in one registry: two modules giving one code different meanings would silently change
    // each other's HTTP status. The same definition twice (e.g. EVENT_NOT_FOUND) is fine.
    const known = registry.get(code);
    if (known && (known.kind !== def.kind || String(known.ru) !== String(def.ru))) {
      throw new Error(
        `Error code ${code} is defined twice with different meanings; give one of them its own code.`,
      );
    }
    registry.set(code, def);
    out[code] = (params = {}, details) => new AppError(code, params, details);
  }
  return out as never;
}

export const CommonErrors = defineErrors({
  UNAUTHENTICATED: { kind: 'unauthenticated', ru: 'Войдите в систему.', en: 'Please sign in.' },
  FORBIDDEN: { kind: 'forbidden', ru: 'Недостаточно прав для этого действия.', en: 'You may not do this.' },
  VALIDATION_FAILED: {
    kind: 'invalid',
    ru: 'Проверьте введённые данные.',
    en: 'Please check the data you entered.',
  },
  MALFORMED_BODY: {
    kind: 'invalid',
    ru: 'Тело запроса не разобрано: ожидается корректный JSON.',
    en: 'The request body could not be parsed: valid JSON expected.',
  },
  NOT_FOUND: { kind: 'not_found', ru: 'Запись не найдена.', en: 'Not found.' },
  ROUTE_NOT_FOUND: { kind: 'not_found', ru: 'Такого адреса нет.', en: 'No such address.' },
  CONFLICT: {
    kind: 'conflict',
    ru: 'Такая запись уже есть.',
    en: 'Such a record already exists.',
  },
  IN_USE: {
    kind: 'conflict',
    ru: 'Запись используется другими записями и не может быть удалена.',
    en: 'The record is referenced by other records and cannot be deleted.',
  },
  PAYLOAD_TOO_LARGE: {
    kind: 'too_large',
    ru: (p) => `Файл слишком большой${p.limitMb ? `: не больше ${p.limitMb} МБ` : ''}.`,
    en: (p) => `The file is too large${p.limitMb ? `: at most ${p.limitMb} MB` : ''}.`,
  },
  UNSUPPORTED_FILE: {
    kind: 'unsupported',
    ru: (p) => `Неподходящий тип файла${p.expected ? `: ожидается ${p.expected}` : ''}.`,
    en: (p) => `Unsupported file type${p.expected ? `: expected ${p.expected}` : ''}.`,
  },
  TOO_MANY_REQUESTS: {
    kind: 'too_many',
    ru: 'Слишком много попыток. Подождите немного и попробуйте снова.',
    en: 'Too many attempts. Please wait and try again.',
  },
  INTERNAL: {
    kind: 'internal',
    ru: 'Внутренняя ошибка. Мы уже знаем о ней; попробуйте позже.',
    en: 'Internal error. Please try again later.',
  },
});

export function langOf(acceptLanguage: string | undefined): Lang {
  return acceptLanguage && /^\s*en\b/i.test(acceptLanguage) ? 'en' : 'ru';
}

export function errorBody(err: AppError, lang: Lang) {
  return {
    error: {
      code: err.code,
      message: err.messageFor(lang),
      ...(err.details === undefined ? {} : { details: err.details }),
    },
  };
}
