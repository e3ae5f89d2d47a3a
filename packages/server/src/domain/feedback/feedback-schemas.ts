import { z } from '@hono/zod-openapi';
import { featureStatusSchema } from '../features/feature-schemas';
import { idSchema, longTextSchema } from '../shared/api-schemas';

/** How much a linked passage says a feature matters. */
export const importanceSchema = z.enum(['nice', 'important', 'critical']);

/** Inbox state. */
export const feedbackStateSchema = z.enum(['new', 'triaged', 'archived']);

/** A receive time: a day or an ISO instant with its offset. */
export const receivedAtSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** A source label: the channel or what an import called it. */
export const sourceSchema = z.string().trim().min(1).max(40);

/** A feedback title. */
export const feedbackTitleSchema = z.string().trim().min(1).max(300);

/** A feedback body: the customer's words. */
export const feedbackBodySchema = longTextSchema;

/** An email address, or empty. */
export const emailSchema = z.union([z.literal(''), z.email().max(320)]);

const linkSchema = z
  .object({
    id: z.string(),
    feedbackId: z.string(),
    featureId: z.string(),
    featureTitle: z.string(),
    featureStatus: featureStatusSchema,
    productId: z.string(),
    importance: importanceSchema,
    highlight: z.string(),
    highlightStart: z.number().int().nullable(),
    highlightEnd: z.number().int().nullable(),
    createdAt: z.string(),
  })
  .openapi('FeedbackLink');

/** A piece of feedback as the API shows it. */
export const feedbackSchema = z
  .object({
    id: z.string(),
    workspaceId: z.string(),
    productId: z.string().nullable(),
    customerId: z.string().nullable(),
    customerName: z.string().nullable(),
    source: z.string(),
    email: z.string(),
    title: z.string(),
    body: z.string(),
    receivedAt: z.string(),
    state: feedbackStateSchema,
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
    links: z.array(linkSchema),
  })
  .openapi('Feedback');

/** The body of a triage link. */
export const linkBodySchema = z.strictObject({
  featureId: idSchema.optional(),
  newFeature: z
    .strictObject({ title: z.string().trim().min(1).max(300), productId: idSchema.optional() })
    .optional(),
  importance: importanceSchema,
  highlight: z.string().max(20_000).optional(),
  highlightStart: z.number().int().min(0).optional(),
  highlightEnd: z.number().int().min(0).optional(),
});
