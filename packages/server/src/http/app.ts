import { OpenAPIHono } from '@hono/zod-openapi';
import { requestBodyLimit } from './body-limit';
import type { App, AppDeps, AppEnv, RegisterRoutes } from './context';
import { ApiError, errorHandler } from './errors';
import { register as registerHealth } from './health';
import { requestLog } from './request-log';
import { defineRawRoute, publicRule } from './route-rule';
import { securityHeaders } from './security-headers';
import { registerStaticFiles } from './static-files';
import { validationHook } from './validation';

/** Routes that take a file upload: `/api/…/imports/mspdi`, `/api/…/imports/csv`. */
const uploadPath = /^\/api\/.+\/imports\/(?:mspdi|csv)$/;

/**
 * Builds the HTTP application: the shared middleware, every feature's routes, the OpenAPI document and the web app.
 * @example const app = createApp(deps, [registerAuth, registerWorkspaces]); serve({ fetch: app.fetch });
 */
export function createApp(deps: AppDeps, features: readonly RegisterRoutes[] = []): App {
  const app: App = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(errorHandler(deps.logger));
  app.notFound((c) => {
    const error = new ApiError(404, 'NOT_FOUND', `No route for ${c.req.method} ${c.req.path}`);
    return c.json(error.toBody(), 404);
  });
  app.use('*', requestLog(deps.logger));
  app.use('*', securityHeaders());
  const bodyLimit = requestBodyLimit(deps.config.bodyLimitBytes);
  // File imports stream their body and hold it to their own, larger limit as it arrives.
  app.use('/api/*', (c, next) => (uploadPath.test(c.req.path) ? next() : bodyLimit(c, next)));
  registerHealth(app, deps);
  for (const register of features) register(app, deps);
  let document: unknown;
  defineRawRoute(app, publicRule, 'get', '/api/openapi.json', (c) => {
    document ??= app.getOpenAPI31Document({
      openapi: '3.1.0',
      info: { title: 'Tandem API', version: deps.config.version },
    });
    return c.json(document);
  });
  registerStaticFiles(app, deps.config.webDist);
  return app;
}
