import { z } from '@hono/zod-openapi';

/** The delivery of a handed-off initiative as the API shows it, on the initiative, the roadmap and its own route. */
export const deliverySchema = z
  .object({
    projectId: z
      .string()
      .nullable()
      .openapi({ description: 'Null when the caller may not see the delivering project' }),
    projectName: z
      .string()
      .nullable()
      .openapi({ description: 'Null when the caller may not see the delivering project' }),
    progress: z.number().openapi({ description: 'Percent complete, 0–100' }),
    forecastFinish: z.string().nullable(),
    plannedFinish: z.string().nullable(),
    spi: z.number().nullable(),
    health: z.enum(['on_track', 'at_risk', 'late', 'unknown']),
    reasons: z.array(z.string()),
  })
  .openapi('InitiativeDelivery');
