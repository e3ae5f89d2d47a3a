import type { RouteConfig, RouteHandler } from '@hono/zod-openapi';
import type { Handler, MiddlewareHandler } from 'hono';
import type { App, AppEnv } from './context';

/**
 * The authorisation rule a route is registered with: a stable name for the route table and the middleware that
 * enforces it before the handler runs. Rules live in `auth/policy.ts`; entity-level checks (404 for what the caller
 * may not see) happen in the services the handler calls.
 */
export interface RouteRule {
  readonly name: string;
  readonly enforce: MiddlewareHandler<AppEnv>;
}

/** One registered route and its rule, as listed by `routeTable`. */
export interface RegisteredRoute {
  method: string;
  path: string;
  rule: string;
}

const tables = new WeakMap<object, RegisteredRoute[]>();

/** Anyone may call the route, signed in or not (health, OpenAPI document, static files). */
export const publicRule: RouteRule = { name: 'public', enforce: async (_c, next) => next() };

function record(app: App, method: string, path: string, rule: RouteRule | undefined): void {
  if (!rule || typeof rule.name !== 'string' || typeof rule.enforce !== 'function') {
    throw new Error(`Route ${method.toUpperCase()} ${path} was registered without an authorisation rule`);
  }
  let table = tables.get(app);
  if (!table) {
    table = [];
    tables.set(app, table);
  }
  table.push({ method: method.toUpperCase(), path, rule: rule.name });
}

/**
 * Registers an OpenAPI route together with its authorisation rule; a route without a rule throws at start-up.
 * @example defineRoute(app, policy.signedIn, createRoute({ method: 'get', path: '/api/things', ... }), handler);
 */
export function defineRoute<R extends RouteConfig>(
  app: App,
  rule: RouteRule,
  route: R,
  handler: RouteHandler<R, AppEnv>,
): void {
  record(app, route.method, openApiPathToHono(route.path), rule);
  const own =
    route.middleware === undefined
      ? []
      : Array.isArray(route.middleware)
        ? route.middleware
        : [route.middleware];
  const withRule = { ...route, middleware: [rule.enforce, ...own] };
  // The rule's middleware only narrows the request; the handler's types stay those of `route`.
  app.openapi(withRule as unknown as R, handler as never);
}

/** Registers a plain Hono route (streams, files) that has no OpenAPI body schema, with its authorisation rule. */
export function defineRawRoute(
  app: App,
  rule: RouteRule,
  method: 'get' | 'post' | 'put' | 'patch' | 'delete',
  path: string,
  handler: Handler<AppEnv>,
): void {
  record(app, method, path, rule);
  app.on(method.toUpperCase(), path, rule.enforce, handler);
}

/** Every route registered on `app` with its rule, for tests that check each route is authorised. */
export function routeTable(app: App): readonly RegisteredRoute[] {
  return tables.get(app) ?? [];
}

function openApiPathToHono(path: string): string {
  return path.replace(/\{([^}]+)\}/g, ':$1');
}
