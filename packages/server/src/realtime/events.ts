import { z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import type { Database } from '../db/client';
import type { App, AppDeps, RegisterRoutes } from '../http/context';
import { ApiError } from '../http/errors';
import { defineRawRoute, type RouteRule } from '../http/route-rule';
import { validationError } from '../http/validation';
import type { Change } from './change';

/** Who may follow which changes; implemented by the authorisation policy. */
export interface ChangeVisibility {
  /** True when the user may follow the workspace at all (otherwise the stream is a 404). */
  canFollowWorkspace(db: Database, userId: string, workspaceId: string): Promise<boolean>;
  /** True when the user may see the entity the change is about. */
  canSeeChange(db: Database, userId: string, change: Change): Promise<boolean>;
}

/** Options of the live-events route. */
export interface EventsRouteOptions {
  /** The rule that admits signed-in callers and sets `userId`. */
  rule: RouteRule;
  visibility: ChangeVisibility;
  /** Interval of the keep-alive comment, which also lets proxies and clients notice a dead connection. */
  heartbeatMs?: number;
}

const eventsQuery = z.object({
  workspaceId: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { description: 'The workspace whose changes to follow' } }),
});

/** The stream's shape for the OpenAPI document: the route itself is raw, since a stream has no JSON body schema. */
const eventsDocument = {
  method: 'get',
  path: '/api/events',
  summary: 'Follow the changes in a workspace that the caller may see, as Server-Sent Events',
  request: { query: eventsQuery },
  responses: {
    200: {
      description:
        'Sends `event: ready` once following, then `event: change` with `data: { entityType, entityId, action, ' +
        'workspaceId, projectId?, productId?, version? }` per committed change, and `: heartbeat` comments',
      content: { 'text/event-stream': { schema: z.string() } },
    },
    400: { description: 'workspaceId is missing or too long' },
    401: { description: 'Not signed in' },
    404: { description: 'The workspace is not found or not visible' },
  },
} as const;

/**
 * `GET /api/events?workspaceId=`: Server-Sent Events of every committed change in the workspace that the caller may see,
 * from any server on the database. Sends `event: ready` once following, `event: change` per change, and heartbeats.
 */
export function eventsRoutes(options: EventsRouteOptions): RegisterRoutes {
  const heartbeatMs = options.heartbeatMs ?? 20_000;
  return (app: App, deps: AppDeps) => {
    app.openAPIRegistry.registerPath(eventsDocument);
    defineRawRoute(app, options.rule, 'get', '/api/events', async (c) => {
      const parsed = eventsQuery.safeParse(c.req.query());
      if (!parsed.success) throw validationError(parsed.error, 'query');
      const { workspaceId } = parsed.data;
      const userId = c.get('userId');
      if (!userId) throw new ApiError(401, 'UNAUTHENTICATED', 'Sign in to follow live changes');
      if (!(await options.visibility.canFollowWorkspace(deps.db, userId, workspaceId))) {
        throw new ApiError(404, 'NOT_FOUND', `Workspace ${workspaceId} was not found`);
      }
      c.header('X-Accel-Buffering', 'no');
      return streamSSE(c, async (stream) => {
        // Checks run one after another so a subscriber sees changes in commit order.
        let chain: Promise<void> = Promise.resolve();
        const unsubscribe = deps.changes.subscribe((change) => {
          if (change.workspaceId !== workspaceId) return;
          chain = chain
            .then(async () => {
              if (stream.aborted || stream.closed) return;
              if (!(await options.visibility.canSeeChange(deps.db, userId, change))) return;
              await stream.writeSSE({ event: 'change', data: JSON.stringify(change) });
            })
            .catch((error: unknown) => {
              deps.logger.error({ msg: 'could not deliver a change', userId, error: String(error) });
            });
        });
        const heartbeat = setInterval(() => {
          stream.write(': heartbeat\n\n').catch(() => {});
        }, heartbeatMs);
        await new Promise<void>((resolve) => {
          stream.onAbort(() => {
            clearInterval(heartbeat);
            unsubscribe();
            resolve();
          });
          stream
            .writeSSE({ event: 'ready', data: JSON.stringify({ workspaceId }), retry: 3000 })
            .catch(() => {});
        });
      });
    });
  };
}
