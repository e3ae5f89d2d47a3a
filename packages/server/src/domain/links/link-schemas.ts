import { z } from '@hono/zod-openapi';
import { idSchema } from '../shared/api-schemas';

/** The Link view in the OpenAPI document. */
export const linkSchema = z
  .object({
    id: z.string(),
    workspaceId: z.string(),
    projectId: z.string(),
    predecessorId: z.string(),
    successorId: z.string(),
    type: z.enum(['FS', 'SS', 'FF', 'SF']),
    lagMinutes: z.number().int(),
    lagPercent: z.number().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('Link');

// A lead or lag of up to ten years of round-the-clock minutes either way; a percent lag of up to ±10,000 %.
const lagMinutesSchema = z.number().int().min(-5_256_000).max(5_256_000);
const lagPercentSchema = z.number().finite().min(-10_000).max(10_000).nullable();

/** The body of a new link. */
export const createLinkBody = z.strictObject({
  predecessorId: idSchema,
  successorId: idSchema,
  type: z.enum(['FS', 'SS', 'FF', 'SF']).optional(),
  lagMinutes: lagMinutesSchema.optional(),
  lagPercent: lagPercentSchema.optional(),
});

/** The changes of a link: its type and lag (a link joins the same two tasks for life). */
export const linkChangesBody = z.strictObject({
  type: z.enum(['FS', 'SS', 'FF', 'SF']).optional(),
  lagMinutes: lagMinutesSchema.optional(),
  lagPercent: lagPercentSchema.optional(),
});

/** Fields a client sets when creating a link. */
export type LinkInput = z.output<typeof createLinkBody>;
/** Fields a client changes on a link. */
export type LinkChanges = z.output<typeof linkChangesBody>;
