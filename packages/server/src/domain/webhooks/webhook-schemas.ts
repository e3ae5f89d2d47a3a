import { z } from '@hono/zod-openapi';
import { webhookEvents } from './webhook-delivery';

/** One delivery attempt as the API shows it. */
export const deliverySchema = z
  .object({
    id: z.string(),
    webhookId: z.string(),
    event: z.string(),
    status: z.enum(['delivered', 'failed']),
    responseStatus: z.number().int().nullable(),
    error: z.string().nullable(),
    durationMs: z.number().int(),
    createdAt: z.string(),
  })
  .openapi('WebhookDelivery');

/** An event a webhook can subscribe to. */
export const eventSchema = z.enum(webhookEvents);
