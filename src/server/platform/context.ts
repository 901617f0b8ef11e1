// What every route and service can reach: config, database, auth and the background job queue.
import type { FastifyRequest } from 'fastify';
import type PgBoss from 'pg-boss';
import type { Config } from '../config/config.js';
import type { Db } from '../db/db.js';
import type { Auth } from '../modules/identity/auth.js';
import type { Actor } from './actor.js';
import type { Lang } from './errors.js';

export type AppContext = {
  config: Config;
  db: Db;
  auth: Auth;
  /** pg-boss when background jobs run in this process (the server); absent in one-shot CLI commands. */
  boss?: PgBoss;
};

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
  interface FastifyRequest {
    actor: Actor | null;
    lang: Lang;
  }
}

export type Req = FastifyRequest;
