// The only reader of process.env: parses it once with zod, fails fast with a readable message.
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from '../../shared/time-zone.js';

const bool = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const ZEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: z.string().url().optional(),
  DATABASE_URL: z.string().url().optional(),
  ROST_DATA_DIR: z.string().default('./data'),
  ROST_DEMO: bool.default(true),
  ROST_SECRET: z.string().min(32).optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .positive()
    .default(24 * 7),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Рост <no-reply@rost.local>'),
  UPLOAD_MAX_MB: z.coerce.number().positive().default(20),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
  ROST_TIME_ZONE: z
    .string()
    .default(DEFAULT_TIME_ZONE)
    .refine(isValidTimeZone, 'неизвестный часовой пояс (пример: Europe/Moscow, Asia/Novosibirsk)'),
});

export type Config = {
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl?: string;
  dataDir: string;
  demo: boolean;
  secret?: string;
  sessionTtlHours: number;
  smtpUrl?: string;
  mailFrom: string;
  uploadMaxBytes: number;
  logLevel: string;
  production: boolean;
  /** the centre's time zone (IANA name): programme times, days, reminders */
  timeZone: string;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Неверная конфигурация (переменные окружения):\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.ROST_DATA_DIR),
    demo: e.ROST_DEMO,
    secret: e.ROST_SECRET,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM,
    uploadMaxBytes: Math.round(e.UPLOAD_MAX_MB * 1024 * 1024),
    logLevel: e.LOG_LEVEL,
    production: e.NODE_ENV === 'production',
    timeZone: e.ROST_TIME_ZONE,
  };
}

export class ConfigError extends Error {}
