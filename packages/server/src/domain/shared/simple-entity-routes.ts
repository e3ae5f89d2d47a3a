import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { callerId } from '../../auth/caller';
import { policy } from '../../auth/policy';
import type { App, AppDeps, RegisterRoutes } from '../../http/context';
import { jsonReply } from '../../http/json-reply';
import { pageSchema } from '../../http/pagination';
import { defineRoute } from '../../http/route-rule';
import { expectedVersion, setVersionTag } from '../../http/version';
import { kindLabel } from '../members/entity-ref';
import {
  deleteBodySchema,
  errorResponses,
  idSchema,
  listQuery,
  longTextSchema,
  nameSchema,
  versionSchema,
  writeErrorResponses,
} from './api-schemas';
import type { SimpleEntityInput, SimpleEntityService, SimpleEntityView } from './simple-entity-service';

// The view schema has a computed key, so the routes type their replies as its plain records.
type Wire = Record<string, string | number | null>;
const wire = <F extends string>(view: SimpleEntityView<F>) => view as unknown as Wire;

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const workspaceParams = z.object({ workspaceId: idSchema });

/**
 * The routes of a simple kind (products, programs): list and create under a workspace, then read, change and delete
 * one; routes only translate, the service holds the rules.
 * @example export const registerProductRoutes = simpleEntityRoutes(productService);
 */
export function simpleEntityRoutes<F extends string>(service: SimpleEntityService<F>): RegisterRoutes {
  const { kind, field } = service;
  const label = kindLabel(kind);
  const plural = `${kind}s`;
  const param = `${kind}Id`;
  const itemPath = `/api/${plural}/{${param}}`;

  const viewSchema = z
    .object({
      id: z.string(),
      workspaceId: z.string(),
      name: z.string(),
      [field]: z.string(),
      description: z.string(),
      createdBy: z.string().nullable(),
      createdAt: z.string(),
      updatedAt: z.string(),
      version: z.number().int(),
    })
    .openapi(label);
  const createBody = z.strictObject({
    name: nameSchema,
    [field]: longTextSchema.optional(),
    description: longTextSchema.optional(),
  });
  const updateBody = z.strictObject({
    name: nameSchema.optional(),
    [field]: longTextSchema.optional(),
    description: longTextSchema.optional(),
    version: versionSchema.optional(),
  });
  const itemParams = z.object({ [param]: idSchema });
  const idOf = (params: Record<string, string>) => params[param] ?? '';

  const list = createRoute({
    method: 'get',
    path: `/api/workspaces/{workspaceId}/${plural}`,
    summary: `${label}s of a workspace the caller may see`,
    request: { params: workspaceParams, query: listQuery },
    responses: {
      200: { description: `A page of ${plural}`, ...json(pageSchema(viewSchema)) },
      ...errorResponses,
    },
  });
  const create = createRoute({
    method: 'post',
    path: `/api/workspaces/{workspaceId}/${plural}`,
    summary: `Create a ${kind}; the creator becomes its ${kind} manager`,
    request: { params: workspaceParams, body: { required: true, ...json(createBody) } },
    responses: { 201: { description: 'Created', ...json(viewSchema) }, ...errorResponses },
  });
  const get = createRoute({
    method: 'get',
    path: itemPath,
    request: { params: itemParams },
    responses: { 200: { description: `The ${kind}`, ...json(viewSchema) }, ...errorResponses },
  });
  const update = createRoute({
    method: 'patch',
    path: itemPath,
    request: { params: itemParams, body: { required: true, ...json(updateBody) } },
    responses: { 200: { description: 'Updated', ...json(viewSchema) }, ...writeErrorResponses },
  });
  const remove = createRoute({
    method: 'delete',
    path: itemPath,
    request: { params: itemParams, body: { required: false, ...json(deleteBodySchema) } },
    responses: { 204: { description: 'Deleted' }, ...writeErrorResponses },
  });

  return (app: App, deps: AppDeps) => {
    // The page is read by the statement that authenticates the caller, when the query is one the list can serve.
    const reads = new WeakMap<Context, ReturnType<typeof service.companion>>();
    const listRule = policy.workspaceMemberReading((c) => {
      const params = workspaceParams.safeParse(c.req.param());
      const query = listQuery.safeParse(c.req.query());
      // The read must be of the very workspace whose role the lookup reads, which comes from the same path parameter.
      if (!params.success || !query.success || params.data.workspaceId !== c.req.param('workspaceId'))
        return undefined;
      const read = service.companion(deps.db, params.data.workspaceId, query.data);
      if (read) reads.set(c, read);
      return read;
    });
    defineRoute(app, listRule, list, async (c) => {
      const { workspaceId } = c.req.valid('param');
      const query = c.req.valid('query');
      const prefetched = reads.get(c)?.page();
      const page = await service.list(deps.db, callerId(c), workspaceId, query, prefetched);
      return jsonReply(c, page, () => ({ items: page.items.map(wire), nextCursor: page.nextCursor }));
    });
    defineRoute(app, policy.workspaceMember, create, async (c) => {
      const input = c.req.valid('json') as SimpleEntityInput<F>;
      const created = await service.create(deps.db, callerId(c), c.req.valid('param').workspaceId, input);
      setVersionTag(c, created.version);
      return c.json(wire(created), 201);
    });
    defineRoute(app, policy.signedIn, get, async (c) => {
      const found = await service.get(deps.db, callerId(c), idOf(c.req.valid('param')));
      setVersionTag(c, found.version);
      return c.json(wire(found), 200);
    });
    defineRoute(app, policy.signedIn, update, async (c) => {
      const { version, ...changes } = c.req.valid('json') as { version?: number };
      const expected = expectedVersion(c, version);
      const updated = await service.update(
        deps.db,
        callerId(c),
        idOf(c.req.valid('param')),
        expected,
        changes,
      );
      setVersionTag(c, updated.version);
      return c.json(wire(updated), 200);
    });
    defineRoute(app, policy.signedIn, remove, async (c) => {
      const body = (c.req.valid('json') as z.infer<typeof deleteBodySchema> | undefined) ?? {};
      const expected = expectedVersion(c, body.version);
      await service.remove(deps.db, callerId(c), idOf(c.req.valid('param')), expected);
      return c.body(null, 204);
    });
  };
}
