import { z } from '@hono/zod-openapi';
import { webhookEvents } from './webhook-delivery';

/** One delivery as the API shows it: its attempts so far and the last one's outcome. */
export const deliverySchema = z
  .object({
    id: z.string(),
    webhookId: z.string(),
    event: z.string(),
    status: z.enum(['delivered', 'pending', 'failed']).openapi({
      description:
        'pending: a retry is due at nextAttemptAt; failed: no attempt is left (or the target is refused)',
    }),
    responseStatus: z.number().int().nullable().openapi({ description: "The last attempt's HTTP status" }),
    error: z.string().nullable().openapi({ description: "The last attempt's error; null once delivered" }),
    durationMs: z.number().int(),
    attempts: z.number().int(),
    lastAttemptAt: z.string(),
    nextAttemptAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('WebhookDelivery');

/** An event a webhook can subscribe to. */
export const eventSchema = z.enum(webhookEvents);
