import { z } from '@hono/zod-openapi';
import { listQuerySchema } from '../../http/pagination';

// PostgreSQL cannot store a NUL character in text; naming the field beats a generic refusal from the database.
const noNul = (text: string) => !text.includes('\u0000');
const noNulMessage = 'must not contain a NUL character';

/** An entity name: trimmed text of 1 to 200 characters. */
export const nameSchema = z.string().trim().min(1).max(200).refine(noNul, noNulMessage);

/** Free text such as a description, vision or objective. */
export const longTextSchema = z.string().max(20_000).refine(noNul, noNulMessage);

/** An opaque id in a path or body. */
export const idSchema = z.string().min(1).max(100).refine(noNul, noNulMessage);

/** A calendar day, `YYYY-MM-DD`. */
export const dateSchema = z.iso.date();

/** The `version` a write may carry in its body instead of `If-Match`. */
export const versionSchema = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

/** The common list query (`limit`, `cursor`, `sort`, `q`). */
export const listQuery = listQuerySchema;

/** The optional body of a DELETE: only the version it is based on. */
export const deleteBodySchema = z.strictObject({ version: versionSchema.optional() });

/** The error body every failure replies with. */
export const errorSchema = z
  .object({
    error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
  })
  .openapi('Error');

/** Error responses shared by the entity routes, for the OpenAPI document. */
export const errorResponses = {
  400: { description: 'Invalid input', content: { 'application/json': { schema: errorSchema } } },
  401: { description: 'Not signed in', content: { 'application/json': { schema: errorSchema } } },
  403: {
    description: 'Visible but not changeable',
    content: { 'application/json': { schema: errorSchema } },
  },
  404: { description: 'Not found or not visible', content: { 'application/json': { schema: errorSchema } } },
} as const;

/** Error responses of versioned writes. */
export const writeErrorResponses = {
  ...errorResponses,
  409: {
    description: 'Stale version; body has `current`',
    content: { 'application/json': { schema: errorSchema } },
  },
  428: {
    description: 'Neither If-Match nor version sent',
    content: { 'application/json': { schema: errorSchema } },
  },
} as const;
