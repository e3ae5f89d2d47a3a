import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import type { App, AppDeps } from './context';
import { ApiError } from './errors';
import { defineRoute, publicRule } from './route-rule';

const healthSchema = z
  .object({
    status: z.literal('ok'),
    version: z.string(),
    database: z.enum(['embedded', 'external']),
  })
  .openapi('Health');

const route = createRoute({
  method: 'get',
  path: '/api/health',
  summary: 'Liveness and database reachability',
  responses: {
    200: {
      description: 'The server and its database answer',
      content: { 'application/json': { schema: healthSchema } },
    },
  },
});

/** Registers `GET /api/health`, which answers only when the database does. */
export function register(app: App, deps: AppDeps): void {
  defineRoute(app, publicRule, route, async (c) => {
    try {
      await deps.db.execute(sql`select 1`);
    } catch (cause) {
      throw new ApiError(503, 'SERVICE_UNAVAILABLE', `The database is not reachable: ${String(cause)}`);
    }
    return c.json({ status: 'ok' as const, version: deps.config.version, database: deps.databaseKind }, 200);
  });
}
