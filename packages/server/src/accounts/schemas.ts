import { z } from '@hono/zod-openapi';

/** An email address, trimmed; compared without regard to case. */
export const emailSchema = z.string().trim().max(320).pipe(z.email('must be an email address'));

/** A new password: at least 10 characters; the upper bound only keeps hashing cheap to refuse. */
export const newPasswordSchema = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(1000, 'must be at most 1000 characters');

/** A person's display name. */
export const personNameSchema = z.string().trim().min(1, 'must not be empty').max(200);

/** The error body, for the OpenAPI document. */
const errorBodySchema = z
  .object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }) })
  .openapi('ErrorBody');

/** Error replies of the identity routes, for the OpenAPI document. */
export const identityErrors = {
  400: { description: 'Invalid input', content: { 'application/json': { schema: errorBodySchema } } },
  401: { description: 'Not signed in', content: { 'application/json': { schema: errorBodySchema } } },
  403: {
    description: 'Forbidden or CSRF failed',
    content: { 'application/json': { schema: errorBodySchema } },
  },
  404: {
    description: 'Not found or not visible',
    content: { 'application/json': { schema: errorBodySchema } },
  },
} as const;

/** A JSON request or reply body. */
export function json<T extends z.ZodType>(schema: T) {
  return { content: { 'application/json': { schema } } };
}
