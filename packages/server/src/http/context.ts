import type { OpenAPIHono } from '@hono/zod-openapi';
import type pg from 'pg';
import type { Database } from '../db/client';
import type { DatabaseKind } from '../db/runtime';
import type { ChangeHub } from '../realtime/change-hub';
import type { Logger } from './logger';

/** What every route module receives: the database, configuration and shared services of one server process. */
export interface AppDeps {
  db: Database;
  pool: pg.Pool;
  databaseKind: DatabaseKind;
  logger: Logger;
  /** Live change fan-out of this process (one LISTEN connection). */
  changes: ChangeHub;
  config: AppConfig;
}

/** Settings of one server process. */
export interface AppConfig {
  version: string;
  /** Base URL users reach the server at, for links in mails (`TANDEM_PUBLIC_URL`). */
  publicUrl: string;
  /** Directory of the built web app; static serving is off when it is undefined or missing. */
  webDist: string | undefined;
  /** Largest accepted request body in bytes. */
  bodyLimitBytes: number;
  /** Outgoing mail (`SMTP_URL`); undefined means mails are logged instead of sent. */
  smtpUrl: string | undefined;
}

declare module 'hono' {
  interface ContextVariableMap {
    requestId: string;
    /** Set by authentication middleware once the caller is known; read by the request log. */
    userId: string | undefined;
  }
}

/** Hono environment of the app. */
export type AppEnv = { Variables: { requestId: string; userId: string | undefined } };

/** The application object every route module registers on. */
export type App = OpenAPIHono<AppEnv>;

/** A feature's route module: `export function register(app, deps) { defineRoute(app, rule, route, handler) }`. */
export type RegisterRoutes = (app: App, deps: AppDeps) => void;
