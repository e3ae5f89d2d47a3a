import { createRoute, z } from '@hono/zod-openapi';
import { callerId } from '../../auth/caller';
import { policy } from '../../auth/policy';
import type { App, AppDeps } from '../../http/context';
import { pageSchema } from '../../http/pagination';
import { defineRoute } from '../../http/route-rule';
import { expectedVersion, optionalBodyVersion, setVersionTag } from '../../http/version';
import {
  deleteBodySchema,
  errorResponses,
  idSchema,
  listQuery,
  versionSchema,
  writeErrorResponses,
} from '../shared/api-schemas';
import { createComment, deleteComment, listComments, updateComment } from './comment-service';

const commentSchema = z
  .object({
    id: z.string(),
    workspaceId: z.string(),
    projectId: z.string(),
    taskId: z.string(),
    author: z.object({ id: z.string(), name: z.string() }).nullable(),
    body: z.string().openapi({ description: 'Markdown as written; sanitise when rendering' }),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('Comment');

// Markdown as written: not trimmed, since leading spaces can be code blocks; blank comments say nothing.
const bodySchema = z
  .string()
  .max(20_000)
  .refine((text) => text.trim().length > 0, 'must not be blank')
  .refine((text) => !text.includes('\u0000'), 'must not contain a NUL character');

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const taskParams = z.object({ taskId: idSchema });
const commentParams = z.object({ commentId: idSchema });

const list = createRoute({
  method: 'get',
  path: '/api/tasks/{taskId}/comments',
  summary: 'Comments on a task, oldest first',
  request: { params: taskParams, query: listQuery },
  responses: {
    200: { description: 'A page of comments', ...json(pageSchema(commentSchema)) },
    ...errorResponses,
  },
});

const create = createRoute({
  method: 'post',
  path: '/api/tasks/{taskId}/comments',
  request: { params: taskParams, body: { required: true, ...json(z.strictObject({ body: bodySchema })) } },
  responses: { 201: { description: 'Created', ...json(commentSchema) }, ...errorResponses },
});

const update = createRoute({
  method: 'patch',
  path: '/api/comments/{commentId}',
  summary: "Change a comment's text (its author or a project manager)",
  request: {
    params: commentParams,
    body: {
      required: true,
      ...json(z.strictObject({ body: bodySchema, version: versionSchema.optional() })),
    },
  },
  responses: { 200: { description: 'Updated', ...json(commentSchema) }, ...writeErrorResponses },
});

const remove = createRoute({
  method: 'delete',
  path: '/api/comments/{commentId}',
  summary: 'Delete a comment (its author or a project manager)',
  request: { params: commentParams, body: { required: false, ...json(deleteBodySchema) } },
  responses: { 204: { description: 'Deleted' }, ...writeErrorResponses },
});

/** Registers the comment routes. */
export function registerCommentRoutes(app: App, deps: AppDeps): void {
  defineRoute(app, policy.signedIn, list, async (c) => {
    return c.json(
      await listComments(deps.db, callerId(c), c.req.valid('param').taskId, c.req.valid('query')),
      200,
    );
  });
  defineRoute(app, policy.signedIn, create, async (c) => {
    const comment = await createComment(
      deps.db,
      callerId(c),
      c.req.valid('param').taskId,
      c.req.valid('json').body,
    );
    setVersionTag(c, comment.version);
    return c.json(comment, 201);
  });
  defineRoute(app, policy.signedIn, update, async (c) => {
    const { version, body } = c.req.valid('json');
    const expected = expectedVersion(c, version);
    const comment = await updateComment(deps.db, callerId(c), c.req.valid('param').commentId, expected, body);
    setVersionTag(c, comment.version);
    return c.json(comment, 200);
  });
  defineRoute(app, policy.signedIn, remove, async (c) => {
    const expected = optionalBodyVersion(c, c.req.valid('json'));
    await deleteComment(deps.db, callerId(c), c.req.valid('param').commentId, expected);
    return c.body(null, 204);
  });
}
